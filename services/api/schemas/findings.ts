import { ENCODINGS } from '../../../scanner/report/location-text.js';
import { LOCATION_KINDS } from '../../../scanner/types.js';
import { FINDING_STATUSES, RESOLUTION_KINDS } from '../../store/findings-store.js';
import { authErrors, errorBody, fingerprintPattern, pageQuery } from './common.js';

/** What a live secret could reach (liveness/reach.ts). */
export const reachSchema = {
  type: 'object',
  description: 'What the secret could reach when its provider last said it was live: the most it may do, production or test, and which accounts or resources',
  properties: {
    level: { type: 'string', enum: ['admin', 'write', 'read'] },
    environment: { type: 'string', enum: ['production', 'test'] },
    resources: { type: 'array', items: { type: 'string' } },
    resourceCount: { type: 'integer' },
    summary: { type: 'string' },
  },
} as const;

/** A person's resolution of a finding; null unless the status is `resolved`. */
export const resolutionSchema = {
  type: ['object', 'null'],
  required: ['kind', 'reason', 'at', 'by', 'expiresAt'],
  properties: {
    kind: { type: 'string', enum: RESOLUTION_KINDS },
    reason: { type: 'string' },
    at: { type: 'string', format: 'date-time' },
    by: { type: 'string', description: '`token:<id>` of who resolved it' },
    expiresAt: { type: ['string', 'null'], description: 'accepted-risk: when the finding reopens by itself' },
  },
} as const;

const location = {
  type: 'object',
  required: ['repository', 'kind', 'commit', 'path', 'line', 'column', 'author', 'email', 'date'],
  properties: {
    repository: { type: 'string' },
    kind: { type: 'string', enum: LOCATION_KINDS, description: 'Which text holds the secret: a file (blob), a path, a commit message, a tag, a ref name, ...' },
    commit: { type: ['string', 'null'] },
    path: { type: ['string', 'null'], description: 'The file (blob) or the path holding the secret (path); null for other kinds' },
    line: { type: 'integer', description: 'Within the text of the kind' },
    column: { type: 'integer' },
    author: { type: ['string', 'null'] },
    email: { type: ['string', 'null'] },
    date: { type: ['string', 'null'] },
    tag: { type: 'string', description: 'The annotated tag object (tag-* kinds)' },
    tagName: { type: 'string' },
    ref: { type: 'string', description: 'The ref name (ref-name), or a ref pointing at the tag (tag-* kinds)' },
    encoding: { type: 'string', enum: ENCODINGS, description: 'The secret was found decoded from this encoding' },
  },
} as const;

const summaryProperties = {
  fingerprint: { type: 'string' },
  detector: { type: 'string' },
  family: { type: 'string' },
  provider: { type: 'string' },
  title: { type: 'string' },
  severity: { type: 'string', enum: ['critical', 'high', 'medium', 'low'] },
  tier: { type: 'string', enum: ['identifiable', 'legacy'] },
  confidence: { type: 'string', enum: ['high', 'medium', 'low'] },
  reason: { type: 'string' },
  docs: { type: 'string' },
  revoke: { type: 'string' },
  redacted: { type: 'string', description: 'The secret, redacted. The value itself is never returned.' },
  companion: {
    type: ['object', 'null'],
    properties: { name: { type: 'string' }, redacted: { type: 'string' } },
  },
  context: { type: 'object', additionalProperties: { type: 'string' } },
  status: {
    type: 'string',
    enum: FINDING_STATUSES,
    description: '`closed`: the provider said the secret is revoked (verified). `resolved`: a person attested an end; see `resolution`.',
  },
  resolution: resolutionSchema,
  firstSeen: { type: 'string', format: 'date-time' },
  lastSeen: { type: 'string', format: 'date-time' },
  locationCount: { type: 'integer' },
  repositories: { type: 'array', items: { type: 'string' } },
  reach: { ...reachSchema, type: ['object', 'null'] },
} as const;

const summary = { type: 'object', properties: summaryProperties } as const;

export const listFindingsSchema = {
  summary: 'List findings (one per secret)',
  tags: ['findings'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      status: { type: 'string', enum: FINDING_STATUSES },
      provider: { type: 'string', minLength: 1, maxLength: 200 },
      repository: { type: 'string', minLength: 1, maxLength: 1024 },
      severity: { type: 'string', enum: ['critical', 'high', 'medium', 'low'] },
      ...pageQuery,
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['findings', 'nextCursor'],
      properties: { findings: { type: 'array', items: summary }, nextCursor: { type: ['string', 'null'] } },
    },
    ...authErrors,
  },
} as const;

export const getFindingSchema = {
  summary: 'One finding with its locations',
  tags: ['findings'],
  params: {
    type: 'object',
    required: ['fingerprint'],
    properties: { fingerprint: { type: 'string', pattern: fingerprintPattern } },
  },
  response: {
    200: {
      type: 'object',
      properties: {
        ...summaryProperties,
        locations: { type: 'array', items: location },
        locationsTruncated: { type: 'boolean' },
        excerpt: {
          type: ['object', 'null'],
          description:
            'The line that holds the secret and one line either side, every secret in them masked (at the first location the scan kept text for); `reason` says why the detector matched. Null for findings stored without one.',
          required: ['firstLine', 'text'],
          properties: { firstLine: { type: 'integer' }, text: { type: 'string' } },
        },
      },
    },
    ...authErrors,
    404: errorBody,
  },
} as const;
