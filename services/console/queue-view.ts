import type { Severity } from '../../detectors/types.js';
import { SEVERITIES } from '../store/findings-store.js';
import { readStatusSamples } from '../triage/status-samples.js';
import type { ConsoleContext } from './console-deps.js';
import type { QueueView } from './pages/queue-page.js';
import {
  AGE_FILTERS,
  defaultDirection,
  facets,
  liveSince,
  QUEUE_SORTS,
  QUEUE_STATUS_FILTERS,
  selectQueue,
  type QueueSort,
  type QueueStatusFilter,
  type SortDirection,
} from './queue.js';
import { statusChart } from './status-chart.js';

/** Everything the queue page shows, from its query string (filters and sort in the URL, so it works without script). */
export const QUEUE_PAGE_SIZE = 100;
export const CHART_DAYS = 30;

export interface QueueQuery {
  status?: string;
  severity?: string;
  provider?: string;
  repository?: string;
  age?: string;
  q?: string;
  sort?: string;
  dir?: string;
  page?: number;
}

/** Empty values are what a GET form sends for "any". */
export const queueQuerySchema = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['', ...QUEUE_STATUS_FILTERS] },
    severity: { type: 'string', enum: ['', ...SEVERITIES] },
    provider: { type: 'string', maxLength: 200 },
    repository: { type: 'string', maxLength: 1024 },
    age: { type: 'string', enum: ['', ...Object.keys(AGE_FILTERS)] },
    q: { type: 'string', maxLength: 200 },
    sort: { type: 'string', enum: ['', ...QUEUE_SORTS] },
    dir: { type: 'string', enum: ['', 'asc', 'desc'] },
    page: { type: 'integer', minimum: 1, maximum: 100000, default: 1 },
  },
} as const;

/** The filters and sort a queue query asks for. */
export function queueSelection(q: QueueQuery): { filters: QueueView['filters']; sort: QueueSort; direction: SortDirection } {
  const status = (q.status || 'queue') as QueueStatusFilter;
  const sort = (q.sort || 'severity') as QueueSort;
  const direction = (q.dir || defaultDirection(sort)) as SortDirection;
  const filters = {
    status,
    ...(q.severity ? { severity: q.severity as Severity } : {}),
    ...(q.provider ? { provider: q.provider } : {}),
    ...(q.repository ? { repository: q.repository } : {}),
    ...(q.age ? { age: q.age, minAgeDays: AGE_FILTERS[q.age]! } : {}),
    ...(q.q?.trim() ? { search: q.q.trim() } : {}),
  };
  return { filters, sort, direction };
}

export async function queueView(ctx: ConsoleContext, q: QueueQuery, now: number, canTriage = false): Promise<QueueView> {
  const { filters, sort, direction } = queueSelection(q);
  const [counts, samples, selected] = await Promise.all([
    ctx.findings.countByStatus(),
    readStatusSamples({ redis: ctx.redis, findings: ctx.findings }, now - CHART_DAYS * 86_400_000),
    selectQueue(ctx.findings, filters, sort, direction, now),
  ]);
  const sorted = selected.findings;
  const page = q.page ?? 1;
  const shown = sorted.slice((page - 1) * QUEUE_PAGE_SIZE, page * QUEUE_PAGE_SIZE);
  const [triage, liveness] = await Promise.all([
    ctx.triage.summaries(shown.map((f) => f.fingerprint)),
    Promise.all(
      shown.map(async (f) => {
        if (!ctx.liveness) return { owner: null, since: null };
        const [owner, history] = await Promise.all([ctx.liveness.owner(f.fingerprint), f.status === 'live' ? ctx.liveness.history(f.fingerprint, 50) : []]);
        return { owner: owner?.display ?? null, since: f.status === 'live' ? liveSince(history) : null };
      }),
    ),
  ]);
  const { providers, repositories } = facets(selected.loaded);
  return {
    filters,
    sort,
    direction,
    page,
    pageSize: QUEUE_PAGE_SIZE,
    total: sorted.length,
    rows: shown.map((finding, i) => ({ finding, triage: triage[i]!, owner: liveness[i]!.owner, liveSince: liveness[i]!.since })),
    counts,
    chart: statusChart(samples, { now, days: CHART_DAYS }),
    providers,
    repositories,
    truncated: selected.truncated,
    now,
    canTriage,
  };
}
