import type { Confidence, Severity, Tier } from '../../detectors/types.js';
import type { Encoding, Finding, FindingLiveness, FingerprintInfo, Location, LocationKind, ScanReport } from '../types.js';
import { terminalSafeJson } from './terminal-text.js';

/**
 * The `--format json` report (documented in README.md, "JSON report format").
 * Built field by field from the finding, never by spreading it, so a secret
 * can only reach the output through a field named here, and every field named
 * here is redacted or not secret.
 */
export const JSON_REPORT_VERSION = 1;

export type ScanKind = 'working-tree' | 'history';

/**
 * One place a secret was seen. The keys of version 1 stay as they were for
 * files (`kind` "blob"); other kinds have `path` null (except `path`, the
 * path that holds the secret) and add `tag`, `tagName` and `ref` when known.
 */
export interface JsonLocation {
  readonly kind: LocationKind;
  readonly commit: string | null;
  readonly path: string | null;
  readonly line: number;
  readonly column: number;
  readonly author: string | null;
  readonly email: string | null;
  readonly date: string | null;
  readonly tag?: string;
  readonly tagName?: string;
  readonly ref?: string;
  readonly encoding?: Encoding;
  /** The same file still held the secret in this many later commits (history scans). */
  readonly laterCommits?: number;
}

export interface JsonFinding {
  readonly detector: string;
  readonly provider: string;
  readonly title: string;
  readonly severity: Severity;
  readonly tier: Tier;
  readonly confidence: Confidence;
  readonly reason: string;
  readonly fingerprint: string;
  readonly redacted: string;
  readonly companion?: { readonly name: string; readonly redacted: string };
  readonly docs: string;
  readonly revoke: string;
  readonly locations: JsonLocation[];
  readonly liveness?: FindingLiveness;
}

export interface JsonReport {
  readonly version: number;
  readonly scan: ScanKind;
  /** How `fingerprint` was computed (README, "Fingerprints"); baselines compare only like with like. */
  readonly fingerprints: FingerprintInfo;
  readonly findings: JsonFinding[];
  readonly stats: {
    readonly blobs: number;
    readonly bytes: number;
    readonly skipped: { readonly count: number; readonly bytes: number; readonly reasons: Readonly<Record<string, number>> };
    readonly seconds: number;
  };
}

export function toJsonLocation(l: Location): JsonLocation {
  return {
    kind: l.kind,
    commit: l.commit ?? null,
    path: l.path ?? null,
    line: l.line,
    column: l.column,
    author: l.author ?? null,
    email: l.email ?? null,
    date: l.date ?? null,
    ...(l.tag ? { tag: l.tag } : {}),
    ...(l.tagName ? { tagName: l.tagName } : {}),
    ...(l.ref ? { ref: l.ref } : {}),
    ...(l.encoding ? { encoding: l.encoding } : {}),
    ...(l.laterCommits ? { laterCommits: l.laterCommits } : {}),
  };
}

export function toJsonFinding(f: Finding): JsonFinding {
  return {
    detector: f.detector,
    provider: f.provider,
    title: f.title,
    severity: f.severity,
    tier: f.tier,
    confidence: f.confidence,
    reason: f.reason,
    fingerprint: f.fingerprint,
    redacted: f.secret.redacted,
    ...(f.companion ? { companion: { name: f.companion.name, redacted: f.companion.value.redacted } } : {}),
    docs: f.docs,
    revoke: f.revoke,
    locations: f.locations.map(toJsonLocation),
    ...(f.liveness ? { liveness: f.liveness } : {}),
  };
}

export function toJsonReport(report: ScanReport, scan: ScanKind): JsonReport {
  const { stats } = report;
  return {
    version: JSON_REPORT_VERSION,
    scan,
    fingerprints: { ...report.fingerprints },
    findings: report.findings.map(toJsonFinding),
    stats: {
      blobs: stats.blobs,
      bytes: stats.bytes,
      skipped: { count: stats.skipped.count, bytes: stats.skipped.bytes, reasons: { ...stats.skipped.reasons } },
      seconds: Math.round(stats.seconds * 1000) / 1000,
    },
  };
}

/**
 * One finding as one line of JSON Lines (`--format jsonl`): the finding's
 * JSON object (as in `findings` of the JSON report) on a single line, for
 * log pipelines; terminal-safe like the report.
 */
export function jsonLine(f: Finding): string {
  return `${terminalSafeJson(JSON.stringify(toJsonFinding(f)))}\n`;
}

/** The report as text; characters a terminal would act on are JSON escapes, so printing it is safe. */
export function renderJson(report: ScanReport, scan: ScanKind): string {
  return `${terminalSafeJson(JSON.stringify(toJsonReport(report, scan), null, 2))}\n`;
}
