import type { Worker } from 'bullmq';
import type { Logger } from 'pino';

/**
 * How long a BullMQ worker may take to close once its jobs are done. Seen in
 * the Redis-restart test: after Redis came back, `Worker.close()` disconnects
 * the blocking connection of an idle worker and then waits for its main loop,
 * which can be waiting for that connection to become ready again and so never
 * ends (BullMQ 5.76; about one run in five). A worker that has not closed by
 * then is given up on: its job locks lapse and the stalled check hands any job
 * to another worker, the same as when a worker process dies.
 */
export const WORKER_CLOSE_TIMEOUT_MS = 5_000;

/** Closes `worker`, waiting at most `timeoutMs`; false (and a warning) when it did not close in time. */
export async function closeWorker(worker: Worker, logger: Logger | undefined, timeoutMs = WORKER_CLOSE_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const closed = await Promise.race([worker.close().then(() => true as const), timedOut]);
    if (!closed) logger?.warn({ queue: worker.name, timeoutMs }, 'queue worker did not close in time (BullMQ waiting on a reconnected connection): giving up on it');
    return closed;
  } finally {
    clearTimeout(timer);
  }
}
