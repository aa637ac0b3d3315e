import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ProviderCheck } from '../../liveness/types.js';
import { bullPrefix } from '../queue/scan-queues.js';
import { closeWorker, InflightJobs, WORKER_CLOSE_TIMEOUT_MS } from '../queue/close-worker.js';
import { closeClient } from '../queue/scan-workers.js';
import { createRedisClient } from '../store/redis-client.js';
import { livenessProcessor, type LivenessJobResult, type LivenessProcessorDeps } from './liveness-processor.js';
import { livenessQueueName, type LivenessJobData } from './liveness-queues.js';
import { connectionErrorWarner } from '../logging/repeat-filter.js';

/**
 * One BullMQ worker per provider check, each with the provider's limiter
 * (`rateLimit` of the check) and `concurrency` checks at once. A 429 with
 * Retry-After pauses that provider's queue for the time asked.
 */
export interface LivenessWorkersOptions {
  readonly redisUrl: string;
  readonly redisPrefix: string;
  readonly concurrency: number;
  readonly checks: readonly ProviderCheck[];
  readonly deps: Omit<LivenessProcessorDeps, 'rateLimit'>;
  readonly logger: Logger;
  /** Override every provider's limiter (the benchmark measures the queue, not the limits). */
  readonly limiter?: { readonly max: number; readonly durationMs: number } | null;
}

/** Long enough for a check in flight to finish (provider calls time out well before). */
const LIVENESS_CLOSE_TIMEOUT_MS = 3 * WORKER_CLOSE_TIMEOUT_MS;

export class LivenessWorkers {
  private constructor(
    readonly workers: ReadonlyMap<string, Worker<LivenessJobData, LivenessJobResult>>,
    private readonly connection: Redis,
    private readonly logger: Logger,
    private readonly inflight: InflightJobs,
  ) {}

  static start(options: LivenessWorkersOptions): LivenessWorkers {
    // Workers share one connection for commands; BullMQ duplicates it for each worker's blocking reads.
    const connection = createRedisClient(options.redisUrl, 'liveness-workers', { maxRetriesPerRequest: null });
    connection.on('error', () => {});
    const workers = new Map<string, Worker<LivenessJobData, LivenessJobResult>>();
    const rateLimit = async (checkId: string, ms: number): Promise<void> => {
      await workers.get(checkId)?.rateLimit(ms);
    };
    const inflight = new InflightJobs();
    const processor = inflight.wrap(livenessProcessor({ ...options.deps, rateLimit }));
    const warn = connectionErrorWarner(options.logger, 'liveness worker error');
    for (const check of options.checks) {
      const limit = options.limiter === undefined ? check.rateLimit : options.limiter;
      const worker = new Worker<LivenessJobData, LivenessJobResult>(
        livenessQueueName(check.id),
        processor as (job: Job<LivenessJobData, LivenessJobResult>, token?: string) => Promise<LivenessJobResult>,
        {
          connection,
          prefix: bullPrefix(options.redisPrefix),
          concurrency: options.concurrency,
          ...(limit ? { limiter: { max: limit.max, duration: limit.durationMs } } : {}),
        },
      );
      worker.on('failed', (job, err) => options.logger.warn({ queue: livenessQueueName(check.id), jobId: job?.id, error: err.message }, 'liveness job failed'));
      // Sixteen workers report the same outage: one warner for all of them.
      worker.on('error', (err) => warn(err, { queue: livenessQueueName(check.id) }));
      workers.set(check.id, worker);
    }
    return new LivenessWorkers(workers, connection, options.logger, inflight);
  }

  async ready(): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.waitUntilReady()));
  }

  async close(): Promise<void> {
    // A check in flight gets its provider timeout's worth of time; a worker stuck closing is given up on (close-worker.ts).
    const idle = this.inflight.idle(LIVENESS_CLOSE_TIMEOUT_MS);
    await Promise.all([...this.workers.values()].map((w) => closeWorker(w, this.logger, WORKER_CLOSE_TIMEOUT_MS, idle)));
    await closeClient(this.connection);
  }
}
