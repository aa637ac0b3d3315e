import { emitterEventNames, Webhooks } from '@octokit/webhooks';
import type { FastifyError, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { SecretValue } from '../../scanner/secret-value.js';
import { ApiError } from '../api/api-error.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { ServiceContext } from '../context.js';
import { githubWebOrigin } from '../github/web-origin.js';
import { HISTORY_SCAN_QUEUE, PUSH_SCAN_QUEUE, type HistoryScanJobData, type PushScanJobData } from '../queue/jobs.js';
import { checkPushJob } from '../queue/push-scan-processor.js';
import { QueueError } from '../queue/queue-error.js';
import { parseRepositorySource } from '../queue/repository-source.js';
import type { EnqueueResult } from '../queue/scan-queues.js';
import { DeliveryGuard } from './delivery-guard.js';
import { webhookMetrics, type DeliveryOutcome, type WebhookMetrics } from './webhook-metrics.js';
import { planInstallationCreated, planPush, planRepositoriesAdded, planRepositoryCreated, type PlannedScan } from './webhook-scans.js';

/**
 * `POST /webhooks/github`, a plugin for buildApi's `plugins`. A delivery is
 * checked in a fixed order, each step answering with its own code:
 *
 * 1. path and method (the router: anything else is 404 ROUTE_NOT_FOUND);
 * 2. content type `application/json` (415), before the body is read;
 * 3. headers `X-GitHub-Event` and `X-GitHub-Delivery` (400) and
 *    `X-Hub-Signature-256` (401 unsigned), before the body is read;
 * 4. the signature over the raw body, with the current secret then the
 *    previous one (401 forged); rejected deliveries are logged without body;
 * 5. the JSON payload (400) and the scans it asks for (@octokit/webhooks routes it);
 * 6. duplicates: a delivery id already seen is answered 200 `duplicate`;
 * 7. the scans are queued (202) within a deadline well inside GitHub's
 *    10 seconds; the scanning itself happens in the workers.
 */
export const GITHUB_WEBHOOK_PATH = '/webhooks/github';
/** GitHub caps webhook payloads at 25 MB. */
export const MAX_WEBHOOK_BODY = 25 * 1024 * 1024;
const DEFAULT_DEADLINE_MS = 8_000;

/** The queue side the plugin needs; services/queue/scan-queues.ts's ScanQueues is one. */
export interface ScanEnqueuer {
  enqueuePushScan(data: PushScanJobData): Promise<EnqueueResult>;
  enqueueHistoryScan(data: HistoryScanJobData): Promise<EnqueueResult>;
}

export interface GithubWebhookDeps {
  /** Webhook secrets, current first (config `github.webhookSecrets`). */
  readonly secrets: readonly SecretValue[];
  readonly scans: ScanEnqueuer;
  readonly redis: Redis;
  /** PUSHGATE_REDIS_PREFIX. */
  readonly redisPrefix: string;
  /** The app's metrics registry. */
  readonly registry: Registry;
  /** GITHUB_API_URL: tells which GitHub installation payloads' repositories live on when they do not say. */
  readonly apiUrl: string;
  /** History scans started by GitHub are recorded here (pushes are not: one entry per push would drown it). */
  readonly audit?: AuditLog;
  readonly deliveryTtlSeconds?: number;
  /** Longest time spent queueing before answering 503 (default 8 s; GitHub gives up after 10). */
  readonly deadlineMs?: number;
}

export class WebhookConfigError extends Error {
  override readonly name = 'WebhookConfigError';
  readonly code = 'WEBHOOK_SECRET_MISSING';
  constructor() {
    super('GitHub webhooks need GITHUB_WEBHOOK_SECRET');
  }
}

const CONTENT_TYPE_JSON = /^\s*application\/json\s*(?:;|$)/i;
const DELIVERY_ID = /^[A-Za-z0-9._-]{1,128}$/;
const EVENT_NAME = /^[a-z_]{1,64}$/;
const KNOWN_EVENTS = new Set<string>(emitterEventNames.filter((n) => !n.includes('.')));

interface QueuedScan {
  readonly queue: string;
  readonly id: string;
  readonly deduplicated: boolean;
}

const scanSchema = {
  type: 'object',
  properties: { queue: { type: 'string', enum: [PUSH_SCAN_QUEUE, HISTORY_SCAN_QUEUE] }, id: { type: 'string' }, deduplicated: { type: 'boolean' } },
  required: ['queue', 'id', 'deduplicated'],
} as const;

const answerSchema = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['accepted', 'duplicate', 'ignored', 'pong'] },
    event: { type: 'string' },
    deliveryId: { type: 'string' },
    scans: { type: 'array', items: scanSchema },
  },
  required: ['status', 'event', 'deliveryId', 'scans'],
} as const;

