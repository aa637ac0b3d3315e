import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { baseUrlFor } from '../../liveness/base-urls.js';
import type { LivenessHttp } from '../../liveness/http/liveness-http.js';
import { checkById } from '../../liveness/registry.js';
import { revokerForDetector } from '../../liveness/revocation/revokers.js';
import { runRevocation } from '../../liveness/revocation/run-revocation.js';
import type { RevocationOutcome } from '../../liveness/revocation/types.js';
import type { AuditActor, AuditLog } from '../audit/audit-log.js';
import type { FindingsStore } from '../store/findings-store.js';
import type { LivenessQueues } from './liveness-queues.js';

/**
 * "Revoke now": a reviewed service action (never a CLI side effect). It asks
 * the provider to revoke the finding's secret in the provider's documented
 * way, then queues an immediate liveness check. The provider's "accepted"
 * closes nothing: the finding moves only on the checks' verdicts, as always
 * (`revoked`, then `closed` after the confirming check). Audited before the
 * call (`finding.revoke-request`) and after it (`finding.revoke-result`), so
 * a crash in between still leaves the attempt on record.
 */
export type RevocationErrorCode = 'FINDING_NOT_FOUND' | 'REVOCATION_NOT_SUPPORTED' | 'REVOCATION_NOT_NEEDED' | 'REVOCATION_IN_PROGRESS' | 'LIVENESS_DISABLED';

export class RevocationError extends Error {
  override readonly name = 'RevocationError';
  constructor(
    readonly code: RevocationErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const REVOCATION_ERROR_STATUS: Readonly<Record<RevocationErrorCode, number>> = {
  FINDING_NOT_FOUND: 404,
  REVOCATION_NOT_SUPPORTED: 409,
  REVOCATION_NOT_NEEDED: 409,
  REVOCATION_IN_PROGRESS: 409,
  LIVENESS_DISABLED: 503,
};

export interface RevokeResult {
  readonly outcome: RevocationOutcome;
  readonly reason: string;
  readonly httpStatus?: number;
  readonly provider: string;
  /** The immediate liveness check that will say whether the secret is really dead. */
  readonly checkQueued: boolean;
}

export interface FindingRevocationOptions {
  readonly findings: FindingsStore;
  readonly audit: AuditLog;
  readonly queues: LivenessQueues;
  readonly redis: Redis;
  readonly http: LivenessHttp;
  readonly baseUrls: Readonly<Record<string, string>>;
  /** False when PUSHGATE_LIVENESS=off: nothing would confirm a revocation, so none is made. */
  readonly enabled: boolean;
  /** Longest a provider call may take; the revocation lock is held a little longer. */
  readonly timeoutMs: number;
}

/** Statuses whose secret may still work. `closed` is confirmed dead twice; `resolved` never has a provider check. */
const REVOCABLE_STATUSES = new Set(['open', 'live', 'unknown', 'revoked']);

export class FindingRevocation {
  constructor(private readonly options: FindingRevocationOptions) {}

  /** Whether the finding's detector has a revocation path (the console shows "Revoke now" only then). */
  static supports(detector: string): boolean {
    return revokerForDetector(detector) !== undefined;
  }

  async revoke(fingerprint: string, actor: AuditActor, context: { readonly requestId?: string; readonly note?: string } = {}): Promise<RevokeResult> {
    const { findings, audit, queues, redis } = this.options;
    const finding = await findings.get(fingerprint, { locationLimit: 0 });
    if (!finding) throw new RevocationError('FINDING_NOT_FOUND', 'no finding with this fingerprint');
    const revoker = revokerForDetector(finding.detector);
    if (!revoker) throw new RevocationError('REVOCATION_NOT_SUPPORTED', `${finding.provider} offers no revocation for ${finding.detector}; revoke it in the provider's console, then ask for a re-check`);
    if (!this.options.enabled) throw new RevocationError('LIVENESS_DISABLED', 'liveness checks are off on this server (PUSHGATE_LIVENESS=off): nothing could confirm a revocation');
    if (!REVOCABLE_STATUSES.has(finding.status)) throw new RevocationError('REVOCATION_NOT_NEEDED', `the finding is ${finding.status}: its provider already confirmed the secret dead`);

    const lockKey = findings.keys.revocationLock(fingerprint);
    const lock = randomUUID();
    if ((await redis.set(lockKey, lock, 'PX', this.options.timeoutMs * 2 + 5000, 'NX')) !== 'OK') {
      throw new RevocationError('REVOCATION_IN_PROGRESS', 'a revocation of this secret is already running');
    }
    try {
      const target = { type: 'finding', id: fingerprint };
      const requestId = context.requestId ? { requestId: context.requestId } : {};
      await audit.append({
        action: 'finding.revoke-request',
        actor,
        target,
        data: { provider: revoker.provider, call: revoker.call, status: finding.status, ...(context.note ? { note: context.note.slice(0, 500) } : {}) },
        ...requestId,
      });
      const revealed = await findings.revealSecret(fingerprint);
      const result = revealed
        ? await runRevocation(
            revoker,
            { detector: finding.detector, secret: revealed.secret, ...(revealed.companion ? { companion: revealed.companion } : {}), context: finding.context },
            { http: this.options.http, baseUrl: baseUrlFor(revoker.checkId, checkById(revoker.checkId)!.defaultBaseUrl, this.options.baseUrls) },
          )
        : { outcome: 'failed' as const, reason: 'the stored secret is missing (it cannot be opened with the configured keys)' };
      // Whatever the provider said, ask the check now: it is what moves the finding. The result is audited even when
      // queueing fails (the provider may have revoked already), and the failure is then thrown to the caller.
      let queueError: unknown;
      await queues.schedule(revoker.checkId, fingerprint, 0, 'revoke').catch((err: unknown) => (queueError = err));
      const checkQueued = queueError === undefined;
      await audit.append({
        action: 'finding.revoke-result',
        actor,
        target,
        data: { provider: revoker.provider, outcome: result.outcome, reason: result.reason, ...(result.httpStatus !== undefined ? { httpStatus: result.httpStatus } : {}), checkQueued },
        ...requestId,
      });
      if (queueError !== undefined) throw queueError;
      return { ...result, provider: revoker.provider, checkQueued };
    } finally {
      // Release only our own lock (a slow provider may have outlived it).
      await redis.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0", 1, lockKey, lock);
    }
  }
}
