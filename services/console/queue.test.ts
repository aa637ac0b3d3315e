import { describe, expect, it } from 'vitest';
import type { StoredFinding } from '../store/findings-store.js';
import { filterQueue, liveSince, sortQueue } from './queue.js';

const now = Date.parse('2025-01-31T00:00:00Z');

function finding(fp: string, over: Partial<StoredFinding>): StoredFinding {
  return {
    fingerprint: fp.padEnd(32, '0'),
    detector: 'd',
    family: 'f',
    provider: 'GitHub',
    title: 't',
    severity: 'high',
    tier: 'identifiable',
    confidence: 'high',
    reason: '',
    docs: '',
    revoke: '',
    redacted: 'x***',
    companion: null,
    context: {},
    status: 'open',
    resolution: null,
    firstSeen: '2025-01-20T00:00:00.000Z',
    lastSeen: '2025-01-20T00:00:00.000Z',
    locationCount: 1,
    repositories: ['acme/a'],
    reach: null,
    ...over,
  };
}

const rows = [
  finding('a', { status: 'open', severity: 'critical', provider: 'AWS', firstSeen: '2025-01-01T00:00:00.000Z', repositories: ['acme/b'] }),
  finding('b', { status: 'live', severity: 'low', provider: 'Stripe', firstSeen: '2025-01-30T00:00:00.000Z' }),
  finding('c', { status: 'unknown', severity: 'critical' }),
  finding('d', { status: 'live', severity: 'critical', provider: 'GitHub', firstSeen: '2025-01-10T00:00:00.000Z', repositories: ['acme/c'] }),
  finding('e', { status: 'open', severity: 'medium', provider: 'github', firstSeen: '2025-01-25T00:00:00.000Z' }),
];

const order = (list: StoredFinding[]): string[] => list.map((f) => f.fingerprint[0]!);

describe('triage queue order', () => {
  it('puts live first, then unknown, then open, and sorts inside each group', () => {
    expect(order(sortQueue(rows, 'severity', 'asc', now))).toEqual(['d', 'b', 'c', 'a', 'e']);
    expect(order(sortQueue(rows, 'age', 'desc', now))).toEqual(['d', 'b', 'c', 'a', 'e']);
    expect(order(sortQueue(rows, 'age', 'asc', now))).toEqual(['b', 'd', 'c', 'e', 'a']);
    expect(order(sortQueue(rows, 'provider', 'asc', now))).toEqual(['d', 'b', 'c', 'a', 'e']);
    expect(order(sortQueue(rows, 'repository', 'desc', now))).toEqual(['d', 'b', 'c', 'a', 'e']);
    expect(order(sortQueue([...rows].reverse(), 'severity', 'asc', now))).toEqual(['d', 'b', 'c', 'a', 'e']);
  });

  it('puts live findings that reach more first, whatever the sort: admin before write before read, production first', () => {
    const live = [
      finding('p', { status: 'live', severity: 'critical', firstSeen: '2025-01-01T00:00:00.000Z' }),
      finding('q', { status: 'live', severity: 'low', reach: { level: 'read', summary: 'read' } }),
      finding('r', { status: 'live', severity: 'low', reach: { level: 'admin', environment: 'production', summary: 'admin · production' } }),
      finding('s', { status: 'live', severity: 'high', reach: { level: 'admin', summary: 'admin' } }),
      finding('t', { status: 'live', severity: 'medium', reach: { level: 'write', environment: 'production', summary: 'write · production' } }),
      // Reach matters only while live: an unknown finding's old reach does not lift it.
      finding('u', { status: 'unknown', severity: 'low', reach: { level: 'admin', summary: 'admin' } }),
      finding('v', { status: 'unknown', severity: 'critical' }),
    ];
    for (const sort of ['severity', 'age', 'provider', 'repository'] as const) {
      expect(order(sortQueue(live, sort, 'asc', now)).slice(0, 5), sort).toEqual(['r', 's', 't', 'q', 'p']);
    }
    expect(order(sortQueue(live, 'severity', 'asc', now)).slice(5)).toEqual(['v', 'u']);
  });

  it('filters by severity, provider (any case), repository and age', () => {
    expect(order(filterQueue(rows, { status: 'queue', severity: 'critical' }, now))).toEqual(['a', 'c', 'd']);
    expect(order(filterQueue(rows, { status: 'queue', provider: 'GITHUB' }, now))).toEqual(['c', 'd', 'e']);
    expect(order(filterQueue(rows, { status: 'queue', repository: 'acme/b' }, now))).toEqual(['a']);
    expect(order(filterQueue(rows, { status: 'queue', minAgeDays: 7 }, now))).toEqual(['a', 'c', 'd']);
  });

  it('dates a live spell from the oldest live verdict since the last revoked one, across unknowns', () => {
    const h = (outcome: string, at: string) => ({ outcome, at });
    expect(liveSince([h('live', '5'), h('unknown', '4'), h('live', '3'), h('revoked', '2'), h('live', '1')])).toBe('3');
    expect(liveSince([h('unknown', '2'), h('live', '1')])).toBe('1');
    expect(liveSince([h('revoked', '2'), h('live', '1')])).toBeNull();
    expect(liveSince([])).toBeNull();
  });
});
