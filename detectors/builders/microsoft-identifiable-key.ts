import type { Detector, DetectorMeta, RandomPart, Verdict } from '../types.js';
import { CHARS } from './token-row.js';
import { slicedRandomPart } from './random-part.js';
import {
  identifiableKeyKind,
  signatureOffset,
  type IdentifiableKeyShape,
  type KeyKindSeed,
} from '../checksum/microsoft-identifiable.js';

/** One kind of Microsoft identifiable key: its shape, the seeds of its sub-kinds, and alphabet quirks. */
export interface IdentifiableKeySpec {
  readonly shape: IdentifiableKeyShape;
  readonly seeds: readonly KeyKindSeed[];
  /** The random part is base62 only (Azure AI Search keys). */
  readonly base62Only?: boolean;
}

/** Characters that may appear in the key text, as a regex class body. */
export function keyCharClass(spec: IdentifiableKeySpec): string {
  if (spec.base62Only) return 'A-Za-z0-9';
  return spec.shape.urlSafe ? 'A-Za-z0-9_-' : 'A-Za-z0-9+/';
}

/** The characters random bytes fill: all of them in the alphabet of the key text. */
export function keyAlphabet(spec: IdentifiableKeySpec): string {
  if (spec.base62Only) return CHARS.base62.chars;
  return spec.shape.urlSafe ? CHARS.base64url.chars : CHARS.base64.chars;
}

/**
 * The random part: every character before the signature. Each carries 6
 * random bits (the bits of the random byte the signature shares fall in the
 * signature's own characters).
 */
export function identifiableKeyRandomPart(spec: IdentifiableKeySpec): RandomPart {
  const n = signatureOffset(spec.shape);
  return slicedRandomPart(keyAlphabet(spec), n, n, 0, n);
}

/** Base64 padding characters after the encoded bytes. */
export function paddingLength(shape: IdentifiableKeyShape): number {
  return (4 - (Math.ceil((shape.bytes * 8) / 6) % 4)) % 4;
}

function escapeRe(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/**
 * The RE2 pattern of a key (security-utilities' per-rule patterns): the random
 * characters, the signature, then 6 checksum characters. Bits the signature
 * word or the byte count leave unused constrain the first checksum character
 * (`[A-P]`, `[A-D]`) or the last (`[AQgw]`). Padding is optional: keys in URLs
 * often carry it percent-encoded.
 */
export function identifiableKeyPattern(spec: IdentifiableKeySpec): string {
  const { shape } = spec;
  const c = `[${keyCharClass(spec)}]`;
  const dataChars = Math.ceil((shape.bytes * 8) / 6);
  const headZeroBits = shape.bytes * 8 - 32 - 6 * (dataChars - 6);
  const tailZeroBits = 6 * dataChars - shape.bytes * 8;
  const first = headZeroBits === 2 ? '[A-P]' : headZeroBits === 4 ? '[A-D]' : c;
  const last = tailZeroBits === 4 ? '[AQgw]' : c;
  const pad = paddingLength(shape);
  const padding = pad > 0 ? `(?:${'='.repeat(pad)})?` : '';
  return `(?P<secret>${c}{${signatureOffset(shape)}}${escapeRe(shape.signature)}${first}${c}{4}${last}${padding})`;
}

/**
 * A detector for one identifiable key kind. Keyword: the signature. A match
 * counts only when the checksum matches one of the kind's seeds.
 */
export function identifiableKeyDetector(spec: IdentifiableKeySpec, meta: Omit<DetectorMeta, 'tier'>): Detector {
  const verdicts = new Map<KeyKindSeed, Verdict>(
    spec.seeds.map((s) => [s, { confidence: 'high', reason: `signature and Marvin32 checksum (${s.kind})` }]),
  );
  return {
    ...meta,
    tier: 'identifiable',
    keywords: [spec.shape.signature],
    pattern: identifiableKeyPattern(spec),
    // Base64 in either alphabet: a neighbour from it means the key is part of a
    // longer run. URL-safe Functions keys sit in URL paths, so `/` may touch them.
    alphabet: spec.shape.urlSafe && !spec.base62Only ? 'A-Za-z0-9_-' : 'A-Za-z0-9+/_-',
    window: { before: signatureOffset(spec.shape), after: 6 + paddingLength(spec.shape) },
    validate: ({ secret }) => {
      const kind = identifiableKeyKind(secret, spec.shape, spec.seeds);
      return kind ? verdicts.get(kind)! : null;
    },
    randomPart: identifiableKeyRandomPart(spec),
  };
}
