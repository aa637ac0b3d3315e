import type { CredentialReach, LivenessOutcome, ProviderOwner } from '../../liveness/types.js';
import type { AuditActor } from '../audit/audit-log.js';
import type { FindingStatus } from '../store/findings-store.js';

/**
 * What the API and the triage console may ask of liveness tracking. The
 * implementation (services/liveness/liveness-tracker.ts) queues checks on
 * BullMQ and applies their verdicts to findings; nothing here can close a
 * finding: only a `revoked` verdict from the provider does.
 */
/**
 * `sweep`: the first check of a finding stored without one queued (services/liveness/first-check-sweep.ts).
 * `revoke`: the check right after a revocation (services/liveness/finding-revocation.ts).
 */
export type CheckTrigger = 'scan' | 'schedule' | 'triage' | 'cli' | 'sweep' | 'revoke';

/** Triggers that must ask the provider now, never reuse a recent verdict. */
export function bypassesVerdictCache(trigger: CheckTrigger): boolean {
  return trigger === 'triage' || trigger === 'revoke';
}

/** One liveness check of a finding, as kept on it (newest first when listed). */
export interface LivenessCheckRecord {
  /** ISO 8601. */
  readonly at: string;
  readonly outcome: LivenessOutcome;
  readonly reason: string;
  readonly httpStatus?: number;
  readonly owner?: ProviderOwner;
  readonly scopes?: readonly string[];
  /** What the credential could reach (live answers only). */
  readonly reach?: CredentialReach;
  readonly trigger: CheckTrigger;
  /** Provider check id (`github`, `aws`, ...). */
  readonly check: string;
  readonly statusBefore: FindingStatus;
  readonly statusAfter: FindingStatus;
}

/** Who a finding belongs to: what the provider says plus the author of its first commit. */
export interface FindingOwner {
  readonly provider?: ProviderOwner;
  readonly committer?: { readonly name: string | null; readonly email: string | null; readonly commit: string | null; readonly date: string | null };
  /** One line for people: "octocat (GitHub) · committed by Jane <jane@x>". */
  readonly display: string;
}

export interface RecheckResult {
  /** False when no provider check exists for the finding's detector, or liveness checks are off. */
  readonly queued: boolean;
  readonly reason?: string;
  /** Liveness checks are off on this server (PUSHGATE_LIVENESS=off): nothing would run a queued check. */
  readonly disabled?: boolean;
}

export interface LivenessControl {
  /** False when PUSHGATE_LIVENESS=off: history can still be read, but no check runs. */
  readonly enabled: boolean;
  /**
   * Queue an immediate check of the finding (a triage request: "re-check",
   * or "I revoked it"). Records an audit entry. Changes no state by itself.
   */
  requestRecheck(fingerprint: string, actor: AuditActor, options?: { readonly requestId?: string; readonly note?: string }): Promise<RecheckResult>;
  /** The finding's checks, newest first. */
  history(fingerprint: string, limit?: number): Promise<LivenessCheckRecord[]>;
  owner(fingerprint: string): Promise<FindingOwner | null>;
  /** When the next scheduled check is due (ISO 8601), or null. */
  nextCheck(fingerprint: string): Promise<string | null>;
}
