import type { AuditRecord } from '../../audit/audit-log.js';
import type { Excerpt } from '../../../scanner/excerpt.js';
import type { FindingOwner, LivenessCheckRecord } from '../../liveness/liveness-control.js';
import { RESOLUTION_KINDS, type FindingDetail, type ResolutionKind, type StoredLocation } from '../../store/findings-store.js';
import { MAX_ACCEPTED_RISK_DAYS, MAX_REASON_LENGTH } from '../../triage/resolutions.js';
import type { TriageState } from '../../triage/triage-store.js';
import { encodingNote, LOCATION_KIND_NAMES, shortId } from '../../../scanner/report/location-text.js';
import { commitUrl } from '../commit-links.js';
import { html, safeExternalUrl, type SafeHtml } from '../html.js';
import type { ConsoleSession } from '../session-store.js';
import { formatDuration, formatTime, shortCommit } from './format.js';
import { csrfField, layout } from './layout.js';

export interface LivenessView {
  readonly history: readonly LivenessCheckRecord[];
  readonly owner: FindingOwner | null;
  readonly nextCheck: string | null;
}

export interface FindingView {
  readonly finding: FindingDetail;
  readonly triage: TriageState;
  /** Null when the service runs without liveness tracking. */
  readonly liveness: LivenessView | null;
  /** The lines around the secret, masked (null: none stored). */
  readonly excerpt: Excerpt | null;
  /** Whether checks run (PUSHGATE_LIVENESS is not off); history may be shown either way. */
  readonly livenessEnabled: boolean;
  /** Oldest first. */
  readonly audit: readonly AuditRecord[];
  /** `token:<id>` -> a name people know (the token's label). */
  readonly actorNames: ReadonlyMap<string, string>;
  readonly canTriage: boolean;
  /** A provider check exists for the detector: the finding closes on its verdict, and no person can resolve it. */
  readonly providerCheck: boolean;
  /** The provider documents a revocation for this detector (and the service can make it): offer "Revoke now". */
  readonly revocation: { readonly provider: string; readonly call: string } | null;
  readonly notice: string | null;
  readonly now: number;
}

/** Fixed texts for the notices actions redirect with (never text taken from the request). */
export const NOTICES: Readonly<Record<string, string>> = {
  'recheck-queued': 'Re-check queued: the verdict appears in the liveness history when the check has run.',
  'recheck-unavailable': 'No provider check exists for this detector: it cannot be re-checked automatically.',
  'liveness-off': 'Liveness checks are off on this server: nothing was queued.',
  assigned: 'Assignee saved.',
  unassigned: 'Assignee removed.',
  commented: 'Comment added.',
  'revocation-requested': 'Marked as revocation requested. The finding closes when a liveness check finds the secret revoked.',
  'revoke-accepted': 'The provider accepted the revocation. A liveness check was queued: the finding closes when the checks say the secret is revoked.',
  'revoke-refused': "The provider refused the revocation (its answer is in the audit trail below). A liveness check was queued to see where the secret stands.",
  'revoke-failed': 'The revocation did not reach an answer from the provider (see the audit trail below); nothing was revoked. A liveness check was queued.',
  resolved: 'Resolved: the finding left the queue. It reopens if the secret shows up in a new place.',
  unresolved: 'Resolution removed: the finding is open again.',
};

const RESOLUTION_LABEL: Readonly<Record<ResolutionKind, string>> = {
  'false-positive': 'false positive (not a secret)',
  'test-credential': 'test credential (works nowhere real)',
  'revoked-attested': 'revoked (attested, not verified)',
  'accepted-risk': 'accepted risk (until a date)',
};

function firstCommit(locations: readonly StoredLocation[]): StoredLocation | undefined {
  return [...locations].filter((l) => l.author || l.email).sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff'))[0];
}

