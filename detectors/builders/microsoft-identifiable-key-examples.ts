import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { asciiSeed } from '../checksum/marvin32.js';
import { buildIdentifiableKey, signatureOffset } from '../checksum/microsoft-identifiable.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { type IdentifiableKeySpec } from './microsoft-identifiable-key.js';
import { fitsRandom } from './random-part.js';

/** Puts a key into a realistic file; returns the text, or the text and the exact secret when they differ. */
export type KeyContext = (key: string) => string | PositiveExample;

function charset(spec: IdentifiableKeySpec): string {
  if (spec.base62Only) return ALPHA.base62;
  return spec.shape.urlSafe ? ALPHA.base64url : ALPHA.base64;
}

/** A valid key of `spec` under `seed` (default: a random one of the kind's seeds). */
export function makeIdentifiableKey(t: TokenFactory, spec: IdentifiableKeySpec, seed?: bigint): string {
  const s = seed ?? t.pick(spec.seeds).seed;
  for (;;) {
    const key = buildIdentifiableKey(t.bytes(spec.shape.bytes), spec.shape, s);
    // Search keys are issued without `-`/`_`; draw again until the encoding has none.
    if (!spec.base62Only || /^[A-Za-z0-9]+$/.test(key)) return key;
  }
}

/**
 * A valid key whose characters before the signature are `random`: the bytes
 * they encode, random bytes after them, then the signature and checksum.
 * Null when `random` does not fit (length, alphabet) or, for base62-only
 * kinds, when no checksum without `-`/`_` turns up.
 */
export function identifiableKeyWithRandom(t: TokenFactory, spec: IdentifiableKeySpec, random: string, seed?: bigint): string | null {
  const at = signatureOffset(spec.shape);
  if (!fitsRandom(random, charset(spec), at)) return null;
  const dataChars = Math.ceil((spec.shape.bytes * 8) / 6);
  for (let i = 0; i < 200; i++) {
    const text = random + t.chars(ALPHA.base64url, dataChars - at);
    const bytes = Uint8Array.from(Buffer.from(text, 'base64url')).subarray(0, spec.shape.bytes);
    const key = buildIdentifiableKey(bytes, spec.shape, seed ?? t.pick(spec.seeds).seed);
    if (key.slice(0, at) !== random) return null;
    if (!spec.base62Only || /^[A-Za-z0-9]+$/.test(key)) return key;
  }
  return null;
}

/** The key with one free checksum character changed: same shape, wrong checksum. */
export function flipChecksumChar(key: string, spec: IdentifiableKeySpec): string {
  const at = signatureOffset(spec.shape) + 4 + 2;
  const chars = charset(spec);
  const next = chars[(chars.indexOf(key[at]!) + 1) % chars.length]!;
  return key.slice(0, at) + next + key.slice(at + 1);
}

function asPositive(out: string | PositiveExample, key: string): PositiveExample {
  return typeof out === 'string' ? { text: out, secret: key } : out;
}

/**
 * Positives: one key per context, cycling through the kind's seeds so every
 * sub-kind is exercised. Negatives: the same first context holding a flipped
 * checksum, a key checksummed with a foreign seed, an altered signature, a key
 * inside a longer base64 run, and a truncated key.
 */
export function identifiableKeyExamples(spec: IdentifiableKeySpec, contexts: readonly KeyContext[]): DetectorExamples {
  const frame = (key: string): string => asPositive(contexts[0]!(key), key).text;
  const sigAt = signatureOffset(spec.shape);
  return {
    generate: (t) => makeIdentifiableKey(t, spec),
    withRandom: (t, random) => identifiableKeyWithRandom(t, spec, random),
    positives: (t) =>
      contexts.map((context, i) => {
        const key = makeIdentifiableKey(t, spec, spec.seeds[i % spec.seeds.length]!.seed);
        return asPositive(context(key), key);
      }),
    negatives: (t) => {
      const good = makeIdentifiableKey(t, spec);
      const foreignSeed = makeIdentifiableKey(t, spec, asciiSeed('Foreign0'));
      const sig = spec.shape.signature;
      const otherSig = sig.slice(0, 3) + (sig[3] === 'A' ? 'B' : 'A');
      const alteredSignature = good.slice(0, sigAt) + otherSig + good.slice(sigAt + 4);
      return [
        frame(flipChecksumChar(good, spec)),
        frame(foreignSeed),
        frame(alteredSignature),
        frame(`${t.chars(charset(spec), 12)}${good}`),
        frame(good.slice(0, sigAt + 4 + 4)),
      ];
    },
  };
}
