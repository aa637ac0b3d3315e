import { authErrors, errorBody } from '../api/schemas/common.js';
import { HISTORY_SCAN_QUEUE, PUSH_SCAN_QUEUE } from './jobs.js';

/** JSON schemas of the scan routes; response schemas double as allow-lists (fastify serializes only what they name). */
const queueName = { type: 'string', enum: [HISTORY_SCAN_QUEUE, PUSH_SCAN_QUEUE] } as const;
const jobId = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,100}$' } as const;

const progress = {
  type: ['object', 'null'],
  description: 'Where the job is: counts only',
  properties: {
    phase: { type: 'string', enum: ['fetching', 'scanning', 'storing', 'reporting', 'done'] },
    percent: { type: 'integer', minimum: 0, maximum: 100 },
    blobs: { type: 'integer', description: 'Blobs scanned so far' },
    blobsTotal: { type: ['integer', 'null'], description: 'Blobs to scan, once known' },
    bytes: { type: 'integer', description: 'Bytes scanned so far' },
  },
} as const;

const summary = {
  type: ['object', 'null'],
  description: 'The scan result when the job completed: counts and fingerprints (push scans also redacted values); never a secret',
  properties: {
    repository: { type: 'string', description: 'The name findings are stored under (GET /v1/findings?repository=...)' },
    findings: { type: 'integer' },
    identifiable: { type: 'integer' },
    created: { type: 'integer', description: 'Findings new to the store' },
    locationsAdded: { type: 'integer', description: 'Locations new to the store' },
    fingerprints: { type: 'array', items: { type: 'string' } },
    fingerprintsTruncated: { type: 'boolean' },
    redacted: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          detector: { type: 'string' },
          title: { type: 'string' },
          redacted: { type: 'string' },
          kind: { type: 'string', description: 'Which text holds the secret (blob, path, commit-message, tag-message, ref-name, ...)' },
          path: { type: 'string', description: "The file or path holding the secret; '' for other kinds" },
          line: { type: 'integer' },
          commit: { type: 'string' },
          tag: { type: 'string' },
          tagName: { type: 'string' },
          ref: { type: 'string' },
        },
      },
    },
    blobs: { type: 'integer' },
    bytes: { type: 'integer' },
    skipped: { type: 'integer' },
    fetch: { type: 'string', enum: ['clone', 'fetch'] },
    scanSeconds: { type: 'number' },
    seconds: { type: 'number' },
    reported: { type: 'integer' },
  },
} as const;

const scanJob = {
  type: 'object',
  required: ['id', 'queue', 'state', 'repository', 'attemptsMade', 'attempts', 'createdAt'],
  properties: {
    id: { type: 'string' },
    queue: queueName,
    state: { type: 'string', enum: ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'completed', 'failed', 'unknown'] },
    repository: { type: 'string' },
    ref: { type: 'string' },
    after: { type: 'string' },
    requestedBy: { type: ['string', 'null'], description: 'Token id of the caller that queued it' },
    source: { type: ['string', 'null'], enum: ['api', 'webhook', null] },
    progress,
    attemptsMade: { type: 'integer', description: 'Tries that ran to an end (completed or failed); a try cut short by a dead worker does not count' },
    attempts: { type: 'integer', description: 'Tries allowed' },
    stalled: { type: 'integer', description: 'Times its worker died mid-job and the job was recovered' },
    createdAt: { type: 'string', format: 'date-time' },
    startedAt: { type: ['string', 'null'], format: 'date-time' },
    finishedAt: { type: ['string', 'null'], format: 'date-time' },
    summary,
    error: {
      type: ['object', 'null'],
      description: 'The last failure (also while a retry waits): a stable code such as REPOSITORY_NOT_FOUND or FETCH_FAILED, and a message',
      properties: { code: { type: 'string' }, message: { type: 'string' } },
    },
  },
} as const;

export const postScanSchema = {
  summary: 'Queue a history scan of a repository',
  description:
    'Queues a scan of every blob in the history of a git repository: https or ssh from a public host; http, git, file URLs, local paths ' +
    'and private hosts only where PUSHGATE_REPOSITORY_ALLOW opens them (otherwise 403 REPOSITORY_NOT_ALLOWED, and no job is created). ' +
    'URLs must not carry credentials. While a scan of the same repository is queued or running, that job is returned (deduplicated: true). ' +
    'Findings land in the findings store under the repository as given (a path resolved).',
  tags: ['scans'],
  body: {
    type: 'object',
    required: ['repository'],
    additionalProperties: false,
    properties: { repository: { type: 'string', minLength: 1, maxLength: 1024, description: 'git URL or absolute path' } },
  },
  response: {
    202: {
      type: 'object',
      required: ['id', 'queue', 'state', 'deduplicated'],
      properties: { id: { type: 'string' }, queue: queueName, state: { type: 'string' }, deduplicated: { type: 'boolean' } },
    },
    ...authErrors,
    422: errorBody,
  },
} as const;

export const getScanSchema = {
  summary: 'A history scan: state, progress, and the summary when done',
  tags: ['scans'],
  params: { type: 'object', required: ['id'], properties: { id: jobId } },
  response: { 200: scanJob, ...authErrors, 404: errorBody },
} as const;

export const listDeadScansSchema = {
  summary: 'Scan jobs that failed for good (dead letters), newest first',
  description: 'Jobs whose tries are all spent, or that failed permanently (e.g. REPOSITORY_NOT_FOUND). Kept 30 days.',
  tags: ['scans'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      queue: queueName,
      offset: { type: 'integer', minimum: 0, maximum: 10000, default: 0 },
      limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    },
  },
  response: {
    200: { type: 'object', properties: { jobs: { type: 'array', items: scanJob }, total: { type: 'integer' } } },
    ...authErrors,
  },
} as const;

export const retryDeadScanSchema = {
  summary: 'Send a dead-letter job back to its queue with all its tries',
  tags: ['scans'],
  params: { type: 'object', required: ['queue', 'id'], properties: { queue: queueName, id: jobId } },
  response: { 202: scanJob, ...authErrors, 404: errorBody, 409: errorBody },
} as const;