const errorSchema = {
  type: 'object',
  properties: {
    error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, requestId: { type: 'string' } }, required: ['code', 'message'] },
  },
} as const;

const routeSchema = {
  summary: 'Receive a GitHub webhook delivery',
  description:
    'GitHub App or repository webhook endpoint (content type `application/json`). Deliveries must be signed (`X-Hub-Signature-256` with GITHUB_WEBHOOK_SECRET or GITHUB_WEBHOOK_SECRET_PREVIOUS). ' +
    '`push` queues a push scan of the pushed range; `repository` created, `installation` created and `installation_repositories` added queue a history scan of each repository. ' +
    'Duplicate deliveries (same `X-GitHub-Delivery`) are answered 200 `duplicate` and queue nothing.',
  tags: ['github'],
  response: { 200: answerSchema, 202: answerSchema, 400: errorSchema, 401: errorSchema, 413: errorSchema, 415: errorSchema, 422: errorSchema, 503: errorSchema },
} as const;

export function githubWebhookPlugin(deps: GithubWebhookDeps): FastifyPluginAsync {
  const [current, ...previous] = deps.secrets;
  if (!current) throw new WebhookConfigError();
  // The router verifies with every secret; one verifier per secret tells which one signed (rotation progress).
  const router = new Webhooks({ secret: current.reveal(), additionalSecrets: previous.map((s) => s.reveal()) });
  const verifiers = [router, ...previous.map((s) => new Webhooks({ secret: s.reveal() }))];
  const webOrigin = githubWebOrigin(deps.apiUrl);
  const guard = new DeliveryGuard({ redis: deps.redis, prefix: deps.redisPrefix, ...(deps.deliveryTtlSeconds !== undefined ? { ttlSeconds: deps.deliveryTtlSeconds } : {}) });
  const deadlineMs = deps.deadlineMs ?? DEFAULT_DEADLINE_MS;

  // Handlers add to the plan of the payload they are given (each request parses its own payload object).
  const plans = new WeakMap<object, PlannedScan[]>();
  const plan = (payload: object, scans: PlannedScan[]): void => void plans.get(payload)?.push(...scans);
  router.on('push', ({ id, payload }) => plan(payload, planPush(payload, id)));
  router.on('repository.created', ({ id, payload }) => plan(payload, planRepositoryCreated(payload, id)));
  router.on('installation.created', ({ id, payload }) => plan(payload, planInstallationCreated(payload, id, webOrigin)));
  router.on('installation_repositories.added', ({ id, payload }) => plan(payload, planRepositoriesAdded(payload, id, webOrigin)));

  return async (app) => {
    const metrics: WebhookMetrics = webhookMetrics(deps.registry);
    const eventLabel = (request: FastifyRequest): string => {
      const e = request.headers['x-github-event'];
      return typeof e === 'string' && KNOWN_EVENTS.has(e) ? e : 'other';
    };
    const count = (request: FastifyRequest, outcome: DeliveryOutcome): void => metrics.deliveries.inc({ event: eventLabel(request), outcome });
    /** Counts, logs (never the body or the signature) and refuses a delivery. */
    const refuse = (request: FastifyRequest, outcome: DeliveryOutcome, error: ApiError): ApiError => {
      count(request, outcome);
      request.log.warn(
        {
          webhook: 'github',
          outcome,
          code: error.code,
          event: safeHeader(request.headers['x-github-event']),
          deliveryId: safeHeader(request.headers['x-github-delivery']),
          remoteAddress: request.ip,
          contentLength: Number(request.headers['content-length']) || 0,
        },
        'GitHub webhook delivery refused',
      );
      return error;
    };

    // The body stays raw: the signature is over its exact bytes.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    app.setErrorHandler(async (err: FastifyError, request) => {
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        throw refuse(request, 'too-large', new ApiError(413, 'WEBHOOK_BODY_TOO_LARGE', `the delivery exceeds GitHub's payload cap of ${MAX_WEBHOOK_BODY} bytes`));
      }
      // Everything else is answered by the API's own error handler.
      throw err;
    });

    app.post<{ Body: Buffer | undefined }>(
      GITHUB_WEBHOOK_PATH,
      {
        schema: routeSchema,
        bodyLimit: MAX_WEBHOOK_BODY,
        // Steps 2 and 3 run before the body is read, so an unsigned sender cannot make us buffer 25 MB.
        onRequest: async (request) => {
          const type = request.headers['content-type'];
          if (typeof type !== 'string' || !CONTENT_TYPE_JSON.test(type)) {
            throw refuse(
              request,
              'unsupported-media-type',
              new ApiError(415, 'WEBHOOK_CONTENT_TYPE_UNSUPPORTED', 'deliveries must be sent as application/json (set the webhook content type to application/json on GitHub)'),
            );
          }
          const event = request.headers['x-github-event'];
          const delivery = request.headers['x-github-delivery'];
          const missing = [typeof event === 'string' ? '' : 'X-GitHub-Event', typeof delivery === 'string' ? '' : 'X-GitHub-Delivery'].filter(Boolean);
          if (missing.length > 0) throw refuse(request, 'headers-missing', new ApiError(400, 'WEBHOOK_HEADERS_MISSING', `required headers missing: ${missing.join(', ')}`));
          if (!EVENT_NAME.test(event as string) || !DELIVERY_ID.test(delivery as string)) {
            throw refuse(request, 'headers-missing', new ApiError(400, 'WEBHOOK_HEADERS_INVALID', 'X-GitHub-Event or X-GitHub-Delivery is not well-formed'));
          }
          if (typeof request.headers['x-hub-signature-256'] !== 'string') {
            throw refuse(request, 'unsigned', new ApiError(401, 'WEBHOOK_SIGNATURE_MISSING', 'the delivery is not signed (X-Hub-Signature-256): set a webhook secret on GitHub'));
          }
        },
      },
      async (request, reply) => {
        const event = request.headers['x-github-event'] as string;
        const deliveryId = request.headers['x-github-delivery'] as string;
        const signature = request.headers['x-hub-signature-256'] as string;
        // GitHub signs UTF-8 JSON; a body that is not valid UTF-8 decodes differently and fails the check.
        const text = (request.body ?? Buffer.alloc(0)).toString('utf8');

        const signedWith = await whichSecret(verifiers, text, signature);
        if (signedWith === -1) {
          throw refuse(request, 'forged', new ApiError(401, 'WEBHOOK_SIGNATURE_INVALID', 'X-Hub-Signature-256 does not match the body and the webhook secret'));
        }
        if (signedWith > 0) request.log.info({ deliveryId }, 'GitHub delivery signed with GITHUB_WEBHOOK_SECRET_PREVIOUS: finish the secret rotation on GitHub');

        let payload: unknown;
        try {
          payload = JSON.parse(text);
        } catch {
          throw refuse(request, 'malformed', new ApiError(400, 'WEBHOOK_PAYLOAD_MALFORMED', 'the body is not valid JSON'));
        }
        if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
          throw refuse(request, 'malformed', new ApiError(400, 'WEBHOOK_PAYLOAD_MALFORMED', 'the body is not a JSON object'));
        }

        const scans: PlannedScan[] = [];
        plans.set(payload, scans);
        try {
          await router.receive({ id: deliveryId, name: event, payload } as never);
        } catch {
          throw refuse(request, 'malformed', new ApiError(400, 'WEBHOOK_PAYLOAD_MALFORMED', `the payload lacks fields a ${event} event has`));
        }
        for (const scan of scans) {
          try {
            parseRepositorySource(scan.data.repository);
            if (scan.queue === PUSH_SCAN_QUEUE) checkPushJob(scan.data);
          } catch (err) {
            if (!(err instanceof QueueError)) throw err;
            throw refuse(request, 'malformed', new ApiError(422, 'WEBHOOK_PAYLOAD_UNUSABLE', `cannot scan what this ${event} event names (${err.code})`));
          }
        }

        if (event === 'ping' || scans.length === 0) {
          count(request, 'ignored');
          request.log.info({ event, deliveryId }, event === 'ping' ? 'GitHub webhook ping' : 'GitHub delivery needs no scan');
          return reply.code(200).send({ status: event === 'ping' ? 'pong' : 'ignored', event, deliveryId, scans: [] });
        }

        let claimed = false;
        try {
          const queued = await withDeadline(deadlineMs, async () => {
            claimed = await guard.claim(deliveryId);
            if (!claimed) return undefined;
            const results = await Promise.all(scans.map((s) => enqueue(s)));
            // Queued: a failure to confirm only shortens the claim to its pending minute (a redelivery then finds the jobs).
            await guard.confirm(deliveryId).catch((err: unknown) => request.log.warn({ err, deliveryId }, 'could not confirm a GitHub delivery claim'));
            return results;
          });
          if (!queued) {
            count(request, 'duplicate');
            request.log.info({ event, deliveryId }, 'duplicate GitHub delivery dropped');
            return reply.code(200).send({ status: 'duplicate', event, deliveryId, scans: [] });
          }
          for (const s of queued) if (!s.deduplicated) metrics.scansQueued.inc({ queue: s.queue });
          await auditHistoryScans(request, event, deliveryId, scans, queued);
          count(request, 'accepted');
          request.log.info({ event, deliveryId, scans: queued.length, deduplicated: queued.filter((s) => s.deduplicated).length }, 'GitHub delivery queued');
          return reply.code(202).send({ status: 'accepted', event, deliveryId, scans: queued });
        } catch (err) {
          if (claimed) await guard.release(deliveryId).catch(() => {});
          if (err instanceof ApiError) throw err;
          request.log.error({ err, deliveryId }, 'could not queue the scans of a GitHub delivery');
          throw refuse(request, 'enqueue-failed', new ApiError(503, 'WEBHOOK_ENQUEUE_FAILED', 'the scans could not be queued; GitHub may redeliver'));
        }
      },
    );

    async function enqueue(scan: PlannedScan): Promise<QueuedScan> {
      const result = scan.queue === PUSH_SCAN_QUEUE ? await deps.scans.enqueuePushScan(scan.data) : await deps.scans.enqueueHistoryScan(scan.data);
      return { queue: scan.queue, id: result.id, deduplicated: result.deduplicated };
    }

    async function auditHistoryScans(request: FastifyRequest, event: string, deliveryId: string, scans: PlannedScan[], queued: QueuedScan[]): Promise<void> {
      if (!deps.audit) return;
      for (const [i, scan] of scans.entries()) {
        if (scan.queue !== HISTORY_SCAN_QUEUE) continue;
        await deps.audit.append({
          action: 'scan.enqueue',
          actor: { kind: 'system', id: 'github-webhook' },
          target: { type: 'scan', id: queued[i]!.id },
          data: { queue: HISTORY_SCAN_QUEUE, repository: scan.data.repository, deduplicated: queued[i]!.deduplicated, event, deliveryId },
          requestId: request.id,
        });
      }
    }
  };
}