function ownerSection(v: FindingView): SafeHtml {
  const owner = v.liveness?.owner;
  const committer = firstCommit(v.finding.locations);
  return html`<dl class="grid2">
<dt>Owner</dt><dd data-testid="owner">${owner?.display ?? html`<span class="muted">${v.liveness ? 'not reported by the provider yet' : 'liveness tracking is not enabled'}</span>`}</dd>
<dt>Reach</dt><dd data-testid="reach">${v.finding.reach ? html`<span class="reach" data-reach="${v.finding.reach.level ?? ''}">${v.finding.reach.summary}</span>${v.finding.status === 'live' ? '' : html` <span class="muted">(when it was last live)</span>`}` : html`<span class="muted">${v.providerCheck ? 'not reported by the provider' : 'no provider check for this format'}</span>`}</dd>
<dt>First committed by</dt><dd>${committer ? html`${committer.author ?? ''} ${committer.email ? html`&lt;${committer.email}&gt;` : ''} <span class="muted">${shortCommit(committer.commit)} ${formatTime(committer.date)}</span>` : html`<span class="muted">unknown</span>`}</dd>
<dt>Assignee</dt><dd data-testid="assignee">${v.triage.assignee ? html`${v.triage.assignee.name} <span class="muted">since ${formatTime(v.triage.assignee.at)}</span>` : html`<span class="muted">unassigned</span>`}</dd>
<dt>Revocation</dt><dd>${v.triage.revocationRequested ? html`<span class="badge flag">requested</span> ${formatTime(v.triage.revocationRequested.at)} by ${actorName(v, v.triage.revocationRequested.by)}${v.triage.revocationRequested.note ? html` — ${v.triage.revocationRequested.note}` : ''}` : html`<span class="muted">not requested</span>`}</dd>
</dl>`;
}

function actorName(v: FindingView, by: string): string {
  return v.actorNames.get(by) ?? by;
}

function details(v: FindingView): SafeHtml {
  const f = v.finding;
  const docs = safeExternalUrl(f.docs);
  return html`<dl class="grid2">
<dt>State</dt><dd><span class="badge ${f.status}" data-testid="status">${f.status}</span>${f.status === 'closed' ? html` <span class="muted">verified: the provider said revoked</span>` : ''}${resolutionNote(v)}</dd>
<dt>Detector</dt><dd><code>${f.detector}</code> · ${f.title}</dd>
<dt>Provider</dt><dd>${f.provider}</dd>
<dt>Severity</dt><dd class="sev-${f.severity}">${f.severity} <span class="muted">(${f.tier}, ${f.confidence} confidence)</span></dd>
<dt>Why it matched</dt><dd data-testid="reason">${f.reason}</dd>
<dt>Secret (redacted)</dt><dd><code data-testid="redacted">${f.redacted}</code>${f.companion ? html` with ${f.companion.name} <code>${f.companion.redacted}</code>` : ''}</dd>
<dt>Fingerprint</dt><dd><code>${f.fingerprint}</code></dd>
<dt>First seen</dt><dd>${formatTime(f.firstSeen)} <span class="muted">(${formatDuration(v.now - Date.parse(f.firstSeen))} ago)</span></dd>
<dt>Last seen</dt><dd>${formatTime(f.lastSeen)}</dd>
<dt>How to revoke</dt><dd>${f.revoke}${docs ? html` · <a href="${docs}" rel="noopener noreferrer" target="_blank">about this secret</a>` : ''}</dd>
</dl>`;
}

/** The lines around the secret, numbered, every secret in them masked. */
function evidence(v: FindingView): SafeHtml {
  const e = v.excerpt;
  if (!e) return html`<p class="muted">No excerpt was stored for this finding (stored before excerpts existed, or found where no text is kept).</p>`;
  const lines = e.text.split('\n');
  return html`<pre class="excerpt" data-testid="excerpt">${lines.map((l, i) => html`<span class="ln">${e.firstLine + i}</span> ${l}
`)}</pre>`;
}

function resolutionNote(v: FindingView): SafeHtml | string {
  const r = v.finding.resolution;
  if (!r) return '';
  return html` <span data-testid="resolution">${RESOLUTION_LABEL[r.kind]}, attested by ${actorName(v, r.by)} ${formatTime(r.at)}${r.expiresAt ? html`, until ${formatTime(r.expiresAt)}` : ''}: ${r.reason}</span>`;
}

function locations(f: FindingDetail): SafeHtml {
  return html`<table class="locations">
<thead><tr><th>Repository</th><th>Commit or tag</th><th>Kind</th><th>Where</th><th>Author</th><th>Date</th></tr></thead>
<tbody>
${f.locations.map((l) => {
  return html`<tr data-kind="${l.kind}"><td>${l.repository}</td><td>${objectCell(l)}</td><td>${LOCATION_KIND_NAMES[l.kind] ?? l.kind}</td><td>${whereCell(l)}</td><td>${l.author ?? ''} ${l.email ? html`<span class="muted">&lt;${l.email}&gt;</span>` : ''}</td><td>${formatTime(l.date)}</td></tr>`;
})}
</tbody>
</table>
${f.locationsTruncated ? html`<p class="muted">Showing the first ${f.locations.length} of ${f.locationCount} locations.</p>` : ''}`;
}

