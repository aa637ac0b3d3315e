import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { checkForDetector } from '../../liveness/registry.js';
import type { FindingsStore } from '../store/findings-store.js';
import type { LivenessQueues } from './liveness-queues.js';

/**
 * First checks are queued right after a scan stores its findings. A worker
 * that dies (or loses Redis) between storing and queueing leaves findings
 * that nothing would ever check: on the rerun they are no longer new. This
 * sweep, run when a worker starts and then periodically, queues the first
 * check of every `open` finding that has a provider check, has never been
 * checked and has no check job (any job it has will give the first verdict).
 *
 * One worker sweeps at a time (a lock in Redis, released when done, expiring
 * if its holder dies).
 */
export interface FirstCheckSweepDeps {
  readonly redis: Redis;
  readonly findings: FindingsStore;
  readonly queues: LivenessQueues;
  readonly logger: Logger;
}

export const FIRST_CHECK_SWEEP_INTERVAL_MS = 5 * 60 * 1000;
const LOCK_TTL_MS = 5 * 60 * 1000;
const PAGE = 500;

export interface SweepResult {
  /** Open findings looked at. */
  readonly examined: number;
  /** First checks this sweep queued (findings that had none). */
  readonly queued: number;
  /** False when another worker held the sweep. */
  readonly ran: boolean;
}

export async function sweepFirstChecks(deps: FirstCheckSweepDeps): Promise<SweepResult> {
  const lock = `${deps.findings.keys.prefix}liveness:first-check-sweep`;
  const owner = `${process.pid}:${Date.now()}:${Math.random()}`;
  if ((await deps.redis.set(lock, owner, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') return { examined: 0, queued: 0, ran: false };
  let examined = 0;
  let queued = 0;
  try {
    let cursor: string | undefined;
    do {
      const page = await deps.findings.list({ status: 'open', order: 'asc', limit: PAGE, ...(cursor ? { cursor } : {}) });
      for (const finding of page.findings) {
        examined++;
        const check = checkForDetector(finding.detector);
        if (!check) continue;
        const fields = await deps.findings.livenessFields(finding.fingerprint);
        if (!fields || fields.lastCheckedAt !== null) continue;
        // A pending job (waiting, running, delayed by a rate limit) will give the first verdict: leave it be.
        // A failed leftover does not: schedule() replaces it.
        const state = await deps.queues.queue(check.id).getJobState(finding.fingerprint);
        if (state !== 'unknown' && state !== 'failed' && state !== 'completed') continue;
        if ((await deps.queues.schedule(check.id, finding.fingerprint, 0, 'sweep')) === 'added') queued++;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  } finally {
    // Released only by its holder (a sweep that outlived the TTL must not free another's lock).
    await deps.redis.eval("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0", 1, lock, owner).catch(() => undefined);
  }
  if (queued > 0) deps.logger.warn({ examined, queued }, 'queued first liveness checks that were never queued (a worker stopped between storing and queueing)');
  return { examined, queued, ran: true };
}
