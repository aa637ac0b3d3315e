import type { BlockEventLocation } from '../../../hooks/block-event.js';
import { encodingNote, LOCATION_KIND_NAMES, shortId } from '../../../scanner/report/location-text.js';
import type { StoredBlockEvent } from '../../store/block-events-store.js';
import { commitUrl } from '../commit-links.js';
import { html, type SafeHtml } from '../html.js';
import type { ConsoleSession } from '../session-store.js';
import { formatTime, shortCommit } from './format.js';
import { layout } from './layout.js';

export interface BlockEventsView {
  readonly repository?: string;
  readonly pusher?: string;
  readonly events: readonly StoredBlockEvent[];
  readonly nextCursor: string | null;
  /** Events per repository and per pusher among the most recent ones (for the summary). */
  readonly byRepository: ReadonlyArray<readonly [string, number]>;
  readonly byPusher: ReadonlyArray<readonly [string, number]>;
  readonly recentCount: number;
}

export function blockEventsHref(params: { repository?: string | undefined; pusher?: string | undefined; cursor?: string | undefined }): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `/console/block-events?${s}` : '/console/block-events';
}

const FINGERPRINT = /^[0-9a-f]{32}$/;

function eventRow(s: StoredBlockEvent): SafeHtml {
  const e = s.event;
  const findings = e.findings.map((f) => {
    const label = html`<code>${f.redacted}</code> ${f.title}`;
    const where = f.locations.map((l) => {
      const url = commitUrl(e.repository, l.commit ?? null);
      const commit = l.commit ? (url ? html` <a href="${url}" rel="noopener noreferrer" target="_blank">${shortCommit(l.commit)}</a>` : html` ${shortCommit(l.commit)}`) : '';
      return html`<br><span class="muted" data-kind="${l.kind ?? 'blob'}">${placeOf(l)}${commit}</span>`;
    });
    return html`<div>${FINGERPRINT.test(f.fingerprint) ? html`<a href="/console/findings/${f.fingerprint}">${label}</a>` : label}${where}</div>`;
  });
  return html`<tr data-event="${e.id}">
<td>${formatTime(e.time)}</td>
<td><a href="${blockEventsHref({ repository: e.repository })}">${e.repository}</a></td>
<td>${e.pusher ? html`<a href="${blockEventsHref({ pusher: e.pusher.name })}">${e.pusher.name}</a> <span class="muted">${e.pusher.source}</span>` : html`<span class="muted">unknown</span>`}</td>
<td>${e.refs.map((r) => html`<code>${r.ref}</code> `)}</td>
<td>${e.reason}${e.detail ? html`<br><span class="muted">${e.detail}</span>` : ''}</td>
<td>${findings}</td>
</tr>`;
}

/**
 * `config/app.env:2`, `commit message, line 3`, `tag v1.0 (9ab0123456) message, line 1`,
 * `ref name refs/heads/x`. Events from older hooks have no kind: a file. A kind
 * this page does not know (a newer hook) is shown by its name.
 */
function placeOf(l: BlockEventLocation): string {
  const kind = l.kind ?? 'blob';
  const enc = encodingNote(l.encoding);
  const tag = l.tagName || l.tag ? `tag ${l.tagName ?? ''}${l.tag ? ` (${shortId(l.tag)})` : ''} ` : '';
  switch (kind) {
    case 'blob':
      return `${l.path ?? ''}:${l.line}${enc}`;
    case 'path':
      return `path ${l.path ?? ''}${enc}`;
    case 'ref-name':
      return `ref name ${l.ref ?? ''}${enc}`;
    default: {
      const name = (LOCATION_KIND_NAMES as Readonly<Record<string, string>>)[kind] ?? kind;
      return `${tag}${name}, line ${l.line}${enc}`;
    }
  }
}

function summary(title: string, rows: ReadonlyArray<readonly [string, number]>, param: 'repository' | 'pusher'): SafeHtml {
  return html`<section class="card"><h2>${title}</h2>${
    rows.length === 0
      ? html`<p class="muted">None.</p>`
      : html`<table><tbody>${rows.map(([name, n]) => html`<tr><td><a href="${blockEventsHref({ [param]: name })}">${name}</a></td><td>${n}</td></tr>`)}</tbody></table>`
  }</section>`;
}

export function blockEventsPage(session: ConsoleSession, v: BlockEventsView): string {
  const filtered = v.repository || v.pusher;
  return layout({
    title: 'Block events',
    session,
    active: 'block-events',
    body: html`<h1>Block events</h1>
<p class="muted">Pushes the pre-receive hooks rejected.${filtered ? html` Showing ${v.repository ? html`repository <strong>${v.repository}</strong>` : ''}${v.repository && v.pusher ? ' and ' : ''}${v.pusher ? html`pusher <strong>${v.pusher}</strong>` : ''}. <a href="/console/block-events">Show all</a>` : ''}</p>
<form class="filters" method="get" action="/console/block-events">
<label>Repository<input name="repository" value="${v.repository ?? ''}"></label>
<label>Pusher<input name="pusher" value="${v.pusher ?? ''}"></label>
<button type="submit" class="secondary">Filter</button>
</form>
${filtered ? '' : html`<div class="facets">${summary(`Per repository (last ${v.recentCount})`, v.byRepository, 'repository')}${summary(`Per pusher (last ${v.recentCount})`, v.byPusher, 'pusher')}</div>`}
${
  v.events.length === 0
    ? html`<p class="card muted">No block events.</p>`
    : html`<table class="block-events">
<thead><tr><th>Time</th><th>Repository</th><th>Pusher</th><th>Refs</th><th>Reason</th><th>Findings</th></tr></thead>
<tbody>${v.events.map(eventRow)}</tbody>
</table>`
}
${v.nextCursor ? html`<p class="pager"><a rel="next" href="${blockEventsHref({ repository: v.repository, pusher: v.pusher, cursor: v.nextCursor })}">Older events</a></p>` : ''}`,
  });
}
