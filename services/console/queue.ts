import type { Severity } from '../../detectors/types.js';
import { reachRank } from '../../liveness/reach.js';
import { FINDING_STATUSES, SEVERITIES, type FindingsStore, type FindingStatus, type StoredFinding } from '../store/findings-store.js';

/**
 * The triage queue: which findings it holds, in which order. Findings are
 * grouped by status, live first, then unknown, then open (revoked, closed and
 * resolved only when asked for); live findings that reach more (admin
 * before write before read, production first: liveness/reach.ts) come first
 * in their group; the chosen sort orders the rest (by
 * severity: higher confidence first within one). Filtering and sorting happen here, in memory, over the findings of the wanted statuses
 * (bounded by QUEUE_CAP per status), so every combination works.
 */
export type QueueStatusFilter = 'queue' | 'all' | FindingStatus;
export type QueueSort = 'severity' | 'age' | 'provider' | 'repository';
export type SortDirection = 'asc' | 'desc';

export const QUEUE_SORTS: readonly QueueSort[] = ['severity', 'age', 'provider', 'repository'];
export const QUEUE_STATUS_FILTERS: readonly QueueStatusFilter[] = ['queue', 'all', ...FINDING_STATUSES];
export const AGE_FILTERS: Readonly<Record<string, number>> = { '1d': 1, '7d': 7, '30d': 30, '90d': 90 };
/** Most findings read per status for one queue page. */
export const QUEUE_CAP = 5000;

const STATUS_ORDER: readonly FindingStatus[] = ['live', 'unknown', 'open', 'revoked', 'closed', 'resolved'];
/** Within a severity, surer findings first (legacy findings carry medium and low confidence). */
const CONFIDENCE_ORDER = ['high', 'medium', 'low'];

export interface QueueFilters {
  readonly status: QueueStatusFilter;
  readonly severity?: Severity;
  readonly provider?: string;
  readonly repository?: string;
  /** Only findings first seen at least this many days ago. */
  readonly minAgeDays?: number;
  /** Text found in the fingerprint (its start), the detector, a repository or a path the finding was seen at. */
  readonly search?: string;
}

export function statusesOf(filter: QueueStatusFilter): FindingStatus[] {
  if (filter === 'queue') return ['live', 'unknown', 'open'];
  if (filter === 'all') return [...STATUS_ORDER];
  return [filter];
}

export function ageMs(f: StoredFinding, now: number): number {
  return now - Date.parse(f.firstSeen);
}

export function filterQueue(findings: readonly StoredFinding[], filters: QueueFilters, now: number): StoredFinding[] {
  const provider = filters.provider?.toLowerCase();
  const minAge = filters.minAgeDays === undefined ? 0 : filters.minAgeDays * 86_400_000;
  return findings.filter(
    (f) =>
      (!filters.severity || f.severity === filters.severity) &&
      (!provider || f.provider.toLowerCase() === provider) &&
      (!filters.repository || f.repositories.includes(filters.repository)) &&
      ageMs(f, now) >= minAge,
  );
}

export function defaultDirection(sort: QueueSort): SortDirection {
  // Oldest first and most severe first: the most urgent at the top.
  return sort === 'age' ? 'desc' : 'asc';
}

export function sortQueue(findings: readonly StoredFinding[], sort: QueueSort, direction: SortDirection, now: number): StoredFinding[] {
  const sign = direction === 'asc' ? 1 : -1;
  const key = (f: StoredFinding): number | string => {
    switch (sort) {
      case 'severity':
        return SEVERITIES.indexOf(f.severity);
      case 'age':
        return ageMs(f, now);
      case 'provider':
        return f.provider.toLowerCase();
      case 'repository':
        return f.repositories[0] ?? '';
    }
  };
  return [...findings].sort((a, b) => {
    const byStatus = STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status);
    if (byStatus !== 0) return byStatus;
    // A live admin key to production is the most urgent thing in the queue, whatever the sort.
    if (a.status === 'live') {
      const byReach = reachRank(b.reach) - reachRank(a.reach);
      if (byReach !== 0) return byReach;
    }
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) return (ka < kb ? -1 : 1) * sign;
    if (sort === 'severity' && a.confidence !== b.confidence) return (CONFIDENCE_ORDER.indexOf(a.confidence) - CONFIDENCE_ORDER.indexOf(b.confidence)) * sign;
    // Ties: oldest first, then by fingerprint, so the order is stable between page loads.
    return a.firstSeen !== b.firstSeen ? (a.firstSeen < b.firstSeen ? -1 : 1) : a.fingerprint < b.fingerprint ? -1 : 1;
  });
}

