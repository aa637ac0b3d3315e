import type { Finding, FindingLiveness, Location, ScanReport, ScanStats } from '../types.js';
import type { ScanKind } from './json.js';
import { placeWords } from './location-text.js';
import { terminalText } from './terminal-text.js';

export interface TextReportOptions {
  readonly scan: ScanKind;
  /** Findings left out because the baseline lists them. */
  readonly suppressed?: number;
  /** Locations printed per finding before "... and N more". */
  readonly maxLocations?: number;
}

const LABEL_WIDTH = 11;

/**
 * The default, human-readable report: one block per finding, identifiable
 * ones first, legacy (heuristic) ones after a heading, then a summary line.
 * Secrets appear only in their redacted form.
 */
export function renderText(report: ScanReport, options: TextReportOptions): string {
  const maxLocations = options.maxLocations ?? 20;
  const identifiable = report.findings.filter((f) => f.tier === 'identifiable');
  const legacy = report.findings.filter((f) => f.tier === 'legacy');
  const out: string[] = [];
  let n = 0;
  for (const f of identifiable) out.push(findingBlock(f, ++n, maxLocations));
  if (legacy.length > 0) {
    out.push(`--- Legacy findings: heuristic matches, reported by scans, never block a push ---\n`);
    for (const f of legacy) out.push(findingBlock(f, ++n, maxLocations));
  }
  out.push(summaryLine(report, identifiable.length, legacy.length, options));
  const checked = report.findings.filter((f) => f.liveness);
  if (checked.length > 0) {
    const count = (o: string): number => checked.filter((f) => f.liveness!.outcome === o).length;
    const unchecked = report.findings.length - checked.length;
    out.push(`Liveness: ${count('live')} live, ${count('revoked')} revoked, ${count('unknown')} unknown${unchecked > 0 ? `, ${unchecked} with no provider check` : ''}.\n`);
  }
  return out.join('\n');
}

function field(label: string, value: string): string {
  // A label as long as the column (a companion's name, `secret-access-key`) still gets a space before its value.
  return `  ${label.length >= LABEL_WIDTH ? `${label} ` : label.padEnd(LABEL_WIDTH)}${value}\n`;
}

function continuation(value: string): string {
  return `  ${' '.repeat(LABEL_WIDTH)}${value}\n`;
}

function findingBlock(f: Finding, n: number, maxLocations: number): string {
  let s = `${n}. ${f.tier === 'legacy' ? '[legacy] ' : ''}${f.title}\n`;
  s += field('secret', terminalText(f.secret.redacted));
  if (f.companion) s += field(f.companion.name, terminalText(f.companion.value.redacted));
  s += field('severity', `${f.severity}, tier ${f.tier}, confidence ${f.confidence}${f.tier === 'legacy' ? ` (${terminalText(f.reason)})` : ''}`);
  s += field('detector', `${f.detector} (${f.provider}), fingerprint ${f.fingerprint}`);
  if (f.liveness) s += field('liveness', terminalText(livenessLine(f.liveness)));
  const shown = f.locations.slice(0, maxLocations);
  shown.forEach((l, i) => {
    s += i === 0 ? field('found at', locationLine(l)) : continuation(locationLine(l));
  });
  if (f.locations.length > shown.length) s += continuation(`... and ${f.locations.length - shown.length} more locations`);
  s += field('revoke', f.revoke);
  s += continuation(f.docs);
  return s;
}

/** `LIVE: octocat (account octo-org); scopes repo, gist`, `revoked: GitHub: Bad credentials`, `unknown: ...`. */
export function livenessLine(l: FindingLiveness): string {
  const head = l.outcome === 'live' ? 'LIVE' : l.outcome;
  const owner = l.owner ? Object.entries(l.owner).map(([k, v]) => (k === 'user' ? v : `${k} ${v}`)).join(', ') : '';
  const scopes = l.scopes && l.scopes.length > 0 ? `; scopes ${l.scopes.join(', ')}` : '';
  if (l.outcome === 'live') return `${head}: ${owner || l.reason}${scopes} (checked with ${l.check})`;
  return `${head}: ${l.reason} (checked with ${l.check})`;
}

/**
 * `0123456789  src/app.env:3:7  Ada <ada@example.com>  2024-01-02T03:04:05Z` for a file;
 * other kinds name their place (`commit message of 0123456789, line 2  Ada ...`).
 * Scanned data (paths, names, refs, the redacted secret) is escaped for the terminal.
 */
function locationLine(l: Location): string {
  const parts: string[] = [];
  if (l.kind === 'blob' && l.commit) parts.push(l.commit.slice(0, 10));
  parts.push(placeWords(l));
  if (l.author) parts.push(l.email ? `${l.author} <${l.email}>` : l.author);
  if (l.date) parts.push(l.date);
  if (l.laterCommits) parts.push(`(still there in ${l.laterCommits} later commit${l.laterCommits === 1 ? '' : 's'})`);
  return terminalText(parts.join('  '));
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return `${(n / (1024 * 1024 * 1024)).toFixed(2)} GB`;
}

function scanned(stats: ScanStats, scan: ScanKind): string {
  const unit = scan === 'history' ? 'blob' : 'file';
  let s = `${stats.blobs} ${unit}${stats.blobs === 1 ? '' : 's'}, ${formatBytes(stats.bytes)}, ${stats.seconds.toFixed(2)} s`;
  if (stats.skipped.count > 0) {
    const reasons = Object.entries(stats.skipped.reasons)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([reason, count]) => `${reason} ${count}`)
      .join(', ');
    s += `; ${stats.skipped.count} skipped (${reasons})`;
  }
  return s;
}

function summaryLine(report: ScanReport, identifiable: number, legacy: number, options: TextReportOptions): string {
  const total = identifiable + legacy;
  const suppressed = options.suppressed ?? 0;
  const known = suppressed > 0 ? `; ${suppressed} known from the baseline not shown` : '';
  const what = options.scan === 'history' ? 'history' : 'working tree';
  const stats = scanned(report.stats, options.scan);
  if (total === 0) return `No ${suppressed > 0 ? 'new ' : ''}secrets found in ${what}: ${stats}${known}.\n`;
  return `${total} secret${total === 1 ? '' : 's'} found (${identifiable} identifiable, ${legacy} legacy) in ${what}: ${stats}${known}.\n`;
}
