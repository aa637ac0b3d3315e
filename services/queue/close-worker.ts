import type { Worker } from 'bullmq';
import type { Logger } from 'pino';

/**
 * How long a BullMQ worker may take to close once its jobs are done. Seen in
 * the Redis-restart test: after Redis came back, `Worker.close()` disconnects
 * the blocking connection of an idle worker and then waits for its main loop,
 * which can be waiting for that connection to become ready again and so never
 * ends (BullMQ 5.76; about one run in five). With Redis down the same wait
 * lasts as long as the outage. A worker that has not closed by then has its
 * blocking connection closed by force, which ends the wait; its job locks
 * lapse and the stalled check hands any job to another worker, the same as
 * when a worker process dies.
 */
export const WORKER_CLOSE_TIMEOUT_MS = 5_000;
/** After forcing the blocking connection closed, how long close() gets to finish. */
const FORCED_CLOSE_MS = 2_000;

/** The parts of a BullMQ Worker a forced close needs (protected in its types, stable across 5.x). */
interface WorkerInternals {
  readonly blockingConnection?: { close(force?: boolean): Promise<void> };
  readonly stalledCheckStopper?: () => void;
  readonly lockManager?: { close(): Promise<void> };
}

/**
 * Closes `worker`, waiting at most `timeoutMs` for it to close by itself;
 * after that its connections are closed by force so that nothing it started
 * (reconnect timers, the main loop, the stalled checker) keeps the process
 * alive. False (and a warning) when it did not close in time by itself.
 */
export async function closeWorker(worker: Worker, logger: Logger | undefined, timeoutMs = WORKER_CLOSE_TIMEOUT_MS, afterIdle?: Promise<void>): Promise<boolean> {
  const closing = worker.close().then(
    () => true as const,
    () => true as const,
  );
  // Running jobs get their time first (afterIdle); only then does the close timeout start.
  if (afterIdle) await Promise.race([closing, afterIdle]);
  if (await within(closing, timeoutMs)) return true;
  logger?.warn({ queue: worker.name, timeoutMs }, 'queue worker did not close in time (Redis away, or BullMQ waiting on a reconnected connection): closing its connections by force');
  const internals = worker as unknown as WorkerInternals;
  await Promise.allSettled([internals.blockingConnection?.close(true), internals.lockManager?.close()]);
  internals.stalledCheckStopper?.();
  await within(closing, FORCED_CLOSE_MS);
  return false;
}

/**
 * Counts the jobs a set of workers is running, so a shutdown waits for them
 * and no longer: with no job running (or Redis away, when none can finish)
 * there is nothing to give a grace period to.
 */
export class InflightJobs {
  private count = 0;
  private waiters: Array<() => void> = [];

  /** The processor, counted. Three named parameters: BullMQ passes the abort signal only to processors of length 3. */
  wrap<J, R>(fn: (job: J, token?: string, signal?: AbortSignal) => Promise<R>): (job: J, token?: string, signal?: AbortSignal) => Promise<R> {
    return async (job, token, signal) => {
      this.count++;
      try {
        return await fn(job, token, signal);
      } finally {
        if (--this.count === 0) for (const wake of this.waiters.splice(0)) wake();
      }
    };
  }

  get running(): number {
    return this.count;
  }

  /** Resolves when no job runs, or after `maxMs`. */
  idle(maxMs: number): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
      new Promise<void>((resolve) => this.waiters.push(resolve)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, maxMs))),
    ]).finally(() => clearTimeout(timer));
  }
}

async function within(p: Promise<true>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
