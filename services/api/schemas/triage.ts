import { RESOLUTION_KINDS } from '../../store/findings-store.js';
import { MAX_ACCEPTED_RISK_DAYS, MAX_REASON_LENGTH } from '../../triage/resolutions.js';
import { MAX_BULK } from '../../triage/bulk.js';
import { EXPORT_FORMATS } from '../../triage/findings-export.js';
import { QUEUE_STATUS_FILTERS } from '../../console/queue.js';
import { MAX_ASSIGNEE_LENGTH, MAX_COMMENT_LENGTH, MAX_NOTE_LENGTH } from '../../triage/triage-store.js';
import { resolutionSchema } from './findings.js';
import { authErrors, errorBody, fingerprintPattern } from './common.js';

const params = {
  type: 'object',
  required: ['fingerprint'],
  properties: { fingerprint: { type: 'string', pattern: fingerprintPattern } },
} as const;

const mark = { at: { type: 'string', format: 'date-time' }, by: { type: 'string', description: '`token:<id>` of who did it' } } as const;

const comment = {
  type: 'object',
  required: ['id', 'at', 'by', 'text'],
  properties: { id: { type: 'string' }, ...mark, text: { type: 'string' } },
} as const;

const triageState = {
  type: 'object',
  required: ['fingerprint', 'assignee', 'revocationRequested', 'commentCount', 'comments'],
  properties: {
    fingerprint: { type: 'string' },
    assignee: { type: ['object', 'null'], properties: { name: { type: 'string' }, ...mark } },
    revocationRequested: {
      type: ['object', 'null'],
      description: 'Set when someone marked that revocation was requested from the owner. It does not change the status: a liveness check closes the finding.',
      properties: { note: { type: 'string' }, ...mark },
    },
    commentCount: { type: 'integer' },
    comments: { type: 'array', items: comment, description: 'The newest 200, oldest first' },
  },
} as const;

const actionErrors = { ...authErrors, 404: errorBody, 422: errorBody } as const;

export const getTriageSchema = {
  summary: "A finding's triage state: assignee, revocation request, comments",
  tags: ['triage'],
  params,
  response: { 200: triageState, ...authErrors, 404: errorBody },
} as const;

export const assignSchema = {
  summary: 'Assign a finding to a person (null unassigns)',
  tags: ['triage'],
  params,
  body: {
    type: 'object',
    required: ['assignee'],
    additionalProperties: false,
    properties: { assignee: { type: ['string', 'null'], minLength: 1, maxLength: MAX_ASSIGNEE_LENGTH } },
  },
  response: { 200: triageState, ...actionErrors },
} as const;

export const commentSchema = {
  summary: 'Comment on a finding',
  tags: ['triage'],
  params,
  body: {
    type: 'object',
    required: ['text'],
    additionalProperties: false,
    properties: { text: { type: 'string', minLength: 1, maxLength: MAX_COMMENT_LENGTH } },
  },
  response: { 201: comment, ...actionErrors },
} as const;

export const revocationRequestedSchema = {
  summary: 'Mark that revocation was requested from the owner (the status does not change)',
  tags: ['triage'],
  params,
  body: {
    // No body at all is fine: the note is optional.
    type: ['object', 'null'],
    additionalProperties: false,
    properties: { note: { type: 'string', maxLength: MAX_NOTE_LENGTH } },
  },
  response: { 200: triageState, ...actionErrors, 409: errorBody },
} as const;

const resolutionState = {
  type: 'object',
  required: ['fingerprint', 'status', 'resolution'],
  properties: { fingerprint: { type: 'string' }, status: { type: 'string' }, resolution: resolutionSchema },
} as const;

