import { createHmac, randomUUID } from 'node:crypto';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { request } from 'undici';
import type { ProviderOwner } from '../../liveness/types.js';
import type { SecretValue } from '../../scanner/secret-value.js';
import { bullPrefix } from '../queue/scan-queues.js';
import type { FindingStatus } from '../store/findings-store.js';
import type { CheckTrigger } from './liveness-control.js';

/**
 * Outgoing webhooks: each change of a finding's liveness status, and each
 * change of its resolution, is POSTed to every PUSHGATE_LIVENESS_WEBHOOK_URLS entry, through a BullMQ queue so a
 * receiver that is down gets it later (8 tries, exponential backoff from 2 s).
 *
 * Receivers verify `X-Pushgate-Signature-256: sha256=<hex HMAC-SHA256 of the
 * raw body>` with PUSHGATE_LIVENESS_WEBHOOK_SECRET (same scheme as GitHub's
 * webhooks), and deduplicate on `X-Pushgate-Delivery`, which stays the same
 * across retries. Bodies carry redacted values and fingerprints only.
 */
export const LIVENESS_WEBHOOK_QUEUE = 'liveness-webhooks';
export const SIGNATURE_HEADER = 'x-pushgate-signature-256';

export interface LivenessChangeEvent {
  readonly event: 'finding.liveness_changed';
  readonly at: string;
  readonly finding: {
    readonly fingerprint: string;
    readonly detector: string;
    readonly provider: string;
    readonly title: string;
    readonly severity: string;
    readonly redacted: string;
    readonly repositories: readonly string[];
  };
  readonly previousStatus: FindingStatus;
  readonly status: FindingStatus;
  readonly reopened: boolean;
  readonly verdict: {
    readonly check: string;
    readonly outcome: string;
    readonly reason: string;
    readonly httpStatus?: number;
    readonly owner?: ProviderOwner;
    readonly trigger: CheckTrigger;
  };
}

/** Why a finding's resolution changed (services/triage/resolutions.ts). */
export type ResolutionChangeCause = 'resolved' | 'resolution-removed' | 'new-location' | 'accepted-risk-expired';

/**
 * A person resolved a finding (attested, not verified), removed a resolution,
 * or a resolution ended by itself: the secret showed up in a new place, or an
 * accepted risk expired. Receivers tell it from a provider's verdict by the
 * event name: `finding.liveness_changed` to `closed` is "verified revoked".
 */
export interface ResolutionChangeEvent {
  readonly event: 'finding.resolution_changed';
  readonly at: string;
  readonly finding: LivenessChangeEvent['finding'];
  readonly previousStatus: FindingStatus;
  readonly status: FindingStatus;
  readonly cause: ResolutionChangeCause;
  /** The resolution set (cause `resolved`) or the one that ended. */
  readonly resolution: { readonly kind: string; readonly reason: string; readonly by: string; readonly at: string; readonly expiresAt: string | null };
}

export type FindingEvent = LivenessChangeEvent | ResolutionChangeEvent;

/** Sends finding events to the configured receivers (name kept from when liveness changes were the only events). */
export interface LivenessNotifier {
  notify(event: FindingEvent): Promise<void>;
}

interface WebhookJobData {
  readonly url: string;
  readonly delivery: string;
  readonly body: string;
}

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export class WebhookNotifier implements LivenessNotifier {
  readonly queue: Queue<WebhookJobData>;

  constructor(
    connection: Redis,
    redisPrefix: string,
    private readonly urls: readonly string[],
    /** First retry delay, doubling per try (default 2 s; tests shorten it). */
    backoffMs = 2_000,
  ) {
    this.queue = new Queue<WebhookJobData>(LIVENESS_WEBHOOK_QUEUE, {
      connection,
      prefix: bullPrefix(redisPrefix),
      defaultJobOptions: {
        attempts: 8,
        backoff: { type: 'exponential', delay: backoffMs },
        removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
        removeOnFail: { age: 30 * 24 * 3600, count: 10_000 },
      },
    });
    this.queue.on('error', () => {});
  }

  async notify(event: FindingEvent): Promise<void> {
    if (this.urls.length === 0) return;
    const body = JSON.stringify(event);
    const delivery = randomUUID();
    await this.queue.addBulk(this.urls.map((url) => ({ name: event.event, data: { url, delivery, body } })));
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

export interface WebhookSenderOptions {
  readonly connection: Redis;
  readonly redisPrefix: string;
  readonly secret: SecretValue;
  readonly logger: Logger;
  readonly timeoutMs?: number;
}

/** The worker that delivers queued webhooks. */
export function startWebhookSender(options: WebhookSenderOptions): Worker<WebhookJobData> {
  const timeout = options.timeoutMs ?? 10_000;
  const worker = new Worker<WebhookJobData>(
    LIVENESS_WEBHOOK_QUEUE,
    async (job: Job<WebhookJobData>) => {
      const { url, delivery, body } = job.data;
      const res = await request(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'pushgate-webhooks/0.1',
          // The job is named after the event (notify), so old queued deliveries keep their name too.
          'x-pushgate-event': job.name,
          'x-pushgate-delivery': delivery,
          [SIGNATURE_HEADER]: signBody(options.secret.reveal(), body),
        },
        body,
        headersTimeout: timeout,
        bodyTimeout: timeout,
      });
      await res.body.dump();
      if (res.statusCode >= 200 && res.statusCode < 300) return { status: res.statusCode };
      // 4xx other than 408/429 will not get better by retrying.
      if (res.statusCode >= 400 && res.statusCode < 500 && res.statusCode !== 408 && res.statusCode !== 429) {
        throw new UnrecoverableError(`receiver refused the delivery (status ${res.statusCode})`);
      }
      throw new Error(`receiver answered ${res.statusCode}`);
    },
    {
      connection: options.connection,
      prefix: bullPrefix(options.redisPrefix),
      concurrency: 8,
    },
  );
  worker.on('failed', (job, err) =>
    options.logger.warn({ delivery: job?.data.delivery, origin: job ? new URL(job.data.url).origin : undefined, attemptsMade: job?.attemptsMade, error: err.message }, 'liveness webhook delivery failed'),
  );
  worker.on('error', () => {});
  return worker;
}
