import type { BulkOutcome } from '../../triage/bulk.js';
import { html } from '../html.js';
import type { ConsoleSession } from '../session-store.js';
import { layout } from './layout.js';

const DONE: Readonly<Record<string, string>> = { assign: 'assigned', resolve: 'resolved', recheck: 'queued for a re-check' };

/** What a bulk action did to each selected finding: done, or refused and why. */
export function bulkResultPage(session: ConsoleSession, action: string, outcomes: readonly BulkOutcome[]): string {
  const done = outcomes.filter((o) => o.ok).length;
  const refused = outcomes.filter((o) => !o.ok);
  return layout({
    title: 'Bulk action',
    session,
    active: 'queue',
    body: html`<p><a href="/console">← Queue</a></p>
<h1>Bulk ${action}</h1>
<p class="notice" role="status" data-testid="bulk-summary">${done} of ${outcomes.length} ${DONE[action] ?? 'done'}${refused.length > 0 ? `; ${refused.length} refused` : ''}.</p>
${
  refused.length > 0
    ? html`<table data-testid="bulk-refused"><thead><tr><th>Finding</th><th>Code</th><th>Why</th></tr></thead><tbody>
${refused.map((o) => html`<tr data-code="${o.code ?? ''}"><td><a href="/console/findings/${o.fingerprint}"><code>${o.fingerprint}</code></a></td><td><code>${o.code ?? ''}</code></td><td>${o.message ?? ''}</td></tr>`)}
</tbody></table>`
    : ''
}`,
  });
}
