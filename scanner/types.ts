import type { Confidence, Severity, Tier } from '../detectors/types.js';
import type { SecretValue } from './secret-value.js';

/** Where a secret was seen. Commit fields are absent for working-tree scans. */
export interface Location {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  /** Byte offset of the secret in the blob/file. */
  readonly offset: number;
  readonly blob?: string;
  readonly commit?: string;
  readonly author?: string;
  readonly email?: string;
  /** ISO 8601 author date of `commit`. */
  readonly date?: string;
}

/** What a liveness check (`pushgate scan --verify`) said about a finding's secret. */
export interface FindingLiveness {
  /** Provider check id (`github`, `aws`, ...). */
  readonly check: string;
  readonly outcome: 'live' | 'revoked' | 'unknown';
  readonly reason: string;
  readonly httpStatus?: number;
  readonly owner?: Readonly<Record<string, string>>;
  readonly scopes?: readonly string[];
}

/** One secret (one fingerprint) with every place it was seen. */
export interface Finding {
  readonly detector: string;
  readonly family: string;
  readonly provider: string;
  readonly title: string;
  readonly severity: Severity;
  readonly tier: Tier;
  readonly confidence: Confidence;
  readonly reason: string;
  /** Provider docs of the format, and how to revoke it (from the detector). */
  readonly docs: string;
  readonly revoke: string;
  readonly fingerprint: string;
  readonly redacted: string;
  readonly secret: SecretValue;
  readonly context: Readonly<Record<string, string>>;
  readonly companion?: { readonly name: string; readonly value: SecretValue };
  readonly locations: Location[];
  /** Present after a liveness check (`--verify`). */
  readonly liveness?: FindingLiveness;
}

export interface SkippedSummary {
  /** Objects or files not scanned, by reason (e.g. `unreadable`, `missing-object`, `lfs-pointer`). */
  readonly count: number;
  readonly bytes: number;
  readonly reasons: Readonly<Record<string, number>>;
}

export interface ScanStats {
  readonly blobs: number;
  readonly bytes: number;
  readonly skipped: SkippedSummary;
  readonly seconds: number;
}

export interface ScanReport {
  readonly findings: Finding[];
  readonly stats: ScanStats;
}

export interface ScanProgress {
  readonly blobsDone: number;
  readonly blobsTotal: number | undefined;
  readonly bytesDone: number;
}
