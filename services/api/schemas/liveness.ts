import { authErrors, errorBody, fingerprintPattern } from './common.js';
import { reachSchema } from './findings.js';

const fingerprintParams = {
  type: 'object',
  required: ['fingerprint'],
  properties: { fingerprint: { type: 'string', pattern: fingerprintPattern } },
} as const;

const providerOwner = {
  type: 'object',
  properties: { user: { type: 'string' }, account: { type: 'string' }, team: { type: 'string' }, email: { type: 'string' }, tokenName: { type: 'string' } },
} as const;

const checkRecord = {
  type: 'object',
  required: ['at', 'outcome', 'reason', 'trigger', 'check', 'statusBefore', 'statusAfter'],
  properties: {
    at: { type: 'string', format: 'date-time' },
    outcome: { type: 'string', enum: ['live', 'revoked', 'unknown'] },
    reason: { type: 'string' },
    httpStatus: { type: 'integer' },
    owner: providerOwner,
    scopes: { type: 'array', items: { type: 'string' } },
    reach: reachSchema,
    trigger: { type: 'string', enum: ['scan', 'schedule', 'triage', 'cli', 'sweep', 'revoke'] },
    check: { type: 'string' },
    statusBefore: { type: 'string' },
    statusAfter: { type: 'string' },
  },
} as const;

export const findingLivenessSchema = {
  summary: "A finding's liveness: owner, next scheduled check, and every check (newest first)",
  tags: ['liveness'],
  params: fingerprintParams,
  querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 } } },
  response: {
    200: {
      type: 'object',
      required: ['status', 'owner', 'nextCheckAt', 'checks'],
      properties: {
        status: { type: 'string' },
        owner: {
          type: ['object', 'null'],
          properties: {
            provider: providerOwner,
            committer: {
              type: 'object',
              properties: { name: { type: ['string', 'null'] }, email: { type: ['string', 'null'] }, commit: { type: ['string', 'null'] }, date: { type: ['string', 'null'] } },
            },
            display: { type: 'string' },
          },
        },
        nextCheckAt: { type: ['string', 'null'] },
        checks: { type: 'array', items: checkRecord },
      },
    },
    ...authErrors,
    404: errorBody,
    503: errorBody,
  },
} as const;

export const recheckSchema = {
  summary: 'Ask for an immediate liveness check ("re-check", or "I revoked it"). Changes no state: only the provider\'s answer does.',
  tags: ['liveness'],
  params: fingerprintParams,
  body: {
    type: ['object', 'null'],
    additionalProperties: false,
    properties: { note: { type: 'string', maxLength: 500, description: 'Why, for the audit log (e.g. "revoked in the AWS console")' } },
  },
  response: {
    202: {
      type: 'object',
      required: ['queued', 'reason'],
      properties: { queued: { type: 'boolean' }, reason: { type: 'string' } },
    },
    ...authErrors,
    404: errorBody,
    409: errorBody,
    503: errorBody,
  },
} as const;

export const revokeSchema = {
  summary:
    "Revoke the finding's secret through its provider's documented revocation (role triage or admin), then check it at once. The provider's answer closes nothing: the finding closes only when the checks say revoked.",
  tags: ['liveness'],
  params: fingerprintParams,
  body: {
    type: ['object', 'null'],
    additionalProperties: false,
    properties: { note: { type: 'string', maxLength: 500, description: 'Why, for the audit log' } },
  },
  response: {
    202: {
      type: 'object',
      required: ['outcome', 'reason', 'provider', 'checkQueued'],
      properties: {
        outcome: { type: 'string', enum: ['accepted', 'refused', 'failed'], description: 'What the provider answered to the revocation' },
        reason: { type: 'string' },
        httpStatus: { type: 'integer' },
        provider: { type: 'string' },
        checkQueued: { type: 'boolean', description: 'An immediate liveness check was queued: it decides whether the finding moves' },
      },
    },
    ...authErrors,
    404: errorBody,
    409: errorBody,
    503: errorBody,
  },
} as const;
