export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Unsigned integer in base62 (`0-9A-Za-z`), left-padded with `0` to `width`. */
export function toBase62(value: number, width: number): string {
  let n = Math.floor(value);
  let out = '';
  while (n > 0) {
    out = BASE62_ALPHABET[n % 62]! + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(width, '0');
}
