import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { connectionErrorWarner } from '../logging/repeat-filter.js';
import { createRedisClient } from '../store/redis-client.js';
import { closeWorker, InflightJobs, WORKER_CLOSE_TIMEOUT_MS } from './close-worker.js';

const CANCELLED_JOBS_SLACK_MS = 1000;
type ScanProcessor = (job: Job, token?: string, signal?: AbortSignal) => Promise<unknown>;
import { historyScanProcessor } from './history-scan-processor.js';
import { HISTORY_SCAN_QUEUE } from './jobs.js';
import { pushScanProcessor, type PushScanProcessorDeps } from './push-scan-processor.js';
import { failureOf } from './queue-error.js';
import { bullPrefix, SCAN_QUEUE_NAMES, type ScanQueueName } from './scan-queues.js';

/**
 * BullMQ workers for both scan queues, one Worker (with its own Redis
 * connections) per queue, so push scans are never stuck behind long history
 * scans. A worker that dies mid-job loses its job lock after `lockDurationMs`;
 * another worker's stalled check (every `stalledIntervalMs`) then puts the
 * job back in the queue, up to `maxStalledCount` times.
 */
export interface ScanWorkersOptions {
  readonly redisUrl: string;
  readonly redisPrefix: string;
  /** Jobs each queue's worker runs at once (PUSHGATE_WORKER_CONCURRENCY). */
  readonly concurrency: number;
  readonly deps: PushScanProcessorDeps;
  readonly logger: Logger;
  /** Which queues to work on (default both). */
  readonly queues?: readonly ScanQueueName[];
  /** Default 30 s: a job whose worker stopped renewing its lock this long is taken as stalled. */
  readonly lockDurationMs?: number;
  /** Default 30 s. */
  readonly stalledIntervalMs?: number;
  /** Recoveries after a stall before the job fails (default 2). */
  readonly maxStalledCount?: number;
}

export class ScanWorkers {
  private constructor(
    readonly workers: ReadonlyArray<Worker>,
    private readonly connections: readonly Redis[],
    private readonly logger: Logger,
    private readonly inflight: InflightJobs,
  ) {}

  static start(options: ScanWorkersOptions): ScanWorkers {
    const names = options.queues ?? SCAN_QUEUE_NAMES;
    const connections: Redis[] = [];
    const inflight = new InflightJobs();
    const workers = names.map((name) => {
      // BullMQ's workers block on Redis and must wait out reconnections rather than fail a command.
      const connection = createRedisClient(options.redisUrl, `worker-${name}`, { maxRetriesPerRequest: null });
      connection.on('error', () => {});
      connections.push(connection);
      const processor = (name === HISTORY_SCAN_QUEUE ? historyScanProcessor(options.deps) : pushScanProcessor(options.deps)) as ScanProcessor;
      const worker = new Worker(name, inflight.wrap(processor), {
        connection,
        prefix: bullPrefix(options.redisPrefix),
        concurrency: options.concurrency,
        lockDuration: options.lockDurationMs ?? 30_000,
        stalledInterval: options.stalledIntervalMs ?? 30_000,
        maxStalledCount: options.maxStalledCount ?? 2,
      });
      observe(worker, name, options.logger);
      return worker;
    });
    return new ScanWorkers(workers, connections, options.logger, inflight);
  }

  /** Resolves when every worker is connected and taking jobs. */
  async ready(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
  }

  /**
   * Stops taking jobs and waits for the running ones. Those still running
   * after `graceMs` are cancelled and go back to the queue (without spending
   * a try) for another worker to run from the start.
   */
  async close(graceMs = 25_000): Promise<void> {
    const timer = setTimeout(() => {
      this.logger.warn({ graceMs }, 'scan jobs still running after the grace period: handing them back to the queue');
      for (const w of this.workers) w.cancelAllJobs('worker shutting down');
    }, graceMs);
    try {
      // Jobs still running are cancelled at graceMs and hand themselves back (which needs Redis: a second's slack);
      // once none runs, a worker that does not close within WORKER_CLOSE_TIMEOUT_MS is closed by force.
      const idle = this.inflight.idle(graceMs + CANCELLED_JOBS_SLACK_MS);
      await Promise.all(this.workers.map((w) => closeWorker(w, this.logger, WORKER_CLOSE_TIMEOUT_MS, idle)));
    } finally {
      clearTimeout(timer);
      await Promise.all(this.connections.map(closeClient));
    }
  }
}

function observe(worker: Worker, queue: ScanQueueName, log: Logger): void {
  worker.on('active', (job) => log.info({ queue, jobId: job.id, attempt: job.attemptsMade + 1 }, 'scan job started'));
  worker.on('completed', (job, result: { findings?: number; created?: number; seconds?: number; blobs?: number }) =>
    log.info({ queue, jobId: job.id, findings: result?.findings, created: result?.created, blobs: result?.blobs }, 'scan job done'),
  );
  worker.on('failed', (job, err) => {
    const failure = failureOf(err.message);
    const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1) || err.name === 'UnrecoverableError';
    log.warn({ queue, jobId: job?.id, attemptsMade: job?.attemptsMade, code: failure?.code, final }, final ? 'scan job failed for good' : 'scan job failed; it will be retried');
  });
  worker.on('stalled', (jobId) => log.warn({ queue, jobId }, 'scan job stalled (its worker died or blocked): it goes back to the queue'));
  const warn = connectionErrorWarner(log, 'scan worker error');
  worker.on('error', (err) => warn(err, { queue }));
}

/** QUIT when connected; otherwise drop the connection (QUIT would wait in the offline queue for a Redis that is not there). */
export async function closeClient(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  await redis.quit().catch(() => redis.disconnect());
}
