import { createHash, randomUUID } from 'node:crypto';
import { Queue, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { HistoryScanSummary } from './history-scan-processor.js';
import { HISTORY_SCAN_QUEUE, PUSH_SCAN_QUEUE, type HistoryScanJobData, type PushScanJobData } from './jobs.js';
import type { PushScanResult } from './push-scan-processor.js';
import { failureOf, QueueError } from './queue-error.js';
import type { ScanJobProgress } from './scan-progress.js';

/**
 * The two scan queues on BullMQ, as producers (API, webhooks) and readers
 * (job views, dead letters, depths) use them. Keys live under
 * `<PUSHGATE_REDIS_PREFIX>bull:<queue>:`, beside the store's.
 *
 * Retries: every job gets `attempts` tries with exponential backoff
 * (`backoffMs`, then twice that, ...). Permanent failures skip the retries.
 * Jobs that failed for good stay in BullMQ's failed set (the dead-letter
 * view) for `keepFailedDays`; completed ones are kept a week for GET /v1/scans/:id.
 */
export type ScanQueueName = typeof HISTORY_SCAN_QUEUE | typeof PUSH_SCAN_QUEUE;
export const SCAN_QUEUE_NAMES: readonly ScanQueueName[] = [HISTORY_SCAN_QUEUE, PUSH_SCAN_QUEUE];

export interface ScanQueuesOptions {
  /** A connection BullMQ may share; it is not closed by close(). */
  readonly connection: Redis;
  /** PUSHGATE_REDIS_PREFIX (e.g. `pushgate:`). */
  readonly redisPrefix: string;
  /** Tries per job (default 5). */
  readonly attempts?: number;
  /** First retry delay, ms; doubles each time (default 10 s). */
  readonly backoffMs?: number;
  readonly keepCompletedDays?: number;
  readonly keepFailedDays?: number;
}

export type ScanJobState = 'waiting' | 'active' | 'delayed' | 'prioritized' | 'waiting-children' | 'completed' | 'failed' | 'unknown';

/** A scan job as the API shows it. Job data, progress and summaries hold no secrets, so this is safe to return whole. */
export interface ScanJobView {
  readonly id: string;
  readonly queue: ScanQueueName;
  readonly state: ScanJobState;
  readonly repository: string;
  readonly ref?: string;
  readonly after?: string;
  readonly requestedBy: string | null;
  readonly source: string | null;
  readonly progress: ScanJobProgress | null;
  /** Tries that ran to an end, completed or failed (a try cut short by a dead worker does not count). */
  readonly attemptsMade: number;
  readonly attempts: number;
  /** Times a worker died or stalled while running it, and the job was recovered. */
  readonly stalled: number;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly summary: HistoryScanSummary | PushScanResult | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

export interface EnqueueResult {
  readonly id: string;
  /** True when an equal job was already queued or running (or, for a push, already done): no new job was made. */
  readonly deduplicated: boolean;
}

export interface DeadLetterPage {
  readonly jobs: ScanJobView[];
  readonly total: number;
}

const DAY_SECONDS = 24 * 60 * 60;
const MAX_RETAINED = 10_000;

/** BullMQ's key prefix for a pushgate Redis prefix (BullMQ adds the `:`). */
export function bullPrefix(redisPrefix: string): string {
  return `${redisPrefix}bull`;
}

export class ScanQueues {
  readonly history: Queue<HistoryScanJobData, HistoryScanSummary>;
  readonly push: Queue<PushScanJobData, PushScanResult>;
  readonly prefix: string;

  constructor(options: ScanQueuesOptions) {
    this.prefix = bullPrefix(options.redisPrefix);
    const defaultJobOptions: JobsOptions = {
      attempts: options.attempts ?? 5,
      backoff: { type: 'exponential', delay: options.backoffMs ?? 10_000 },
      removeOnComplete: { age: (options.keepCompletedDays ?? 7) * DAY_SECONDS, count: MAX_RETAINED },
      removeOnFail: { age: (options.keepFailedDays ?? 30) * DAY_SECONDS, count: MAX_RETAINED },
      // The message (scrubbed, with its code) says what went wrong; a few frames are enough to find where.
      stackTraceLimit: 3,
    };
    const common = { connection: options.connection, prefix: this.prefix, defaultJobOptions };
    this.history = new Queue<HistoryScanJobData, HistoryScanSummary>(HISTORY_SCAN_QUEUE, common);
    this.push = new Queue<PushScanJobData, PushScanResult>(PUSH_SCAN_QUEUE, common);
    // Connection trouble is reported by the callers' failing requests; an unhandled 'error' event would end the process.
    this.history.on('error', () => {});
    this.push.on('error', () => {});
  }

  /**
   * Queues a history scan. While a scan of the same repository is waiting or
   * running, returns that job instead (deduplicated: the second would scan the same history).
   */
  async enqueueHistoryScan(data: HistoryScanJobData): Promise<EnqueueResult> {
    const jobId = randomUUID();
    const job = await this.history.add(HISTORY_SCAN_QUEUE, data, {
      jobId,
      deduplication: { id: `history-${digest(data.repository)}` },
    });
    return { id: job.id!, deduplicated: job.id !== jobId };
  }

  /**
   * Queues a push scan. The job id is derived from the push (repository, ref,
   * before, after), so the same push delivered twice is scanned once while its job is retained.
   */
  async enqueuePushScan(data: PushScanJobData): Promise<EnqueueResult> {
    const jobId = pushJobId(data);
    const existing = await this.push.getJob(jobId);
    if (existing) return { id: jobId, deduplicated: true };
    const job = await this.push.add(PUSH_SCAN_QUEUE, data, { jobId });
    return { id: job.id!, deduplicated: false };
  }

  queue(name: ScanQueueName): Queue<HistoryScanJobData, HistoryScanSummary> | Queue<PushScanJobData, PushScanResult> {
    return name === HISTORY_SCAN_QUEUE ? this.history : this.push;
  }

  async view(name: ScanQueueName, id: string): Promise<ScanJobView | null> {
    const queue = this.queue(name);
    // State first: once it reads completed or failed, the job's fields read next are final.
    const state = (await queue.getJobState(id)) as ScanJobState;
    const job = await queue.getJob(id);
    if (!job) return null;
    return jobView(name, job as Job, state);
  }

  /** Jobs that failed for good (all tries spent, or a permanent error), newest first. */
  async deadLetters(options: { queue?: ScanQueueName; offset?: number; limit?: number } = {}): Promise<DeadLetterPage> {
    const offset = options.offset ?? 0;
    const limit = options.limit ?? 50;
    const names = options.queue ? [options.queue] : SCAN_QUEUE_NAMES;
    const jobs: ScanJobView[] = [];
    let total = 0;
    for (const name of names) {
      const q = this.queue(name);
      total += await q.getFailedCount();
      for (const job of await q.getFailed(0, offset + limit - 1)) if (job) jobs.push(jobView(name, job as Job, 'failed'));
    }
    jobs.sort((a, b) => (b.finishedAt ?? '').localeCompare(a.finishedAt ?? '') || b.id.localeCompare(a.id));
    return { jobs: jobs.slice(offset, offset + limit), total };
  }

  /** Sends a failed job back to the queue with all its tries. */
  async retryFailed(name: ScanQueueName, id: string): Promise<ScanJobView> {
    const job = await this.queue(name).getJob(id);
    if (!job) throw new QueueError('SCAN_NOT_FOUND', `no ${name} job ${id}`);
    if ((await job.getState()) !== 'failed') throw new QueueError('SCAN_NOT_FAILED', `${name} job ${id} is not in the failed set`);
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return (await this.view(name, id))!;
  }

  /** Jobs per state, per queue (for /metrics). */
  async depths(): Promise<Record<ScanQueueName, Record<string, number>>> {
    const states = ['waiting', 'active', 'delayed', 'failed', 'prioritized', 'waiting-children'] as const;
    const [history, push] = await Promise.all([this.history.getJobCounts(...states), this.push.getJobCounts(...states)]);
    return { [HISTORY_SCAN_QUEUE]: history, [PUSH_SCAN_QUEUE]: push } as Record<ScanQueueName, Record<string, number>>;
  }

  /** For /readyz: Redis answers on the queues' connection. */
  async ping(): Promise<void> {
    await (await this.history.client).ping();
  }

  async close(): Promise<void> {
    // A Queue checks the Redis version when it is created (two INFO calls); closing before that finished left the
    // calls to fail on a connection its owner quits right after: let them settle first.
    await Promise.allSettled([this.history.waitUntilReady(), this.push.waitUntilReady()]);
    await Promise.all([this.history.close(), this.push.close()]);
  }

}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

export function pushJobId(data: PushScanJobData): string {
  return `push-${digest(`${data.fullName ?? data.repository}\0${data.ref}\0${data.before}\0${data.after}`)}`;
}

function iso(ms: number | undefined): string | null {
  return ms ? new Date(ms).toISOString() : null;
}

function jobView(queue: ScanQueueName, job: Job, state: ScanJobState): ScanJobView {
  const data = job.data as Partial<HistoryScanJobData & PushScanJobData>;
  const progress = typeof job.progress === 'object' && job.progress !== null ? (job.progress as ScanJobProgress) : null;
  return {
    id: job.id!,
    queue,
    state,
    repository: data.fullName ?? data.repository ?? '',
    ...(data.ref !== undefined ? { ref: data.ref } : {}),
    ...(data.after !== undefined ? { after: data.after } : {}),
    requestedBy: data.requestedBy ?? null,
    source: data.source ?? (queue === PUSH_SCAN_QUEUE ? 'webhook' : null),
    progress,
    attemptsMade: job.attemptsMade,
    attempts: job.opts.attempts ?? 1,
    stalled: job.stalledCounter ?? 0,
    createdAt: new Date(job.timestamp).toISOString(),
    startedAt: iso(job.processedOn),
    finishedAt: iso(job.finishedOn),
    summary: state === 'completed' ? ((job.returnvalue as HistoryScanSummary | PushScanResult | null) ?? null) : null,
    // Also while a retry waits: the last failure says why.
    error: state !== 'completed' ? failureOf(job.failedReason) : null,
  };
}