/** The commit (linked when the repository has a known web view) or the annotated tag that holds the location. */
function objectCell(l: StoredLocation): SafeHtml {
  if (l.tag || l.tagName) {
    return html`tag <code>${l.tagName ?? ''}</code>${l.tag ? html` <span class="muted"><code>${shortId(l.tag)}</code></span>` : ''}`;
  }
  const url = commitUrl(l.repository, l.commit);
  return url ? html`<a href="${url}" rel="noopener noreferrer" target="_blank"><code>${shortCommit(l.commit)}</code></a>` : html`<code>${shortCommit(l.commit)}</code>`;
}

/** `path:line:column` for a file; the path or ref that holds the secret; otherwise the position in the message or headers. */
function whereCell(l: StoredLocation): SafeHtml {
  const encoded = l.encoding ? html` <span class="muted">${encodingNote(l.encoding).trim()}</span>` : '';
  switch (l.kind) {
    case 'blob':
      return html`<code>${l.path ?? ''}:${l.line}:${l.column}</code>${encoded}`;
    case 'path':
      return html`<code>${l.path ?? ''}</code>${encoded}`;
    case 'ref-name':
      return html`<code>${l.ref ?? ''}</code>${encoded}`;
    default:
      return html`line ${l.line}, column ${l.column}${l.ref ? html` <span class="muted">(${l.ref})</span>` : ''}${encoded}`;
  }
}

function timeline(v: FindingView): SafeHtml {
  if (!v.liveness) return html`<p class="muted">Liveness tracking is not enabled on this service.</p>`;
  const next = v.liveness.nextCheck ? html`<p class="muted">Next scheduled check: ${formatTime(v.liveness.nextCheck)}</p>` : '';
  if (v.liveness.history.length === 0) return html`<p class="muted" data-testid="no-checks">Not checked yet.</p>${next}`;
  return html`<ol class="timeline" data-testid="liveness-history">
${v.liveness.history.map(
  (c) => html`<li class="${c.outcome}"><span class="badge ${c.outcome}">${c.outcome}</span> ${formatTime(c.at)} · ${c.reason}${c.httpStatus ? html` <span class="muted">(HTTP ${c.httpStatus})</span>` : ''}
<br><span class="muted">${c.check} check, ${c.trigger}; state ${c.statusBefore} → ${c.statusAfter}${c.owner?.user || c.owner?.account ? `; owner ${[c.owner.user, c.owner.account].filter(Boolean).join(' @ ')}` : ''}${c.scopes && c.scopes.length > 0 ? `; scopes ${c.scopes.join(', ')}` : ''}</span></li>`,
)}
</ol>${next}`;
}

function actions(session: ConsoleSession, v: FindingView): SafeHtml {
  if (!v.canTriage) return html``;
  const fp = v.finding.fingerprint;
  const active = ['open', 'live', 'unknown'].includes(v.finding.status);
  return html`<section class="card" aria-label="Actions"><h2>Actions</h2><div class="actions">
${recheckAction(session, v)}
${revokeAction(session, v)}
${resolutionAction(session, v)}
<form method="post" action="/console/findings/${fp}/assign">${csrfField(session)}
<label>Assign to <input name="assignee" maxlength="100" value="${v.triage.assignee?.name ?? ''}" placeholder="name or handle (empty: unassign)"></label>
<button type="submit" data-action="assign">Save assignee</button></form>
<form method="post" action="/console/findings/${fp}/revocation-requested" data-confirm="Mark that revocation was requested? The finding stays open until a check finds the secret revoked.">${csrfField(session)}
<label>Revocation requested from the owner <input name="note" maxlength="500" placeholder="note (optional)"></label>
<button type="submit" class="warn" data-action="revocation-requested"${active ? '' : html` disabled`}>Mark revocation requested</button></form>
<form method="post" action="/console/findings/${fp}/comments">${csrfField(session)}
<label>Comment <textarea name="text" maxlength="4000" required></textarea></label>
<button type="submit" data-action="comment">Add comment</button></form>
</div></section>`;
}

/** Re-check where a provider check exists and liveness runs; otherwise say plainly why there is none. */
function recheckAction(session: ConsoleSession, v: FindingView): SafeHtml {
  if (!v.providerCheck) return html`<p class="muted" data-testid="no-check">No provider check exists for this detector, so nothing can re-check it: judge it and resolve it below.</p>`;
  if (!v.liveness || !v.livenessEnabled) return html`<p class="muted" data-testid="liveness-off">Liveness checks are off on this server: nothing can re-check the finding here.</p>`;
  return html`<form method="post" action="/console/findings/${v.finding.fingerprint}/recheck">${csrfField(session)}
<span>Ask the provider now whether the secret still works.</span>
<button type="submit" data-action="recheck">Re-check now</button></form>`;
}

/**
 * "Revoke now" where the provider documents a revocation, the finding is not
 * closed and checks run to confirm it. Typing the detector id is the
 * confirmation: the action kills a credential someone may depend on.
 */
