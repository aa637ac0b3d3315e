import type { LogicalLocation, Location as SarifLocation, Log, ReportingDescriptor, Result } from 'sarif';
import type { Detector, Severity } from '../../detectors/types.js';
import type { FingerprintScheme } from '../fingerprint.js';
import type { Finding, Location, ScanReport } from '../types.js';
import type { ScanKind } from './json.js';
import { placeWords } from './location-text.js';
import { terminalSafeJson } from './terminal-text.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/**
 * Key of our fingerprint in `partialFingerprints`, named by the fingerprint
 * scheme (`pushgateSecret/keyed-v2`, `pushgateSecret/unkeyed-v2`): values of
 * two schemes never compare equal, so they must not share a key.
 */
export function sarifFingerprintKey(scheme: FingerprintScheme): string {
  return `pushgateSecret/${scheme}`;
}
const SRCROOT = 'SRCROOT';

export interface SarifReportOptions {
  readonly scan: ScanKind;
  /** Every detector of the run: each becomes a rule, so rule indexes are stable across scans. */
  readonly detectors: readonly Detector[];
  readonly toolVersion: string;
  /** Where to learn about the tool (the project's homepage). */
  readonly informationUri?: string;
  /** Absolute path of the scanned directory; becomes the `SRCROOT` base of relative paths. */
  readonly root?: string;
}

const LEVEL: Record<Severity, Result.level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
/** GitHub code scanning reads this property to rank security alerts (0.0 to 10.0). */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };

type RuleSource = Pick<Detector, 'id' | 'family' | 'provider' | 'title' | 'severity' | 'tier' | 'docs' | 'revoke'>;

/**
 * SARIF 2.1.0 for code-scanning UIs: one rule per detector (help = how to
 * revoke, helpUri = the provider's docs), one result per secret with all its
 * locations and our fingerprint in `partialFingerprints`, so an upload of the
 * next scan updates the same alert instead of opening a new one. Snippets
 * and messages carry the redacted secret only; no end column either, since
 * that would give away the secret's length. Every location names its kind
 * in `properties.kind` (and the encoding the secret was found in, if any);
 * for history scans also its commit, author and date.
 *
 * Only a secret in a file (`blob`) has a physical location. The others (a
 * path, a commit message or header, a tag, a ref name) are not places in a
 * file, so they get a logical location instead: `kind` is ours, the
 * `fullyQualifiedName` names the object (`<commit>:<path>`, the commit id,
 * the tag object id, the full ref name), and line and column (within that
 * text) go to `properties`. A path holding a secret is masked, so it could
 * not be an artifact URI anyway.
 */
export function toSarif(report: ScanReport, options: SarifReportOptions): Log {
  const sources = new Map<string, RuleSource>();
  for (const d of options.detectors) sources.set(d.id, d);
  for (const f of report.findings) if (!sources.has(f.detector)) sources.set(f.detector, ruleSourceOf(f));
  const rules: ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  for (const src of sources.values()) {
    ruleIndex.set(src.id, rules.length);
    rules.push(rule(src));
  }

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pushgate',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            rules,
          },
        },
        ...(options.root ? { originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.root) } } } : {}),
        results: report.findings.map((f) => result(f, ruleIndex.get(f.detector)!, options.scan, sarifFingerprintKey(report.fingerprints.scheme))),
        properties: {
          scan: options.scan,
          blobs: report.stats.blobs,
          bytes: report.stats.bytes,
          skipped: report.stats.skipped.count,
          seconds: Math.round(report.stats.seconds * 1000) / 1000,
          fingerprints: { ...report.fingerprints },
        },
      },
    ],
  };
}

/** The log as text; characters a terminal would act on are JSON escapes, so printing it is safe. */
export function renderSarif(report: ScanReport, options: SarifReportOptions): string {
  return `${terminalSafeJson(JSON.stringify(toSarif(report, options), null, 2))}\n`;
}

function ruleSourceOf(f: Finding): RuleSource {
  return {
    id: f.detector,
    family: f.family,
    provider: f.provider,
    title: f.title,
    severity: f.severity,
    tier: f.tier,
    docs: f.docs,
    revoke: f.revoke,
  };
}

