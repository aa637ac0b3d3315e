import { crc32 } from './crc32.js';
import { toBase62 } from './base62.js';

/**
 * The checksum of GitHub (`ghp_` ...) and npm (`npm_`) tokens: CRC-32 of the
 * 30 random characters, in base62, left-padded to 6 characters.
 * Source: GitHub blog, "Behind GitHub's new authentication token formats" (2021).
 */
export function crc32Base62(payload: string): string {
  return toBase62(crc32(payload), 6);
}

/** `body` is the token without its prefix: 30 random characters then 6 of checksum. */
export function hasValidCrc32Base62(body: string): boolean {
  if (body.length !== 36) return false;
  return crc32Base62(body.slice(0, 30)) === body.slice(30);
}
