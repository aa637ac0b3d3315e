import { asciiSeed, marvin32, uint32LE } from './marvin32.js';

/**
 * Legacy Common Annotated Security Keys (CASK), per microsoft/security-utilities
 * (MIT) `LegacyCommonAnnotatedSecurityKey.cs` and
 * `IdentifiableSecrets.TryValidateCommonAnnotatedKey`. 84 base64 characters
 * (63 bytes), or 88 in the long form (64 bytes):
 *
 *   0        52    56 58 60          72   76   80    84
 *   random.. JQQJ  9k YM platform..  prov SIGN cccc [cc==]
 *
 * `JQQJ` then `9` and the key kind (`9` access key, `D` derived, `H` hash),
 * year and month characters, 12 platform-reserved and 4 provider-reserved
 * characters, the 4-character provider signature, then the checksum: the
 * Marvin32 ("Default0" seed) of the first 60 bytes (the 80 characters before
 * it), 4 little-endian bytes, written either as base62 text or as base64 of the
 * bytes: the first 4 characters in the standard form, 6 plus `==` in the long form.
 */
export const CASK_SEED = asciiSeed('Default0');
export const CASK_CHECKSUM_OFFSET = 80;
export const CASK_PROVIDER_SIGNATURE_OFFSET = 76;
export const CASK_PROVIDER_RESERVED_OFFSET = 72;
/** The key kind character (`9`, `D` or `H`). */
export const CASK_KIND_OFFSET = 57;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Bytes as base62 the way security-utilities' bundled Base62.Net does it: the
 * bytes as one big-endian number in `0-9A-Za-z`, with one extra `0` per
 * leading zero byte (at most length - 1 of them).
 */
export function bytesToBase62(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  let digits = '';
  do {
    digits = BASE62[Number(n % 62n)]! + digits;
    n /= 62n;
  } while (n > 0n);
  let zeros = 0;
  while (zeros < bytes.length - 1 && bytes[zeros] === 0) zeros++;
  return '0'.repeat(zeros) + digits;
}

/** The two encodings of a CASK checksum: 6 base62 characters (canonical base64 text) and the base64 of the 4 bytes. */
export function caskChecksumEncodings(first80: string): { base62: string; base64: string } {
  const bytes = Uint8Array.from(Buffer.from(first80, 'base64'));
  const le = uint32LE(marvin32(bytes, CASK_SEED));
  const text = (bytesToBase62(le) + '000000').slice(0, 6);
  // The text goes through a base64 decode and encode before use, which clears
  // the 4 unused low bits of its 6th character.
  const last = BASE64[BASE64.indexOf(text[5]!) & 0x30]!;
  return { base62: text.slice(0, 5) + last, base64: Buffer.from(le).toString('base64') };
}

/** True when `key` (84 or 88 characters) carries a valid CASK checksum in either encoding. */
export function hasValidCaskChecksum(key: string): boolean {
  const longForm = key.length === 88;
  if (!longForm && key.length !== 84) return false;
  if (longForm && !key.endsWith('==')) return false;
  const first80 = key.slice(0, CASK_CHECKSUM_OFFSET);
  if (!/^[A-Za-z0-9+/]{80}$/.test(first80)) return false;
  const { base62, base64 } = caskChecksumEncodings(first80);
  const stored = key.slice(CASK_CHECKSUM_OFFSET);
  const storedText = stored.replace(/=+$/, '');
  if (storedText.length > 0 && base62.startsWith(storedText)) return true;
  return longForm ? base64 === stored : base64.slice(0, 4) === stored;
}

/** Appends the checksum to the first 80 characters of a key. */
export function appendCaskChecksum(first80: string, options: { longForm: boolean; encoding: 'base62' | 'base64' }): string {
  const { base62, base64 } = caskChecksumEncodings(first80);
  const full = options.encoding === 'base62' ? `${base62}==` : base64;
  return first80 + (options.longForm ? full : full.slice(0, 4));
}
