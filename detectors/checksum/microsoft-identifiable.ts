import { asciiSeed, marvin32, uint32LE } from './marvin32.js';

/**
 * Microsoft "identifiable keys" (HIS v1), per microsoft/security-utilities
 * (MIT) `IdentifiableSecrets.cs`: N random bytes, of which the last 8 are
 * replaced by a 4-character base64 provider signature (aligned so that it
 * shows verbatim in the encoded text) and a 4-byte Marvin32 checksum,
 * little-endian, of all bytes before it, seeded per key kind:
 *
 *   ????????????????????????????????SSSS CCCCCC==   (S signature, C checksum)
 *
 * A key is valid when the checksum matches one of its kind's seeds and the
 * signature sits right before the 6 checksum characters (and the padding).
 */
export interface IdentifiableKeyShape {
  /** Decoded length in bytes (32, 39, 40 or 64 in use). */
  readonly bytes: number;
  /** The 4 characters that appear in the encoded key, e.g. `+ASt`. */
  readonly signature: string;
  /** URL-safe alphabet (`-_` instead of `+/`), as Azure Functions keys use. */
  readonly urlSafe: boolean;
}

/** A checksum seed and the key kind it marks (e.g. Service Bus "send" keys). */
export interface KeyKindSeed {
  readonly seed: bigint;
  readonly kind: string;
}

export function kindSeed(name: string, kind: string): KeyKindSeed {
  return { seed: asciiSeed(name), kind };
}

/** Characters of the encoded key before its signature. */
export function signatureOffset(shape: IdentifiableKeyShape): number {
  const dataChars = Math.ceil((shape.bytes * 8) / 6);
  return dataChars - 6 - 4;
}

function decode(text: string, urlSafe: boolean): Uint8Array | null {
  const body = text.replace(/=+$/, '');
  const pattern = urlSafe ? /^[A-Za-z0-9_-]*$/ : /^[A-Za-z0-9+/]*$/;
  if (!pattern.test(body)) return null;
  return Uint8Array.from(Buffer.from(body, urlSafe ? 'base64url' : 'base64'));
}

/**
 * The seed entry whose checksum `key` carries, or null: wrong length,
 * alphabet, signature position or checksum.
 */
export function identifiableKeyKind(
  key: string,
  shape: IdentifiableKeyShape,
  seeds: readonly KeyKindSeed[],
): KeyKindSeed | null {
  const at = key.replace(/=+$/, '').length - 10;
  if (at < 0 || key.slice(at, at + 4) !== shape.signature) return null;
  const bytes = decode(key, shape.urlSafe);
  if (!bytes || bytes.length !== shape.bytes) return null;
  const n = bytes.length;
  const stored = (bytes[n - 4]! | (bytes[n - 3]! << 8) | (bytes[n - 2]! << 16) | (bytes[n - 1]! << 24)) >>> 0;
  const body = bytes.subarray(0, n - 4);
  for (const s of seeds) if (marvin32(body, s.seed) === stored) return s;
  return null;
}

/**
 * The bytes that put `signature` verbatim into the encoding: the 3 signature
 * bytes shifted left by the bits the random part spills into the last base64
 * character before it, merged with the random byte they share.
 */
function signatureBytes(keyBytes: number, signature: string, prefixByte: number): number[] {
  const sig = Buffer.from(signature, 'base64');
  const spill = ((keyBytes - 7) * 8) % 6;
  const mask = spill === 2 ? 0xfc : spill === 4 ? 0xf0 : 0xff;
  let word = ((prefixByte & mask) << 24) >>> 0;
  word = (word | (sig[0]! << (16 + spill)) | (sig[1]! << (8 + spill)) | (sig[2]! << spill)) >>> 0;
  return [word >>> 24, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff];
}

/** A key of `shape` from `random` (`shape.bytes` bytes; the last 8 are overwritten). */
export function buildIdentifiableKey(random: Uint8Array, shape: IdentifiableKeyShape, seed: bigint): string {
  const key = Uint8Array.from(random.subarray(0, shape.bytes));
  const n = key.length;
  key.set(signatureBytes(n, shape.signature, key[n - 8]!), n - 8);
  key.set(uint32LE(marvin32(key.subarray(0, n - 4), seed)), n - 4);
  const text = Buffer.from(key).toString('base64');
  return shape.urlSafe ? text.replace(/\+/g, '-').replace(/\//g, '_') : text;
}
