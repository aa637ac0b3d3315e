import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { bullPrefix } from '../queue/scan-queues.js';
import { storeKeys, type StoreKeys } from '../store/keys.js';
import { bypassesVerdictCache, type CheckTrigger } from './liveness-control.js';

/**
 * One BullMQ queue per provider check (`liveness-github`, `liveness-aws`, ...),
 * so each provider has its own rate limiter and a 429 from one provider
 * pauses only that provider.
 *
 * A finding has at most one job, whose id is its fingerprint: one check per
 * secret at a time. The job lives as long as the finding is tracked: after a
 * check, the processor moves it back to `delayed` until the next scheduled
 * check, so a schedule survives restarts (it is a job in Redis) and cannot be
 * duplicated. Job data is a fingerprint and a trigger: never a secret.
 */
export const LIVENESS_QUEUE_PREFIX = 'liveness-';

export interface LivenessJobData {
  readonly fingerprint: string;
  readonly trigger: CheckTrigger;
}

export type ScheduleOutcome = 'added' | 'promoted' | 'already-queued' | 'running';

export interface LivenessQueuesOptions {
  readonly connection: Redis;
  readonly redisPrefix: string;
  /** Tries when a check job fails unexpectedly (a store error; provider trouble is a verdict, not a failure). */
  readonly attempts?: number;
}

/** Long enough to outlive any check (timeouts are seconds). */
const RERUN_FLAG_TTL_MS = 10 * 60_000;
/** How long a requester watches a running check for its end (60 s, beyond any check's timeout). */
const RERUN_WATCH_INTERVAL_MS = 100;
const RERUN_WATCH_POLLS = 600;

export function livenessQueueName(checkId: string): string {
  return `${LIVENESS_QUEUE_PREFIX}${checkId}`;
}

export class LivenessQueues {
  readonly prefix: string;
  private readonly queues = new Map<string, Queue<LivenessJobData>>();
  private readonly jobOptions: JobsOptions;
  private readonly keys: StoreKeys;
  private readonly watches = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly options: LivenessQueuesOptions) {
    this.prefix = bullPrefix(options.redisPrefix);
    this.keys = storeKeys(options.redisPrefix);
    this.jobOptions = {
      attempts: options.attempts ?? 5,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: true,
      removeOnFail: { age: 30 * 24 * 3600, count: 10_000 },
      stackTraceLimit: 3,
    };
  }

  queue(checkId: string): Queue<LivenessJobData> {
    let q = this.queues.get(checkId);
    if (!q) {
      q = new Queue<LivenessJobData>(livenessQueueName(checkId), { connection: this.options.connection, prefix: this.prefix, defaultJobOptions: this.jobOptions });
      q.on('error', () => {});
      this.queues.set(checkId, q);
    }
    return q;
  }

  /**
   * Makes sure a check of the finding is due within `delayMs`: adds the job,
   * or brings an existing delayed one forward. A job already waiting or
   * running is left alone (it will produce a fresh verdict).
   */
  async schedule(checkId: string, fingerprint: string, delayMs: number, trigger: CheckTrigger): Promise<ScheduleOutcome> {
    const q = this.queue(checkId);
    const existing = await q.getJob(fingerprint);
    if (existing) {
      const state = await existing.getState();
      if (state === 'active') {
        // The running check may have asked the provider before the request: run once more after it.
        if (delayMs === 0) {
          await this.options.connection.set(this.keys.livenessRerun(fingerprint), trigger, 'PX', RERUN_FLAG_TTL_MS);
          this.settleRerun(checkId, fingerprint);
        }
        return 'running';
      }
      if (state === 'waiting' || state === 'prioritized' || state === 'waiting-children') {
        // A triage request must not be answered from the verdict cache: the waiting job takes its trigger.
        if (delayMs === 0 && bypassesVerdictCache(trigger)) await existing.updateData({ fingerprint, trigger });
        return 'already-queued';
      }
      if (state === 'delayed') {
        // The next scheduled check exists; only a request for an immediate check brings it forward.
        if (delayMs > 0) return 'already-queued';
        await existing.updateData({ fingerprint, trigger });
        await existing.promote();
        return 'promoted';
      }
      // A failed leftover (or one completing right now): make room for the new job.
      await existing.remove().catch(() => undefined);
    }
    await q.add('check', { fingerprint, trigger }, { jobId: fingerprint, ...(delayMs > 0 ? { delay: delayMs } : {}) });
    return 'added';
  }

  /**
   * The processor takes the "run again" flag just before its job ends; a flag
   * set after that would wait forever. So the requester watches the job: once
   * it is no longer active, whoever takes the flag first (GETDEL: exactly one)
   * runs the check, the processor by re-running its job, or this by scheduling
   * a new one.
   */
  private settleRerun(checkId: string, fingerprint: string): void {
    const watch = async (): Promise<void> => {
      for (let i = 0; i < RERUN_WATCH_POLLS; i++) {
        await new Promise((r) => setTimeout(r, RERUN_WATCH_INTERVAL_MS));
        if (this.closed) return;
        if ((await this.queue(checkId).getJobState(fingerprint)) === 'active') continue;
        const trigger = await this.takeRerun(fingerprint);
        if (trigger) await this.schedule(checkId, fingerprint, 0, trigger);
        return;
      }
    };
    const pending = watch()
      .catch(() => undefined)
      .finally(() => this.watches.delete(pending));
    this.watches.add(pending);
  }

  /** Takes the "run again" flag a request left while the finding's check was running; the trigger it asked for, or null. */
  async takeRerun(fingerprint: string): Promise<CheckTrigger | null> {
    return (await this.options.connection.getdel(this.keys.livenessRerun(fingerprint))) as CheckTrigger | null;
  }

  /** Jobs per state for every queue opened so far (metrics, bench). */
  async depths(): Promise<Record<string, Record<string, number>>> {
    const out: Record<string, Record<string, number>> = {};
    for (const [id, q] of this.queues) out[id] = await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
    return out;
  }

  async close(): Promise<void> {
    // A watch stops at its next poll; the flag it leaves is still taken by the processor if its job reruns.
    this.closed = true;
    await Promise.all([...this.watches]);
    // Let each queue's start-up INFO calls settle before the shared connection's owner quits it (see ScanQueues.close).
    await Promise.allSettled([...this.queues.values()].map((q) => q.waitUntilReady()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
