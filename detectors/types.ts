/**
 * The detector contract. A detector is plain data plus pure functions: the
 * engine (detectors/engine) owns keyword search, windowing, RE2 matching,
 * boundary checks, dedup and redaction, so a detector only says what its
 * secret looks like and how to tell a real one from a look-alike.
 */

/** identifiable: fixed prefix/shape/checksum, blocks pushes. legacy: heuristic, reported by scans only. */
export type Tier = 'identifiable' | 'legacy';
export type Severity = 'critical' | 'high' | 'medium' | 'low';
export type Confidence = 'high' | 'medium' | 'low';

export interface DetectorMeta {
  /** Stable id, kebab-case, never reused for another format (a changed format gets a new id). */
  readonly id: string;
  /** Secrets of one family share a fingerprint space: the same value found by two detectors of a family is one finding. */
  readonly family: string;
  readonly provider: string;
  readonly title: string;
  readonly severity: Severity;
  readonly tier: Tier;
  /** Provider documentation of the credential format. */
  readonly docs: string;
  /** How to revoke or rotate it, one or two sentences for people who were just blocked. */
  readonly revoke: string;
}

/** Why a candidate was accepted, for legacy findings. Identifiable matches are always `high`. */
export interface Verdict {
  readonly confidence: Confidence;
  readonly reason: string;
}

/** What a validator sees: the candidate secret plus the other named groups of the match. */
export interface Candidate {
  readonly secret: string;
  readonly groups: Readonly<Record<string, string | undefined>>;
  /** The RE2 match text the secret came from (context around it, e.g. `password = "..."`). */
  readonly matchText: string;
}

/**
 * A second credential part that must sit near the first (AWS secret access key
 * beside its key id). Searched for in `window` bytes either side of the primary
 * match; attached to the finding when found, never a finding of its own.
 */
export interface CompanionSpec {
  readonly name: string;
  /** RE2 pattern with a `(?P<secret>...)` group. */
  readonly pattern: string;
  readonly window: number;
  /** Characters that may not touch the companion value on either side. */
  readonly alphabet: string;
  readonly validate?: (candidate: Candidate) => boolean;
}

export interface Detector extends DetectorMeta {
  /**
   * Literal byte strings, at least 3 characters, one of which must occur for the
   * pattern to be tried. Matched case-sensitively unless `keywordsIgnoreCase`.
   */
  readonly keywords: readonly string[];
  readonly keywordsIgnoreCase?: boolean;
  /**
   * The keywords are names written next to the secret (`personalAccessToken`,
   * `ClearTextPassword`), never part of it. The decoded scan gives such
   * keywords no base64 or UTF-16 triggers, as it gives none to
   * case-insensitive ones: each spelling would need its own.
   */
  readonly contextKeywords?: boolean;
  /**
   * RE2 syntax with a `(?P<secret>...)` group (other named groups become context,
   * e.g. `host`, `account`). No boundary assertions: the engine checks `alphabet`
   * on the real neighbours of the secret, which may lie outside the window.
   */
  readonly pattern: string;
  /**
   * Characters of the secret's own alphabet as an RE2-style class body
   * (e.g. `A-Za-z0-9_`). A secret whose neighbour byte is in this set is part of
   * a longer run and is not a token. Empty string: no boundary check.
   */
  readonly alphabet: string;
  /** Bytes before/after a keyword hit that the pattern may span. */
  readonly window: { readonly before: number; readonly after: number };
  /**
   * Optional cheap pre-check on the raw bytes after a keyword hit, tested
   * before RE2 runs on the window. For detectors whose keywords are common in
   * source text (`://`, `token`, `password`): most of their hits are not
   * credentials, and RE2 on a few hundred bytes costs tens of microseconds
   * (hundreds when it matches and extracts groups). RE2 stays the judge; a
   * hit whose requirement fails is simply not tried. It must hold at the
   * keyword occurrence inside every text the pattern should match (the
   * conformance test runs every positive example through it).
   */
  readonly requires?: Requirement;
  /** Checksum or plausibility test; `null` rejects the candidate. Must be pure. */
  readonly validate?: (candidate: Candidate) => Verdict | null;
  readonly companion?: CompanionSpec;
  /**
   * The randomly generated characters of an identifiable format. The engine
   * judges them after the validator with one shared placeholder test
   * (detectors/builders/placeholder-token.ts): alphabet walks, periodic and
   * constant bodies, placeholder words, documented example keys. Every
   * identifiable detector declares it unless the conformance test lists why
   * it cannot (a private key's structure, a connection string).
   */
  readonly randomPart?: RandomPart;
}

/** Where a format's random characters are, and what they are drawn from. */
export interface RandomPart {
  /** Every character the random part may hold (the placeholder test's error bound depends on it). */
  readonly alphabet: string;
  readonly minLength: number;
  readonly maxLength: number;
  /** The random characters of a matched secret (with the match's groups); null when it has none to judge. */
  of(secret: string, groups: Readonly<Record<string, string | undefined>>): string | null;
}

/**
 * "Within `within` bytes after the keyword's end, a byte of `anyOf` occurs,
 * and every byte before it is in `over`." Byte sets are RE2-style class
 * bodies of literal characters and ranges (`@`, `=:`, `A-Za-z0-9_.-`); a
 * leading `^` negates. Examples:
 * - URL credentials: `{ anyOf: '@', over: '^ \t\n\f\r/?#"\'<>\\`', within: 440 }`: the `@`
 *   of `user:password@` comes before the URL's first `/`, quote or space.
 * - `key = value` assignments: `{ anyOf: ' \t\r\n=:,>', over: 'A-Za-z0-9_.-', within: 64 }`:
 *   the rest of the key name, then an operator or a space, not `(` or `;`.
 */
export interface Requirement {
  readonly anyOf: string;
  /** Bytes the search may pass over before an `anyOf` byte; omitted: any byte. */
  readonly over?: string;
  /** Bytes after the keyword to search; capped at `window.after`. */
  readonly within: number;
}

/**
 * How a secret was written when the engine found it only after decoding
 * (one level, bounded; detectors/engine/decoded-scan.ts).
 */
export type Encoding = 'base64' | 'base64url' | 'percent' | 'json-escape' | 'utf-16le' | 'utf-16be';

/** One match of one detector in one buffer. Holds the secret in clear: never log or serialize it. */
export interface Match {
  readonly detector: Detector;
  readonly secret: string;
  /** Byte offsets of the secret in the scanned buffer/stream (end exclusive). */
  readonly start: number;
  readonly end: number;
  /** 1-based line and column (column in bytes) of `start`. */
  readonly line: number;
  readonly column: number;
  readonly confidence: Confidence;
  readonly reason: string;
  readonly context: Readonly<Record<string, string>>;
  readonly companion?: { readonly name: string; readonly value: string };
  /**
   * Set when the secret was found in a decoded form of the bytes (base64 in
   * a Kubernetes Secret, a percent-encoded URL, a JSON string escape, UTF-16
   * text): `start`/`end` then span the encoded bytes in the scanned buffer,
   * `secret` is the decoded value, and `reason` names the encoding.
   */
  readonly encoding?: Encoding;
}
