import type { StoredFinding, FindingStatus } from '../../store/findings-store.js';
import { FINDING_STATUSES, RESOLUTION_KINDS, SEVERITIES } from '../../store/findings-store.js';
import type { TriageSummary } from '../../triage/triage-store.js';
import { html, type SafeHtml } from '../html.js';
import { AGE_FILTERS, QUEUE_STATUS_FILTERS, type QueueFilters, type QueueSort, type SortDirection, defaultDirection, ageMs } from '../queue.js';
import type { ConsoleSession } from '../session-store.js';
import { formatDuration, formatTime } from './format.js';
import { csrfField, layout } from './layout.js';

export interface QueueRow {
  readonly finding: StoredFinding;
  readonly triage: TriageSummary;
  /** One line naming who the secret belongs to, when known. */
  readonly owner: string | null;
  /** When the current run of live verdicts began (ISO 8601), for live findings. */
  readonly liveSince: string | null;
}

export interface QueueView {
  readonly filters: QueueFilters & { readonly age?: string };
  readonly sort: QueueSort;
  readonly direction: SortDirection;
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly rows: readonly QueueRow[];
  readonly counts: Readonly<Record<FindingStatus, number>>;
  readonly chart: SafeHtml;
  readonly providers: readonly string[];
  readonly repositories: readonly string[];
  readonly truncated: boolean;
  readonly now: number;
  /** The session may act on findings: rows get checkboxes and the bulk actions. */
  readonly canTriage: boolean;
}

type Params = Record<string, string | number | undefined>;

function paramsOf(v: QueueView): Params {
  return {
    status: v.filters.status === 'queue' ? undefined : v.filters.status,
    severity: v.filters.severity,
    provider: v.filters.provider,
    repository: v.filters.repository,
    age: v.filters.age,
    q: v.filters.search,
    sort: v.sort === 'severity' ? undefined : v.sort,
    dir: v.direction === defaultDirection(v.sort) ? undefined : v.direction,
  };
}

export function queueHref(params: Params): string {
  const q = new URLSearchParams();
  for (const [k, value] of Object.entries(params)) if (value !== undefined && value !== '') q.set(k, String(value));
  const s = q.toString();
  return s ? `/console?${s}` : '/console';
}

const STATUS_LABEL: Record<string, string> = {
  queue: 'Queue (live, unknown, open)',
  all: 'All states',
  closed: 'closed: verified revoked',
  resolved: 'resolved: attested',
};
/** What the count tiles call a state where the bare name would blur "the provider said so" and "a person said so". */
const COUNT_LABEL: Partial<Record<FindingStatus, string>> = { closed: 'closed (verified revoked)', resolved: 'resolved (attested)' };

function option(value: string, label: string, selected: string | undefined): SafeHtml {
  return html`<option value="${value}"${value === (selected ?? '') ? html` selected` : ''}>${label}</option>`;
}

function sortHeader(v: QueueView, sort: QueueSort, label: string, cls = ''): SafeHtml {
  const active = v.sort === sort;
  const next: SortDirection = active ? (v.direction === 'asc' ? 'desc' : 'asc') : defaultDirection(sort);
  const href = queueHref({ ...paramsOf(v), sort, dir: next === defaultDirection(sort) ? undefined : next, page: undefined });
  const arrow = active ? (v.direction === 'asc' ? ' ▲' : ' ▼') : '';
  return html`<th${cls ? html` class="${cls}"` : ''}${active ? html` aria-sort="${v.direction === 'asc' ? 'ascending' : 'descending'}"` : ''}><a href="${href}">${label}${arrow}</a></th>`;
}

function row(r: QueueRow, now: number, selectable: boolean): SafeHtml {
  const f = r.finding;
  const repo = f.repositories[0] ?? '';
  const more = f.repositories.length > 1 ? ` +${f.repositories.length - 1}` : '';
  const done: SafeHtml[] = [];
  if (f.resolution) done.push(html`<span class="badge resolved" title="${f.resolution.reason}">${f.resolution.kind}</span>`);
  if (r.triage.revocationRequested) done.push(html`<span class="badge flag">revocation requested</span>`);
  if (r.triage.commentCount > 0) done.push(html`<span class="muted">${r.triage.commentCount} comment${r.triage.commentCount === 1 ? '' : 's'}</span>`);
  return html`<tr class="status-${f.status}" data-fingerprint="${f.fingerprint}" data-status="${f.status}">
${selectable ? html`<td><input type="checkbox" name="fingerprint" value="${f.fingerprint}" aria-label="select ${f.title}"></td>` : ''}
<td><span class="badge ${f.status}">${f.status}</span>${f.status === 'live' && f.reach ? html`<br><span class="reach" data-reach="${f.reach.level ?? ''}" title="what the secret can reach">${f.reach.summary}</span>` : ''}</td>
<td class="sev-${f.severity}">${f.severity}</td>
<td class="narrow-hide" data-tier="${f.tier}">${f.tier === 'identifiable' ? 'identifiable' : html`<span class="muted">legacy</span>`}</td>
<td><a href="/console/findings/${f.fingerprint}">${f.title}</a><br><code>${f.redacted}</code></td>
<td>${f.provider}</td>
<td class="narrow-hide">${repo}<span class="muted">${more}</span></td>
<td title="first seen ${formatTime(f.firstSeen)}">${formatDuration(ageMs(f, now))}</td>
<td class="narrow-hide">${r.liveSince ? html`<span title="live since ${formatTime(r.liveSince)}">${formatDuration(now - Date.parse(r.liveSince))}</span>` : html`<span class="muted">–</span>`}</td>
<td class="narrow-hide">${r.owner ?? html`<span class="muted">unknown</span>`}</td>
<td class="narrow-hide">${r.triage.assignee ? r.triage.assignee.name : html`<span class="muted">unassigned</span>`}</td>
<td class="narrow-hide">${done}</td>
</tr>`;
}