/** Index of the secret that signed `text` (0: current), or -1. */
async function whichSecret(verifiers: readonly Webhooks[], text: string, signature: string): Promise<number> {
  if (text === '' || !signature.startsWith('sha256=')) return -1;
  for (const [i, v] of verifiers.entries()) {
    if (await v.verify(text, signature).catch(() => false)) return i;
  }
  return -1;
}

function safeHeader(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && DELIVERY_ID.test(value) ? value : undefined;
}

class DeadlineExceeded extends Error {}

async function withDeadline<T>(ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DeadlineExceeded(`not done within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The plugin wired to a service context (services/serve.ts), or undefined
 * when GITHUB_WEBHOOK_SECRET is not set (the route then does not exist).
 */
export function githubWebhookPluginFor(context: ServiceContext, scans: ScanEnqueuer, options: Pick<GithubWebhookDeps, 'deadlineMs' | 'deliveryTtlSeconds'> = {}): FastifyPluginAsync | undefined {
  const { github, redisPrefix } = context.config;
  if (github.webhookSecrets.length === 0) return undefined;
  return githubWebhookPlugin({
    secrets: github.webhookSecrets,
    scans,
    redis: context.redis,
    redisPrefix,
    registry: context.metrics.registry,
    apiUrl: github.apiUrl,
    audit: context.audit,
    ...options,
  });
}
