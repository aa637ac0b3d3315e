import { DelayedError, type Job } from 'bullmq';
import { baseUrlFor } from '../../liveness/base-urls.js';
import type { LivenessHttp } from '../../liveness/http/liveness-http.js';
import { checkForDetector } from '../../liveness/registry.js';
import { runCheck } from '../../liveness/run-check.js';
import type { CheckInput, LivenessOutcome } from '../../liveness/types.js';
import type { FindingsStore, FindingStatus } from '../store/findings-store.js';
import { bypassesVerdictCache } from './liveness-control.js';
import type { LivenessJobData, LivenessQueues } from './liveness-queues.js';
import type { LivenessTracker } from './liveness-tracker.js';
import { credentialHash, type VerdictCache } from './verdict-cache.js';

/**
 * Runs one liveness job: read the finding, open its sealed secret, ask the
 * provider (or reuse a verdict for the same credential from the last
 * seconds), apply the verdict, and move the job back to `delayed` until the
 * next scheduled check. The secret exists in clear only inside this function
 * and the outgoing request.
 */
export interface LivenessProcessorDeps {
  readonly findings: FindingsStore;
  readonly tracker: LivenessTracker;
  readonly queues: LivenessQueues;
  readonly http: LivenessHttp;
  readonly baseUrls: Readonly<Record<string, string>>;
  readonly cache: VerdictCache;
  /** Longest one provider request may take; the credential lock outlives a check that asks up to three hosts in turn. */
  readonly timeoutMs: number;
  /** Pause a provider's queue (Retry-After). */
  readonly rateLimit: (checkId: string, ms: number) => Promise<void>;
}

export interface LivenessJobResult {
  readonly outcome?: LivenessOutcome;
  readonly status?: FindingStatus;
  readonly skipped?: 'finding-missing' | 'no-check' | 'secret-missing';
  readonly cached?: boolean;
}

/** Wait before trying again when another job is checking the same credential. */
const LOCKED_RETRY_MS = 500;

export function livenessProcessor(deps: LivenessProcessorDeps) {
  return async (job: Job<LivenessJobData, LivenessJobResult>, token?: string): Promise<LivenessJobResult> => {
    const { fingerprint, trigger } = job.data;
    const finding = await deps.findings.get(fingerprint, { locationLimit: 0 });
    if (!finding) return { skipped: 'finding-missing' };
    const check = checkForDetector(finding.detector);
    if (!check) return { skipped: 'no-check' };
    const revealed = await deps.findings.revealSecret(fingerprint);
    if (!revealed) return { skipped: 'secret-missing' };
    const input: CheckInput = {
      detector: finding.detector,
      secret: revealed.secret,
      ...(revealed.companion ? { companion: revealed.companion } : {}),
      context: finding.context,
    };

    const hash = credentialHash(check.id, input);
    // A triage re-check ("I revoked it") or the check after a revocation must ask the provider now, not reuse a verdict.
    let verdict = bypassesVerdictCache(trigger) ? null : await deps.cache.get(hash);
    const cached = verdict !== null;
    if (!verdict) {
      // A check may ask up to three hosts one after another (LaunchDarkly's instances): hold the lock past all three.
      const lock = await deps.cache.lock(hash, deps.timeoutMs * 4 + 1000);
      if (!lock) return delay(job, token, LOCKED_RETRY_MS);
      try {
        verdict = await runCheck(check, input, { http: deps.http, baseUrl: baseUrlFor(check.id, check.defaultBaseUrl, deps.baseUrls) });
        await deps.cache.set(hash, verdict);
      } finally {
        await deps.cache.unlock(hash, lock);
      }
    }
    if (verdict.retryAfterMs) await deps.rateLimit(check.id, verdict.retryAfterMs);

    const applied = await deps.tracker.applyVerdict(fingerprint, check.id, verdict, trigger);
    if (!applied) return { skipped: 'finding-missing' };
    const rerun = await deps.queues.takeRerun(fingerprint);
    if (rerun) {
      await job.updateData({ fingerprint, trigger: rerun });
      return delay(job, token, 0);
    }
    if (applied.nextDelayMs !== null) {
      await job.updateData({ fingerprint, trigger: 'schedule' });
      return delay(job, token, applied.nextDelayMs);
    }
    return { outcome: verdict.outcome, status: applied.status, cached };
  };
}

/** Puts the job back as delayed (BullMQ's documented way: moveToDelayed, then throw DelayedError). */
async function delay(job: Job, token: string | undefined, ms: number): Promise<never> {
  if (!token) throw new Error('liveness jobs must run in a BullMQ worker (no lock token)');
  await job.moveToDelayed(Date.now() + ms, token);
  throw new DelayedError();
}
