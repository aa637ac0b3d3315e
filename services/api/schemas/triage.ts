import { RESOLUTION_KINDS } from '../../store/findings-store.js';
import { MAX_ACCEPTED_RISK_DAYS, MAX_REASON_LENGTH } from '../../triage/resolutions.js';
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
