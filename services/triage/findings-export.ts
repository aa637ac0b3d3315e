import { serviceVersion } from '../version.js';
import type { StoredFinding } from '../store/findings-store.js';

/**
 * The findings of a filter as a file: CSV for spreadsheets, JSON for
 * scripts, SARIF for code-scanning tools. Values are redacted as everywhere
 * (no secret, no excerpt); `closed` (the provider said revoked) and
 * `resolved` (a person attested an end, with the resolution) stay apart in
 * each: SARIF carries a resolution as an external, accepted suppression with
 * its justification, and a closure in the result's properties.
 */
export type ExportFormat = 'csv' | 'json' | 'sarif';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json', 'sarif'];

export interface ExportRow {
  readonly finding: StoredFinding;
  readonly assignee: string | null;
}

export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  sarif: 'application/sarif+json; charset=utf-8',
};

const CSV_COLUMNS = [
  'fingerprint',
  'status',
  'resolution',
  'resolution_reason',
  'resolution_expires',
  'severity',
  'confidence',
  'tier',
  'detector',
  'provider',
  'title',
  'redacted',
  'repositories',
  'first_seen',
  'last_seen',
  'locations',
  'assignee',
] as const;

/** How a finding ended, in words a report reader cannot confuse. */
function closure(f: StoredFinding): 'verified-revoked' | 'attested' | null {
  return f.status === 'closed' ? 'verified-revoked' : f.status === 'resolved' ? 'attested' : null;
}

export function renderExport(rows: readonly ExportRow[], format: ExportFormat): string {
  if (format === 'csv') return csv(rows);
  if (format === 'json') return `${JSON.stringify({ findings: rows.map(jsonRow) }, null, 2)}\n`;
  return `${JSON.stringify(sarif(rows), null, 2)}\n`;
}

function jsonRow({ finding: f, assignee }: ExportRow): Record<string, unknown> {
  return {
    fingerprint: f.fingerprint,
    status: f.status,
    closure: closure(f),
    resolution: f.resolution,
    severity: f.severity,
    confidence: f.confidence,
    tier: f.tier,
    detector: f.detector,
    provider: f.provider,
    title: f.title,
    redacted: f.redacted,
    repositories: f.repositories,
    firstSeen: f.firstSeen,
    lastSeen: f.lastSeen,
    locationCount: f.locationCount,
    assignee,
  };
}

function csv(rows: readonly ExportRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const { finding: f, assignee } of rows) {
    const values: Record<(typeof CSV_COLUMNS)[number], string> = {
      fingerprint: f.fingerprint,
      status: f.status,
      resolution: f.resolution?.kind ?? '',
      resolution_reason: f.resolution?.reason ?? '',
      resolution_expires: f.resolution?.expiresAt ?? '',
      severity: f.severity,
      confidence: f.confidence,
      tier: f.tier,
      detector: f.detector,
      provider: f.provider,
      title: f.title,
      redacted: f.redacted,
      repositories: f.repositories.join(' '),
      first_seen: f.firstSeen,
      last_seen: f.lastSeen,
      locations: String(f.locationCount),
      assignee: assignee ?? '',
    };
    lines.push(CSV_COLUMNS.map((c) => csvCell(values[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * RFC 4180 quoting, and no formulas: a cell a spreadsheet would evaluate
 * (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a leading
 * apostrophe, since reasons and repository names are written by people.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const SARIF_LEVEL = { critical: 'error', high: 'error', medium: 'warning', low: 'note' } as const;

function sarif(rows: readonly ExportRow[]): Record<string, unknown> {
  const rules = new Map<string, StoredFinding>();
  for (const { finding } of rows) if (!rules.has(finding.detector)) rules.set(finding.detector, finding);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pushgate',
            version: serviceVersion(),
            rules: [...rules.values()].map((f) => ({
              id: f.detector,
              name: f.title,
              shortDescription: { text: f.title },
              ...(f.docs ? { helpUri: f.docs } : {}),
              help: { text: f.revoke },
              properties: { provider: f.provider, tier: f.tier },
            })),
          },
        },
        results: rows.map(({ finding: f, assignee }) => ({
          ruleId: f.detector,
          level: SARIF_LEVEL[f.severity],
          message: { text: `${f.title}: ${f.redacted}` },
          partialFingerprints: { 'pushgateSecret/keyed-v2': f.fingerprint },
          locations: f.repositories.map((r) => ({ physicalLocation: { artifactLocation: { uri: r } } })),
          ...(f.status === 'resolved' && f.resolution
            ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `${f.resolution.kind}: ${f.resolution.reason}` }] }
            : {}),
          properties: {
            status: f.status,
            closure: closure(f),
            confidence: f.confidence,
            tier: f.tier,
            firstSeen: f.firstSeen,
            lastSeen: f.lastSeen,
            locationCount: f.locationCount,
            ...(f.resolution ? { resolution: f.resolution } : {}),
            ...(assignee ? { assignee } : {}),
          },
        })),
      },
    ],
  };
}
