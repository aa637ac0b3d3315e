import { describe, expect, it } from 'vitest';
import { FINDING_STATUSES, type FindingStatus } from '../store/findings-store.js';
import { isReopening, nextCheckDelay, nextStatus } from './transitions.js';

const settings = { recheckLiveMs: 6 * 3600_000, recheckUnknownMs: 900_000, recheckUnknownMaxMs: 86_400_000, confirmRevokedMs: 3600_000 };

describe('remediation transitions', () => {
  it('moves open findings to live or unknown, and closes only after two revoked verdicts', () => {
    expect(nextStatus('open', 'live')).toBe('live');
    expect(nextStatus('open', 'unknown')).toBe('unknown');
    expect(nextStatus('live', 'revoked')).toBe('revoked');
    expect(nextStatus('revoked', 'revoked')).toBe('closed');
    expect(nextStatus('unknown', 'revoked')).toBe('revoked');
  });

  it('never closes or demotes on unknown', () => {
    for (const s of FINDING_STATUSES) expect(nextStatus(s, 'unknown')).toBe(s === 'open' ? 'unknown' : s);
  });

  it('reopens a credential that comes back to life', () => {
    expect(nextStatus('closed', 'live')).toBe('live');
    expect(nextStatus('revoked', 'live')).toBe('live');
    expect(isReopening('closed', 'live')).toBe(true);
    expect(isReopening('open', 'live')).toBe(false);
  });

  it('no status can reach closed without a revoked verdict', () => {
    const reachable = new Set<FindingStatus>(['open']);
    for (let i = 0; i < 5; i++) for (const s of [...reachable]) for (const o of ['live', 'unknown'] as const) reachable.add(nextStatus(s, o));
    expect(reachable.has('closed')).toBe(false);
    expect(reachable.has('revoked')).toBe(false);
  });

  it('schedules live re-checks, unknown backoff with Retry-After, revocation confirmation, nothing after closing', () => {
    expect(nextCheckDelay('live', 'live', 0, settings)).toBe(6 * 3600_000);
    expect(nextCheckDelay('unknown', 'unknown', 1, settings)).toBe(900_000);
    expect(nextCheckDelay('unknown', 'unknown', 3, settings)).toBe(3_600_000);
    expect(nextCheckDelay('unknown', 'unknown', 20, settings)).toBe(86_400_000);
    expect(nextCheckDelay('live', 'unknown', 1, settings, 7_200_000)).toBe(7_200_000);
    expect(nextCheckDelay('revoked', 'revoked', 0, settings)).toBe(3600_000);
    expect(nextCheckDelay('closed', 'revoked', 0, settings)).toBeNull();
  });
});
