import { ENCODINGS } from '../../../scanner/report/location-text.js';
import { LOCATION_KINDS } from '../../../scanner/types.js';
import { authErrors, errorBody } from './common.js';

export const scanFinding = {
  type: 'object',
  properties: {
    detector: { type: 'string' },
    title: { type: 'string' },
    provider: { type: 'string' },
    severity: { type: 'string' },
    tier: { type: 'string' },
    confidence: { type: 'string' },
    fingerprint: { type: 'string' },
    redacted: { type: 'string' },
    companion: { type: 'object', properties: { name: { type: 'string' }, redacted: { type: 'string' } } },
    docs: { type: 'string' },
    revoke: { type: 'string' },
    locations: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string', enum: LOCATION_KINDS, description: 'Which text holds the secret (a scanned text or diff is a file: blob)' },
          path: { type: 'string' },
          line: { type: 'integer' },
          column: { type: 'integer' },
          commit: { type: 'string' },
          encoding: { type: 'string', enum: ENCODINGS, description: 'The secret was found decoded from this encoding' },
        },
      },
    },
  },
} as const;

export const scanSchema = {
  summary: 'Scan a text or a unified diff synchronously',
  description:
    'Body: `text/plain` (a text; `?kind=diff` to read it as a diff, `?path=` to name it), `text/x-diff` or `text/x-patch` (a unified diff: only added lines are scanned, reported with the new path and line), or JSON `{ "content", "kind": "text"|"diff", "path" }`. Bodies above the configured limit get 413 SCAN_BODY_TOO_LARGE. Nothing is stored.',
  tags: ['scan'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      kind: { type: 'string', enum: ['text', 'diff'] },
      path: { type: 'string', minLength: 1, maxLength: 4096 },
    },
  },
  body: {
    anyOf: [
      { type: 'string' },
      {
        type: 'object',
        required: ['content'],
        additionalProperties: false,
        properties: {
          content: { type: 'string' },
          kind: { type: 'string', enum: ['text', 'diff'] },
          path: { type: 'string', minLength: 1, maxLength: 4096 },
        },
      },
    ],
  },
  response: {
    200: {
      type: 'object',
      properties: {
        kind: { type: 'string', enum: ['text', 'diff'] },
        blocked: { type: 'boolean', description: 'True when a finding is of an identifiable detector (one that blocks pushes)' },
        findings: { type: 'array', items: scanFinding },
        stats: { type: 'object', properties: { bytes: { type: 'integer' }, files: { type: 'integer' } } },
      },
    },
    ...authErrors,
    413: errorBody,
    415: errorBody,
  },
} as const;
