import { crc32 } from './crc32.js';

/**
 * Azure DevOps personal access tokens of the legacy format, per
 * microsoft/security-utilities (MIT) `SEC101_102_AdoPat.cs`: 52 characters of
 * base32 (`a-z2-7`), decoding to 32 bytes (the last 4 bits are unused). Four
 * of the bytes hold a checksum: bytes 22, 8, 7 and 2, in that order, are the
 * little-endian CRC-32 of the other 28 bytes XOR a per-kind constant.
 */
export const ADO_PAT_KINDS = [
  { kind: 'user PAT', xor: 0xe0b9692d },
  { kind: 'application secret', xor: 0x1019f92e },
] as const;
export type AdoPatKind = (typeof ADO_PAT_KINDS)[number]['kind'];

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
/** Where the checksum bytes sit, least significant first. */
const CHECKSUM_AT = [22, 8, 7, 2] as const;

/** Base32 (RFC 4648 alphabet, either case, no padding), most significant bit first; trailing partial bits dropped. */
export function base32Decode(text: string): Uint8Array | null {
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let acc = 0;
  let bits = 0;
  let at = 0;
  for (const ch of text.toLowerCase()) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return null;
    acc = ((acc << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      if (at < out.length) out[at++] = (acc >>> bits) & 0xff;
    }
  }
  return out;
}

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = ((acc << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(acc >>> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(acc << (5 - bits)) & 31];
  return out;
}

function tokenBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(28);
  out.set(bytes.subarray(0, 2), 0);
  out.set(bytes.subarray(3, 7), 2);
  out.set(bytes.subarray(9, 22), 6);
  out.set(bytes.subarray(23, 32), 19);
  return out;
}

/** The kind whose checksum the token carries, or null. */
export function adoLegacyPatKind(token: string): AdoPatKind | null {
  if (token.length !== 52) return null;
  const bytes = base32Decode(token);
  if (!bytes) return null;
  const stored = (bytes[22]! | (bytes[8]! << 8) | (bytes[7]! << 16) | (bytes[2]! << 24)) >>> 0;
  const crc = crc32(tokenBytes(bytes));
  for (const k of ADO_PAT_KINDS) if (((crc ^ k.xor) >>> 0) === stored) return k.kind;
  return null;
}

/** A token from 32 random bytes (the checksum bytes are overwritten). */
export function buildAdoLegacyPat(random: Uint8Array, kind: AdoPatKind): string {
  const bytes = Uint8Array.from(random.subarray(0, 32));
  const xor = ADO_PAT_KINDS.find((k) => k.kind === kind)!.xor;
  const checksum = (crc32(tokenBytes(bytes)) ^ xor) >>> 0;
  CHECKSUM_AT.forEach((at, i) => {
    bytes[at] = (checksum >>> (8 * i)) & 0xff;
  });
  return base32Encode(bytes);
}
