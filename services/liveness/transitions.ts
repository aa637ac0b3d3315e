import type { LivenessOutcome } from '../../liveness/types.js';
import type { FindingStatus } from '../store/findings-store.js';

/**
 * The remediation state machine, as pure functions.
 *
 *   open ──live──▶ live ──revoked──▶ revoked ──revoked (confirmed)──▶ closed
 *     └─unknown─▶ unknown ──live──▶ live           │
 *                                   ▲──────live────┘ (and from closed: reopened)
 *
 * - Only the provider closes a finding: two `revoked` verdicts, the second at
 *   least `confirmRevokedMs` after the first (one "invalid" answer can be a
 *   provider incident; GitHub has answered 401 to valid tokens during outages).
 * - `unknown` never moves a finding toward closed, and never demotes a live
 *   one: the last proof was "live", so it stays live until proven revoked.
 * - A credential that answers `live` again after revoked or closed reopens.
 */
export function nextStatus(current: FindingStatus, outcome: LivenessOutcome): FindingStatus {
  switch (outcome) {
    case 'live':
      return 'live';
    case 'revoked':
      return current === 'revoked' || current === 'closed' ? 'closed' : 'revoked';
    case 'unknown':
      return current === 'open' ? 'unknown' : current;
  }
}

export interface ScheduleSettings {
  readonly recheckLiveMs: number;
  readonly recheckUnknownMs: number;
  readonly recheckUnknownMaxMs: number;
  readonly confirmRevokedMs: number;
}

/**
 * How long until the next scheduled check, or null for none (closed).
 * `unknownStreak` counts unknown verdicts in a row including this one.
 */
export function nextCheckDelay(
  status: FindingStatus,
  outcome: LivenessOutcome,
  unknownStreak: number,
  settings: ScheduleSettings,
  retryAfterMs?: number,
): number | null {
  if (status === 'closed') return null;
  if (outcome === 'unknown') {
    const backoff = Math.min(settings.recheckUnknownMs * 2 ** Math.max(0, unknownStreak - 1), settings.recheckUnknownMaxMs);
    return Math.max(backoff, retryAfterMs ?? 0);
  }
  if (status === 'revoked') return settings.confirmRevokedMs;
  return settings.recheckLiveMs;
}

/** Whether the change is a reopening (a revoked or closed credential works again). */
export function isReopening(previous: FindingStatus, next: FindingStatus): boolean {
  return (previous === 'revoked' || previous === 'closed') && next === 'live';
}