function rule(d: RuleSource): ReportingDescriptor {
  const tierText =
    d.tier === 'identifiable'
      ? 'An identifiable format (fixed prefix, shape or checksum): pushgate blocks pushes that add one.'
      : 'A legacy, heuristic format: reported by scans, never used to block a push.';
  return {
    id: d.id,
    name: pascalCase(d.id),
    shortDescription: { text: `${d.title}.` },
    fullDescription: { text: `A ${d.provider} credential: ${d.title}. ${tierText}` },
    help: {
      text: `${d.revoke}\nFormat documentation: ${d.docs}`,
      markdown: `**How to revoke:** ${d.revoke}\n\n[Format documentation](${d.docs})`,
    },
    helpUri: d.docs,
    defaultConfiguration: { level: LEVEL[d.severity] },
    properties: {
      tags: ['security', 'secret', d.tier],
      precision: d.tier === 'identifiable' ? 'very-high' : 'medium',
      'security-severity': SECURITY_SEVERITY[d.severity],
      provider: d.provider,
      family: d.family,
      tier: d.tier,
    },
  };
}

function result(f: Finding, index: number, scan: ScanKind, fingerprintKey: string): Result {
  const where = f.locations.length === 1 ? '' : ` (${f.locations.length} locations)`;
  return {
    ruleId: f.detector,
    ruleIndex: index,
    level: LEVEL[f.severity],
    message: { text: `${f.title} found: ${f.secret.redacted}${where}. Revoke it: ${f.revoke}` },
    locations: f.locations.map((l) => location(f, l, scan)),
    partialFingerprints: { [fingerprintKey]: f.fingerprint },
    properties: {
      redacted: f.secret.redacted,
      severity: f.severity,
      tier: f.tier,
      confidence: f.confidence,
      reason: f.reason,
      provider: f.provider,
      ...(f.companion ? { companion: { name: f.companion.name, redacted: f.companion.value.redacted } } : {}),
      ...(f.liveness ? { liveness: { ...f.liveness } } : {}),
    },
  };
}

function location(f: Finding, l: Location, scan: ScanKind): SarifLocation {
  const history = scan === 'history';
  const properties: Record<string, unknown> = {
    kind: l.kind,
    ...(l.kind !== 'blob' ? { line: l.line, column: l.column } : {}),
    ...(l.commit && (history || l.kind !== 'blob') ? { commit: l.commit } : {}),
    ...(l.tag ? { tag: l.tag } : {}),
    ...(l.tagName ? { tagName: l.tagName } : {}),
    ...(l.ref ? { ref: l.ref } : {}),
    ...(l.kind === 'path' && l.path !== undefined ? { path: l.path } : {}),
    ...(l.encoding ? { encoding: l.encoding } : {}),
    ...(l.laterCommits ? { laterCommits: l.laterCommits } : {}),
    ...(history && l.author ? { author: l.author } : {}),
    ...(history && l.email ? { email: l.email } : {}),
    ...(history && l.date ? { date: l.date } : {}),
  };
  if (l.kind === 'blob') {
    return {
      physicalLocation: {
        artifactLocation: { uri: pathUri(l.path ?? ''), uriBaseId: SRCROOT },
        region: { startLine: l.line, startColumn: l.column, snippet: { text: f.secret.redacted } },
      },
      properties,
    };
  }
  return {
    logicalLocations: [logicalLocation(l)],
    message: { text: sentence(placeWords(l)) },
    properties,
  };
}

function logicalLocation(l: Location): LogicalLocation {
  let name: string | undefined;
  let fullyQualifiedName: string | undefined;
  switch (l.kind) {
    case 'path':
      name = l.path;
      fullyQualifiedName = l.commit && l.path !== undefined ? `${l.commit}:${l.path}` : l.path;
      break;
    case 'tag-message':
    case 'tag-identity':
    case 'tag-header':
      name = l.tagName ?? l.tag;
      fullyQualifiedName = l.tag ?? l.ref;
      break;
    case 'ref-name':
      name = fullyQualifiedName = l.ref;
      break;
    case 'blob':
    case 'commit-message':
    case 'commit-identity':
    case 'commit-header':
      name = fullyQualifiedName = l.commit;
      break;
    default:
      l.kind satisfies never;
  }
  return { kind: l.kind, ...(name ? { name } : {}), ...(fullyQualifiedName ? { fullyQualifiedName } : {}) };
}

/** SARIF messages are sentences (the multitool warns otherwise). */
function sentence(text: string): string {
  const upper = text.charAt(0).toUpperCase() + text.slice(1);
  return upper.endsWith('.') ? upper : `${upper}.`;
}

/** A relative URI reference for a repository path: each segment percent-encoded. */
function pathUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function directoryUri(dir: string): string {
  const abs = dir.endsWith('/') ? dir : `${dir}/`;
  return `file://${abs.split('/').map(encodeURIComponent).join('/')}`;
}

function pascalCase(id: string): string {
  return id
    .split('-')
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join('');
}
