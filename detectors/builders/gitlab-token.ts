import type { Candidate, Detector, DetectorMeta, RandomPart, Verdict } from '../types.js';
import { crc32 } from '../checksum/crc32.js';
import { looksGenerated } from './token-shape.js';
import { CHARS } from './token-row.js';

/**
 * GitLab tokens come in two shapes behind one prefix:
 *
 * - legacy: prefix + a fixed-length random body (20 characters of
 *   `[A-Za-z0-9_-]` for most kinds);
 * - routable (GitLab 17.7+ behind a flag, the default for personal access
 *   tokens since 18.3): prefix + unpadded base64url payload (16 random bytes,
 *   the routing ids, one length byte) + `.` + an optional 2-character base36
 *   version (`01`) + `.` + the payload length in 2 base36 characters + a
 *   7-character base36 CRC-32 (zlib) of everything before it, prefix included.
 *
 * Source: gitlab-org/gitlab `lib/authn/token_field/generator/routable_token.rb`
 * and the Cells "routable tokens" design document. A routable token is
 * accepted only when its CRC and length field agree; a legacy one when its
 * body does not look typed.
 *
 * Tokens under an instance-wide custom prefix (`mycompanyglpat-...`) are not
 * found: the prefix is glued to the keyword, and the CRC covers it.
 */
export interface GitlabTokenSpec {
  /** Literal prefixes; each is a keyword. */
  readonly prefixes: readonly string[];
  /** RE2 for the legacy body after the prefix, without groups. */
  readonly legacyBody: string;
  /** Whether the kind is also issued in the routable shape. */
  readonly routable: boolean;
  /**
   * How many random characters end a legacy body (default 20): the whole
   * body, or what follows a runner's `t1_` partition id.
   */
  readonly legacyRandom?: number;
  /** Their alphabet, when not base64url (pipeline trigger tokens: 40 lowercase hex). */
  readonly legacyAlphabet?: string;
}

/** Longest base64 payload the design document allows, plus room for a runner's `t1_` sub-prefix. */
const MAX_ROUTABLE_RUN = 310;
const ROUTABLE_TAIL = /^([A-Za-z0-9_-]+)\.(?:[0-9a-z]{2}\.)?([0-9a-z]{2})([0-9a-z]{7})$/;

const ROUTABLE_MATCH: Verdict = { confidence: 'high', reason: 'routable format with valid CRC-32 and length field' };
const LEGACY_MATCH: Verdict = { confidence: 'high', reason: 'prefix, alphabet and length' };

/** CRC-32 of `text` as GitLab writes it: base36, lowercase, zero-padded to 7. */
export function gitlabRoutableCrc(text: string): string {
  return crc32(text).toString(36).padStart(7, '0');
}

/** Checks a routable token (prefix included) against its CRC and payload-length field. */
export function isValidRoutableToken(token: string, prefix: string): boolean {
  const m = ROUTABLE_TAIL.exec(token.slice(prefix.length));
  if (!m) return false;
  if (gitlabRoutableCrc(token.slice(0, -7)) !== m[3]) return false;
  const run = m[1]!;
  const payloadLength = Number.parseInt(m[2]!, 36);
  // The payload is the end of the run; only a short sub-prefix (a runner's `t1_`) may precede it.
  // Unpadded base64 is never 1 character past a multiple of 4.
  return payloadLength >= 27 && payloadLength <= run.length && run.length - payloadLength <= 8 && payloadLength % 4 !== 1;
}

/** Characters of a routable token's payload that are its 16 random bytes (126 of their 128 bits). */
export const ROUTABLE_RANDOM_CHARS = 21;

/** The first 21 characters of a routable token's payload: its 16 random bytes. Null when it is not routable. */
export function routableRandom(token: string, prefix: string): string | null {
  const m = ROUTABLE_TAIL.exec(token.slice(prefix.length));
  if (!m) return null;
  const run = m[1]!;
  const payloadLength = Number.parseInt(m[2]!, 36);
  if (payloadLength < ROUTABLE_RANDOM_CHARS || payloadLength > run.length) return null;
  const at = run.length - payloadLength;
  return run.slice(at, at + ROUTABLE_RANDOM_CHARS);
}

/**
 * Where a GitLab token's random characters are: the end of a legacy body, or
 * a routable token's 16 random bytes. With hex legacy bodies the judged
 * alphabet is hex, which only makes the judgment stricter for the base64url
 * characters of a routable token.
 */
function gitlabRandomPart(spec: GitlabTokenSpec, prefixes: readonly string[]): RandomPart {
  const legacy = spec.legacyRandom ?? 20;
  return {
    alphabet: spec.legacyAlphabet ?? CHARS.base64url.chars,
    minLength: spec.routable ? Math.min(legacy, ROUTABLE_RANDOM_CHARS) : legacy,
    maxLength: spec.routable ? Math.max(legacy, ROUTABLE_RANDOM_CHARS) : legacy,
    of: (secret) => {
      const prefix = prefixes.find((p) => secret.startsWith(p));
      if (prefix === undefined) return null;
      if (spec.routable && secret.includes('.')) return routableRandom(secret, prefix);
      const body = secret.slice(prefix.length);
      return body.length >= legacy ? body.slice(body.length - legacy) : null;
    },
  };
}

export function gitlabTokenDetector(spec: GitlabTokenSpec, meta: Omit<DetectorMeta, 'tier'>): Detector {
  const prefixes = [...spec.prefixes].sort((a, b) => b.length - a.length);
  const prefixGroup = prefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const routable = `[A-Za-z0-9_-]{27,${MAX_ROUTABLE_RUN}}\\.(?:[0-9a-z]{2}\\.)?[0-9a-z]{9}`;
  // Routable first: RE2 is leftmost-first, and the legacy branch would match a routable token's first 20 characters.
  const body = spec.routable ? `(?:${routable}|${spec.legacyBody})` : spec.legacyBody;
  const validate = ({ secret }: Candidate): Verdict | null => {
    const prefix = prefixes.find((p) => secret.startsWith(p))!;
    if (spec.routable && secret.includes('.')) return isValidRoutableToken(secret, prefix) ? ROUTABLE_MATCH : null;
    return looksGenerated(secret.slice(prefix.length)) ? LEGACY_MATCH : null;
  };
  return {
    ...meta,
    tier: 'identifiable',
    keywords: prefixes,
    pattern: `(?P<secret>(?:${prefixGroup})${body})`,
    alphabet: 'A-Za-z0-9_-',
    window: { before: 0, after: spec.routable ? MAX_ROUTABLE_RUN + 13 : 64 },
    validate,
    randomPart: gitlabRandomPart(spec, prefixes),
  };
}
