import type { Excerpt } from './excerpt.js';
import type { FingerprintScheme } from './fingerprint.js';
import type { Confidence, Severity, Tier } from '../detectors/types.js';
import type { SecretValue } from './secret-value.js';
import type { Encoding } from '../detectors/types.js';

/**
 * Which text of a repository holds a secret. Everything a push can add is
 * scanned: file contents (`blob`), file paths (`path`), commit messages,
 * the author and committer lines (`commit-identity`), the other commit
 * headers (`commit-header`: encoding, signatures, mergetag, custom headers),
 * annotated tag messages, taggers (`tag-identity`) and the tag's other
 * headers (`tag-header`: its `tag` name line, custom headers), and the names
 * of refs.
 */
export type LocationKind =
  | 'blob'
  | 'path'
  | 'commit-message'
  | 'commit-identity'
  | 'commit-header'
  | 'tag-message'
  | 'tag-identity'
  | 'tag-header'
  | 'ref-name';

export const LOCATION_KINDS: readonly LocationKind[] = [
  'blob',
  'path',
  'commit-message',
  'commit-identity',
  'commit-header',
  'tag-message',
  'tag-identity',
  'tag-header',
  'ref-name',
];

/** How a secret was written where it was found, when not as plain text (see detectors/engine/decoded-scan.ts). */
export type { Encoding } from '../detectors/types.js';

/**
 * Where a secret was seen. `line`, `column` and `offset` are positions in the
 * text of `kind`: the file, the path, the commit message, the tag message, the
 * ref name, or the raw header lines of the commit or tag. Every pusher-chosen
 * string here (path, ref, tag name, author, email) has every secret found in
 * it masked (scanner/mask.ts) before it leaves the scanner.
 */
export interface Location {
  readonly kind: LocationKind;
  /** `blob`: the file's path (working tree or commit); `path`: the path that holds the secret. Absent for other kinds. */
  readonly path?: string;
  readonly line: number;
  readonly column: number;
  /** Byte offset of the secret in the text of `kind` (for an encoded secret, where its encoded form starts). */
  readonly offset: number;
  readonly blob?: string;
  /** `blob`, `path`: the commit that introduced it; `commit-*`: the commit whose object holds the secret. */
  readonly commit?: string;
  /** `tag-*`: the annotated tag object's id and the name in its `tag` header. */
  readonly tag?: string;
  readonly tagName?: string;
  /** `ref-name`: the full ref name; `tag-*`: a ref that points at the tag, when known. */
  readonly ref?: string;
  /** The secret was found decoded from this encoding (absent: as plain text). */
  readonly encoding?: Encoding;
  /** Author of `commit` (the tagger for `tag-*`). */
  readonly author?: string;
  readonly email?: string;
  /** ISO 8601 author date of `commit` (tagger date for `tag-*`). */
  readonly date?: string;
  /**
   * History scans that fold moved lines (`collapseMoved`): later commits in
   * which the same file still held the secret (its line moved, the file
   * changed around it), counted here instead of listed.
   */
  readonly laterCommits?: number;
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
  /** The lines around the secret at one of its locations, every secret in them masked (history scans with `excerpts`). */
  readonly excerpt?: Excerpt;
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
  /** Working-tree scans in a git work tree: paths git ignores under the root (files, or whole directories), not scanned. */
  readonly ignored?: number;
}

export interface ScanReport {
  readonly findings: Finding[];
  readonly stats: ScanStats;
  /** How the findings were fingerprinted (scanner/fingerprint.ts): reports say so, so a baseline can tell. */
  readonly fingerprints: FingerprintInfo;
}

export interface FingerprintInfo {
  readonly scheme: FingerprintScheme;
  /** keyed-v2 only: which key (a short hash of it). */
  readonly keyId?: string;
}

export interface ScanProgress {
  readonly blobsDone: number;
  readonly blobsTotal: number | undefined;
  readonly bytesDone: number;
}