/** Every finding of the given statuses (at most QUEUE_CAP each), and whether some were left out. */
export async function loadQueue(store: FindingsStore, statuses: readonly FindingStatus[]): Promise<{ findings: StoredFinding[]; truncated: boolean }> {
  const findings: StoredFinding[] = [];
  let truncated = false;
  for (const status of statuses) {
    let cursor: string | undefined;
    let n = 0;
    do {
      const page = await store.list({ status, order: 'asc', limit: 500, ...(cursor ? { cursor } : {}) });
      findings.push(...page.findings);
      n += page.findings.length;
      cursor = page.nextCursor ?? undefined;
      if (cursor && n >= QUEUE_CAP) {
        truncated = true;
        break;
      }
    } while (cursor);
  }
  return { findings, truncated };
}

/**
 * The findings that `search` finds (case-insensitively): by fingerprint
 * prefix, detector, repository or path. Paths come from the store's path
 * index, read only for findings the other fields did not already find.
 */
export async function searchQueue(store: FindingsStore, findings: readonly StoredFinding[], search: string | undefined): Promise<StoredFinding[]> {
  const q = search?.trim().toLowerCase() ?? '';
  if (q === '') return [...findings];
  const direct = (f: StoredFinding): boolean =>
    f.fingerprint.startsWith(q) || f.detector.toLowerCase().includes(q) || f.repositories.some((r) => r.toLowerCase().includes(q));
  const rest = findings.filter((f) => !direct(f));
  const paths = await store.pathsOf(rest);
  const byPath = new Set(rest.filter((_, i) => paths[i]!.some((p) => p.toLowerCase().includes(q))));
  return findings.filter((f) => direct(f) || byPath.has(f));
}

/** What a filter selects, sorted as the queue shows it: the queue page, its exports and the API's export read the same. */
export async function selectQueue(
  store: FindingsStore,
  filters: QueueFilters,
  sort: QueueSort,
  direction: SortDirection,
  now: number,
): Promise<{ findings: StoredFinding[]; loaded: StoredFinding[]; truncated: boolean }> {
  const loaded = await loadQueue(store, statusesOf(filters.status));
  const selected = await searchQueue(store, filterQueue(loaded.findings, filters, now), filters.search);
  return { findings: sortQueue(selected, sort, direction, now), loaded: loaded.findings, truncated: loaded.truncated };
}

/** Distinct providers and repositories, for the filter choices. */
export function facets(findings: readonly StoredFinding[]): { providers: string[]; repositories: string[] } {
  const providers = new Set<string>();
  const repositories = new Set<string>();
  for (const f of findings) {
    providers.add(f.provider);
    for (const r of f.repositories) repositories.add(r);
  }
  return { providers: [...providers].sort(), repositories: [...repositories].sort() };
}

/**
 * When the current live spell began, from checks newest first: the oldest
 * `live` verdict not preceded (going back) by a `revoked` one. `unknown`
 * verdicts do not interrupt it: a provider outage does not make a secret safe.
 */
export function liveSince(history: ReadonlyArray<{ readonly at: string; readonly outcome: string }>): string | null {
  let since: string | null = null;
  for (const check of history) {
    if (check.outcome === 'revoked') break;
    if (check.outcome === 'live') since = check.at;
  }
  return since;
}