export const resolveSchema = {
  summary: 'Resolve a finding no provider can judge, with a reason (it leaves the queue as `resolved`)',
  description:
    'For legacy findings and for identifiable ones whose detector has no provider check. A finding whose detector has a provider check answers ' +
    `409 RESOLUTION_NEEDS_VERDICT: it closes only when the provider says revoked. \`expiresAt\` is required for accepted-risk (at most ${MAX_ACCEPTED_RISK_DAYS} days ahead) ` +
    'and refused otherwise. The finding reopens when its secret is seen in a new place, or when an accepted risk expires. Resolving again replaces the resolution.',
  tags: ['triage'],
  params,
  body: {
    type: 'object',
    required: ['resolution', 'reason'],
    additionalProperties: false,
    properties: {
      resolution: { type: 'string', enum: RESOLUTION_KINDS },
      reason: { type: 'string', minLength: 1, maxLength: MAX_REASON_LENGTH },
      expiresAt: { type: ['string', 'null'], maxLength: 40 },
    },
  },
  response: { 200: resolutionState, ...actionErrors, 400: errorBody, 409: errorBody },
} as const;

export const unresolveSchema = {
  summary: "Remove a finding's resolution (it is `open`, in the queue, again)",
  tags: ['triage'],
  params,
  response: { 200: resolutionState, ...actionErrors, 409: errorBody },
} as const;

export const bulkSchema = {
  summary: 'Assign, resolve or re-check many findings at once',
  description:
    'Each finding is done on its own, with the rules and audit entries of the single actions; one refused (RESOLUTION_NEEDS_VERDICT, LIVENESS_NOT_CHECKABLE, FINDING_NOT_FOUND, ...) does not stop the others. ' +
    'Texts are checked once, before anything is done (400/422 for the whole request).',
  tags: ['triage'],
  body: {
    type: 'object',
    required: ['action', 'fingerprints'],
    additionalProperties: false,
    properties: {
      action: { type: 'string', enum: ['assign', 'resolve', 'recheck'] },
      fingerprints: { type: 'array', minItems: 1, maxItems: MAX_BULK, items: { type: 'string', pattern: fingerprintPattern } },
      assignee: { type: ['string', 'null'], minLength: 1, maxLength: MAX_ASSIGNEE_LENGTH },
      resolution: { type: 'string', enum: RESOLUTION_KINDS },
      reason: { type: 'string', minLength: 1, maxLength: MAX_REASON_LENGTH },
      expiresAt: { type: ['string', 'null'], maxLength: 40 },
    },
    allOf: [
      { if: { properties: { action: { const: 'assign' } } }, then: { required: ['assignee'] } },
      { if: { properties: { action: { const: 'resolve' } } }, then: { required: ['resolution', 'reason'] } },
    ],
  },
  response: {
    200: {
      type: 'object',
      required: ['done', 'refused', 'results'],
      properties: {
        done: { type: 'integer' },
        refused: { type: 'integer' },
        results: {
          type: 'array',
          items: {
            type: 'object',
            required: ['fingerprint', 'ok'],
            properties: { fingerprint: { type: 'string' }, ok: { type: 'boolean' }, code: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
    ...actionErrors,
    400: errorBody,
    503: errorBody,
  },
} as const;

export const exportSchema = {
  summary: 'Export the findings of a filter as JSON, CSV or SARIF',
  description:
    'The same selection as the console queue (`status`: `queue` for live, unknown and open; `all`, the default; or one status), sorted by severity. ' +
    'Values are redacted. `closed` (verified revoked) and `resolved` (attested) stay apart: JSON and CSV carry the status and resolution, SARIF a suppression ' +
    '(external, accepted, with the justification) for resolved findings and `properties.closure`. At most 5000 findings per status are read; ' +
    '`X-Pushgate-Truncated: true` says some were left out.',
  tags: ['findings'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      format: { type: 'string', enum: EXPORT_FORMATS, default: 'json' },
      status: { type: 'string', enum: QUEUE_STATUS_FILTERS },
      severity: { type: 'string', enum: ['critical', 'high', 'medium', 'low'] },
      provider: { type: 'string', minLength: 1, maxLength: 200 },
      repository: { type: 'string', minLength: 1, maxLength: 1024 },
      q: { type: 'string', minLength: 1, maxLength: 200, description: 'Text in the fingerprint (its start), detector, a repository or a path' },
    },
  },
  response: { ...authErrors },
} as const;
