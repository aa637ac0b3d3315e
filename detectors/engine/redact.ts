import { keyRedaction } from './key-redaction.js';

/**
 * The one redaction function. Shows a few leading characters (enough to tell
 * which token it is, far too few to use it) and never the length of the rest.
 * A private key, whose leading characters are the same `-----BEGIN` for every
 * key, shows its type and its public key's fingerprint instead (key-redaction.ts).
 */
export function redact(secret: string): string {
  const key = secret.startsWith('-----BEGIN ') || secret.startsWith('PuTTY-User-Key-File-') ? keyRedaction(secret) : null;
  if (key !== null) return key;
  const keep = Math.min(8, Math.floor(secret.length / 4));
  return `${secret.slice(0, keep)}***`;
}
