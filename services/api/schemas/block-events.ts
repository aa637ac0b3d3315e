import { authErrors, errorBody, pageQuery } from './common.js';

/**
 * The hooks' block event (hooks/block-event.ts, BlockEvent). Unknown fields
 * are kept, not rejected, so a newer hook's events are still stored whole;
 * the fields we index and show are checked strictly.
 */
const blockFinding = {
  type: 'object',
  required: ['detector', 'title', 'provider', 'severity', 'fingerprint', 'redacted', 'locations'],
  properties: {
    detector: { type: 'string', maxLength: 200 },
    title: { type: 'string', maxLength: 500 },
    provider: { type: 'string', maxLength: 200 },
    severity: { type: 'string', maxLength: 50 },
    fingerprint: { type: 'string', pattern: '^[0-9a-f]{16,64}$' },
    redacted: { type: 'string', maxLength: 200 },
    locations: {
      type: 'array',
      maxItems: 10000,
      items: {
        type: 'object',
        required: ['line'],
        properties: {
          // A pattern, not an enum: a newer hook's kinds are stored too (and shown as they are).
          kind: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,49}$', description: 'Which text held the secret (blob, path, commit-message, tag-message, ref-name, ...); absent: blob' },
          commit: { type: 'string', maxLength: 64 },
          tag: { type: 'string', maxLength: 64, description: 'The annotated tag object (tag-* kinds)' },
          tagName: { type: 'string', maxLength: 1024 },
          ref: { type: 'string', maxLength: 1024 },
          path: { type: 'string', maxLength: 4096, description: 'Present for blob and path kinds' },
          line: { type: 'integer', minimum: 0 },
          encoding: { type: 'string', pattern: '^[a-z0-9-]{1,50}$', description: 'The secret was found decoded from this encoding' },
        },
      },
    },
  },
} as const;

export const blockEventBody = {
  type: 'object',
  required: ['id', 'time', 'hook', 'repository', 'pusher', 'refs', 'reason', 'findings'],
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,100}$' },
    time: { type: 'string', format: 'date-time' },
    hook: { type: 'string', minLength: 1, maxLength: 50 },
    repository: { type: 'string', minLength: 1, maxLength: 1024 },
    pusher: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['name', 'source'],
          properties: { name: { type: 'string', minLength: 1, maxLength: 256 }, source: { type: 'string', maxLength: 100 } },
        },
      ],
    },
    refs: {
      type: 'array',
      maxItems: 10000,
      items: {
        type: 'object',
        required: ['ref', 'oldOid', 'newOid'],
        properties: {
          ref: { type: 'string', maxLength: 1024 },
          oldOid: { type: 'string', pattern: '^[0-9a-f]{40}([0-9a-f]{24})?$' },
          newOid: { type: 'string', pattern: '^[0-9a-f]{40}([0-9a-f]{24})?$' },
        },
      },
    },
    reason: { type: 'string', enum: ['secrets', 'scan-incomplete'] },
    detail: { type: 'string', maxLength: 4096 },
    findings: { type: 'array', maxItems: 10000, items: blockFinding },
  },
} as const;

const storedEvent = {
  type: 'object',
  properties: {
    event: { type: 'object', additionalProperties: true },
    receivedAt: { type: 'string', format: 'date-time' },
    receivedBy: { type: 'string' },
  },
} as const;

export const postBlockEventSchema = {
  summary: 'Receive a block event from a hook',
  description:
    'Stores the event, indexed by repository and pusher, and records it in the audit log. Idempotent by event id: a re-sent event answers 200 with created=false. An event that carries a detectable secret is refused (422), never stored.',
  tags: ['events'],
  body: blockEventBody,
  response: {
    200: { type: 'object', properties: { id: { type: 'string' }, created: { type: 'boolean' } } },
    201: { type: 'object', properties: { id: { type: 'string' }, created: { type: 'boolean' } } },
    ...authErrors,
    422: errorBody,
  },
} as const;

export const listBlockEventsSchema = {
  summary: 'List block events, newest first',
  tags: ['events'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      repository: { type: 'string', minLength: 1, maxLength: 1024 },
      pusher: { type: 'string', minLength: 1, maxLength: 256 },
      ...pageQuery,
    },
  },
  response: {
    200: {
      type: 'object',
      properties: { events: { type: 'array', items: storedEvent }, nextCursor: { type: ['string', 'null'] } },
    },
    ...authErrors,
  },
} as const;

export const getBlockEventSchema = {
  summary: 'One block event',
  tags: ['events'],
  params: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,100}$' } } },
  response: { 200: storedEvent, ...authErrors, 404: errorBody },
} as const;