function revokeAction(session: ConsoleSession, v: FindingView): SafeHtml {
  if (!v.revocation || !v.liveness || !v.livenessEnabled || !['open', 'live', 'unknown', 'revoked'].includes(v.finding.status)) return html``;
  const fp = v.finding.fingerprint;
  return html`<form method="post" action="/console/findings/${fp}/revoke" data-testid="revoke-form">${csrfField(session)}
<span>Ask ${v.revocation.provider} to revoke this secret now (<code>${v.revocation.call}</code>). It cannot be undone; the owner's integrations using it stop working.</span>
<label>Type <code>${v.finding.detector}</code> to confirm <input name="confirm" maxlength="100" required autocomplete="off" spellcheck="false" pattern="${v.finding.detector}"></label>
<button type="submit" class="warn" data-action="revoke">Revoke now</button></form>`;
}

/** Resolve (or remove the resolution) where no provider check exists; where one does, say that only its verdict closes the finding. */
function resolutionAction(session: ConsoleSession, v: FindingView): SafeHtml {
  const fp = v.finding.fingerprint;
  if (v.providerCheck) {
    return html`<p class="muted" data-testid="needs-verdict">This finding closes only when the provider says the secret is revoked: revoke it, then re-check.</p>`;
  }
  const remove =
    v.finding.status === 'resolved'
      ? html`<form method="post" action="/console/findings/${fp}/resolution/remove">${csrfField(session)}
<span>Put the finding back in the queue.</span>
<button type="submit" class="secondary" data-action="unresolve">Remove resolution</button></form>`
      : '';
  return html`${remove}<form method="post" action="/console/findings/${fp}/resolution" data-testid="resolve-form">${csrfField(session)}
<label>Resolution <select name="resolution" required>${RESOLUTION_KINDS.map((k) => html`<option value="${k}"${v.finding.resolution?.kind === k ? html` selected` : ''}>${RESOLUTION_LABEL[k]}</option>`)}</select></label>
<label>Reason <textarea name="reason" maxlength="${MAX_REASON_LENGTH}" required placeholder="why: what you checked, who confirmed it"></textarea></label>
<label>Until (accepted risk only, at most ${MAX_ACCEPTED_RISK_DAYS} days) <input type="date" name="expiresAt"></label>
<button type="submit" data-action="resolve">${v.finding.status === 'resolved' ? 'Change resolution' : 'Resolve'}</button></form>`;
}

function comments(v: FindingView): SafeHtml {
  if (v.triage.comments.length === 0) return html`<p class="muted">No comments.</p>`;
  return html`<ol class="timeline">${v.triage.comments.map((c) => html`<li><strong>${actorName(v, c.by)}</strong> <span class="muted">${formatTime(c.at)}</span><br>${c.text}</li>`)}</ol>`;
}

function auditTrail(v: FindingView): SafeHtml {
  if (v.audit.length === 0) return html`<p class="muted">No entries.</p>`;
  const rows = [...v.audit].reverse();
  return html`<table class="audit" data-testid="audit">
<thead><tr><th>Time</th><th>Who</th><th>Action</th><th>Details</th></tr></thead>
<tbody>
${rows.map((r) => {
  const who = r.entry.actor.kind === 'token' ? actorName(v, `token:${r.entry.actor.id}`) : `${r.entry.actor.kind}:${r.entry.actor.id}`;
  const data = Object.entries(r.entry.data ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([k, value]) => `${k}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
  return html`<tr data-audit-action="${r.entry.action}"><td>${formatTime(r.entry.time)}</td><td>${who}${r.entry.actor.role ? html` <span class="muted">(${r.entry.actor.role})</span>` : ''}</td><td><code>${r.entry.action}</code></td><td>${data}</td></tr>`;
})}
</tbody>
</table>`;
}

export function findingPage(session: ConsoleSession, v: FindingView): string {
  const f = v.finding;
  return layout({
    title: f.title,
    session,
    active: 'queue',
    body: html`<p><a href="/console">← Queue</a></p>
<h1>${f.title} <code>${f.redacted}</code></h1>
${v.notice ? html`<p class="notice" role="status">${v.notice}</p>` : ''}
<section class="card">${details(v)}</section>
<section class="card" aria-label="Owner"><h2>Owner and assignment</h2>${ownerSection(v)}</section>
${actions(session, v)}
<h2>Evidence</h2>
${evidence(v)}
<h2>Locations (${f.locationCount})</h2>
${locations(f)}
<h2>Liveness history</h2>
${timeline(v)}
<h2>Comments</h2>
${comments(v)}
<h2>Audit trail</h2>
${auditTrail(v)}`,
  });
}