export function queuePage(session: ConsoleSession, v: QueueView): string {
  const p = paramsOf(v);
  const pages = Math.max(1, Math.ceil(v.total / v.pageSize));
  const counts = html`<div class="counts" aria-label="Findings per state">
${FINDING_STATUSES.map((s) => html`<a class="count ${s}" href="${queueHref({ status: s })}" data-count="${s}"><strong>${v.counts[s]}</strong>${COUNT_LABEL[s] ?? s}</a>`)}
</div>`;
  const filters = html`<form class="filters" method="get" action="/console" data-autosubmit>
<label>State<select name="status">${QUEUE_STATUS_FILTERS.map((s) => option(s === 'queue' ? '' : s, STATUS_LABEL[s] ?? s, p['status'] as string | undefined))}</select></label>
<label>Severity<select name="severity">${option('', 'any', v.filters.severity)}${SEVERITIES.map((s) => option(s, s, v.filters.severity))}</select></label>
<label>Provider<select name="provider">${option('', 'any', v.filters.provider)}${[...new Set([...v.providers, ...(v.filters.provider ? [v.filters.provider] : [])])].map((s) => option(s, s, v.filters.provider))}</select></label>
<label>Repository<select name="repository">${option('', 'any', v.filters.repository)}${[...new Set([...v.repositories, ...(v.filters.repository ? [v.filters.repository] : [])])].map((s) => option(s, s, v.filters.repository))}</select></label>
<label>Age<select name="age">${option('', 'any', v.filters.age)}${Object.keys(AGE_FILTERS).map((a) => option(a, `older than ${a}`, v.filters.age))}</select></label>
<label>Search<input type="search" name="q" maxlength="200" value="${v.filters.search ?? ''}" placeholder="repository, path, detector or fingerprint"></label>
${v.sort !== 'severity' ? html`<input type="hidden" name="sort" value="${v.sort}">` : ''}
${p['dir'] ? html`<input type="hidden" name="dir" value="${p['dir']}">` : ''}
<button type="submit" class="secondary">Apply</button> <a href="/console">Reset</a>
</form>`;
  const selectable = v.canTriage;
  const table =
    v.rows.length === 0
      ? html`<p class="card muted">No findings match.</p>`
      : html`<div class="table-wrap"><table class="queue">
<thead><tr>${selectable ? html`<th><span class="visually-hidden">Select</span></th>` : ''}<th>State</th>${sortHeader(v, 'severity', 'Severity')}<th class="narrow-hide">Tier</th><th>Finding</th>${sortHeader(v, 'provider', 'Provider')}${sortHeader(v, 'repository', 'Repository', 'narrow-hide')}${sortHeader(v, 'age', 'Age')}<th class="narrow-hide">Live for</th><th class="narrow-hide">Owner</th><th class="narrow-hide">Assignee</th><th class="narrow-hide">Done</th></tr></thead>
<tbody>
${v.rows.map((r) => row(r, v.now, selectable))}
</tbody>
</table></div>`;
  const exportHref = (format: string): string => `/console/export?${new URLSearchParams(Object.entries({ ...p, format }).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '').map(([k, x]) => [k, String(x)])).toString()}`;
  const exports = html`<p class="exports">Export this filter: <a href="${exportHref('csv')}" data-export="csv" download>CSV</a> · <a href="${exportHref('json')}" data-export="json" download>JSON</a></p>`;
  const bulk = selectable && v.rows.length > 0
    ? html`<fieldset class="bulk" aria-label="Selected findings"><legend>With the selected findings</legend>
<label>Action <select name="action" required><option value="assign">assign to</option><option value="resolve">resolve (no provider check only)</option><option value="recheck">re-check now</option></select></label>
<label>Assignee <input name="assignee" maxlength="100" placeholder="name or handle (empty: unassign)"></label>
<label>Resolution <select name="resolution">${RESOLUTION_KINDS.map((k) => html`<option value="${k}">${k}</option>`)}</select></label>
<label>Reason <input name="reason" maxlength="1000" placeholder="why (for resolve)"></label>
<label>Until <input type="date" name="expiresAt"></label>
<button type="submit" data-action="bulk">Apply to selected</button></fieldset>`
    : '';
  const pager =
    pages > 1
      ? html`<p class="pager">${v.page > 1 ? html`<a href="${queueHref({ ...p, page: v.page - 1 })}" rel="prev">Previous</a>` : ''}<span>page ${v.page} of ${pages}</span>${v.page < pages ? html`<a href="${queueHref({ ...p, page: v.page + 1 })}" rel="next">Next</a>` : ''}</p>`
      : '';
  return layout({
    title: 'Triage queue',
    session,
    active: 'queue',
    body: html`<h1>Triage queue</h1>
${counts}
<section class="card" aria-label="Open and live findings over time">${v.chart}</section>
${filters}
<p class="muted">${v.total} finding${v.total === 1 ? '' : 's'}; live first, then unknown, then open, each sorted by ${v.sort}.${v.truncated ? ' Only the first 5000 findings of each state were read: narrow the filters.' : ''}</p>
${exports}
${selectable ? html`<form method="post" action="/console/bulk" data-testid="bulk-form">${csrfField(session)}${bulk}${table}</form>` : table}
${pager}`,
  });
}
