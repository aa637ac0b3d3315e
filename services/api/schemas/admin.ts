import { authErrors, errorBody } from './common.js';

const tokenInfo = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    role: { type: 'string', enum: ['admin', 'triage', 'ingest', 'read-only'] },
    label: { type: 'string' },
    createdAt: { type: 'string' },
    createdBy: { type: 'string' },
  },
} as const;

export const createTokenSchema = {
  summary: 'Mint an API token (shown once)',
  tags: ['tokens'],
  body: {
    type: 'object',
    required: ['role'],
    additionalProperties: false,
    properties: {
      role: { type: 'string', enum: ['admin', 'triage', 'ingest', 'read-only'] },
      label: { type: 'string', maxLength: 100 },
    },
  },
  response: {
    201: { type: 'object', properties: { ...tokenInfo.properties, token: { type: 'string', description: 'The token itself: shown only in this response' } } },
    ...authErrors,
  },
} as const;

export const listTokensSchema = {
  summary: 'List API tokens (never their values)',
  tags: ['tokens'],
  response: { 200: { type: 'object', properties: { tokens: { type: 'array', items: tokenInfo } } }, ...authErrors },
} as const;

export const revokeTokenSchema = {
  summary: 'Revoke an API token',
  tags: ['tokens'],
  params: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } } },
  response: { 200: { type: 'object', properties: { id: { type: 'string' }, revoked: { type: 'boolean' } } }, ...authErrors, 404: errorBody },
} as const;

const auditRecord = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    hash: { type: 'string' },
    entry: { type: 'object', additionalProperties: true },
  },
} as const;

export const listAuditSchema = {
  summary: 'Audit log entries, newest first',
  tags: ['audit'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
      before: { type: 'string', pattern: '^\\d+-\\d+$', description: 'Stream id: entries older than it' },
    },
  },
  response: { 200: { type: 'object', properties: { entries: { type: 'array', items: auditRecord } } }, ...authErrors },
} as const;

export const verifyAuditSchema = {
  summary: 'Recompute the audit hash chain',
  tags: ['audit'],
  response: {
    200: {
      type: 'object',
      properties: {
        ok: { type: 'boolean' },
        entries: { type: 'integer' },
        head: { type: ['string', 'null'] },
        broken: {
          type: 'object',
          properties: { id: { type: ['string', 'null'] }, seq: { type: ['integer', 'null'] }, reason: { type: 'string' }, message: { type: 'string' } },
        },
      },
    },
    ...authErrors,
  },
} as const;

export const healthSchema = {
  summary: 'Liveness: the process answers',
  tags: ['health'],
  response: { 200: { type: 'object', properties: { status: { type: 'string' } } } },
} as const;

export const readySchema = {
  summary: 'Readiness: Redis (and any added dependency) answers',
  tags: ['health'],
  response: {
    200: { type: 'object', properties: { status: { type: 'string' }, checks: { type: 'object', additionalProperties: { type: 'string' } } } },
    503: errorBody,
  },
} as const;
