/**
 * Strict base64 decoding for validators. Node's decoder silently skips bad
 * characters and ignores trailing bits, which would let a look-alike pass a
 * structure check; these helpers accept only canonical encodings.
 */
const STD = /^[A-Za-z0-9+/]*$/;
const URL = /^[A-Za-z0-9_-]*$/;

/** Standard alphabet, `=` padding optional but canonical when present. Returns null on any defect. */
export function decodeBase64(text: string): Uint8Array | null {
  const body = text.replace(/={1,2}$/, '');
  if (!STD.test(body)) return null;
  if (body.length !== text.length && text.length % 4 !== 0) return null;
  return decodeCanonical(body, 'base64');
}

/** URL-safe alphabet without padding (base64.RawURLEncoding). */
export function decodeBase64Url(text: string): Uint8Array | null {
  if (!URL.test(text)) return null;
  return decodeCanonical(text, 'base64url');
}

function decodeCanonical(body: string, encoding: 'base64' | 'base64url'): Uint8Array | null {
  if (body.length % 4 === 1) return null;
  const bytes = Buffer.from(body, encoding);
  // Re-encoding must give the same text: rejects non-zero trailing bits.
  if (bytes.toString(encoding).replace(/=+$/, '') !== body) return null;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
