import type { Detector, Verdict } from '../types.js';
import { validateKeystore } from '../private-key-in-keystore/detector.js';


/** The head of a base64 keystore as bytes (latin1): line breaks, indentation and `\n` escapes removed. */
function head(secret: string, chars: number): string {
  const b64 = secret.replace(/\\r|\\n|[\r\n \t]/g, '').slice(0, chars);
  return Buffer.from(b64.slice(0, b64.length - (b64.length % 4)), 'base64').toString('latin1');
}

const u32 = (s: string, at: number): number =>
  ((s.charCodeAt(at) << 24) | (s.charCodeAt(at + 1) << 16) | (s.charCodeAt(at + 2) << 8) | s.charCodeAt(at + 3)) >>> 0;

/**
 * A JKS or JCEKS keystore whose first entry is a private key, read from the
 * head of its base64: magic, version 1 or 2, entry count, tag 1 (private
 * key), alias, creation time, key length, and the EncryptedPrivateKeyInfo
 * whose algorithm must be a key protector (the binary keystore detector's
 * check, reused).
 */
export function validateJavaKeystoreBase64(secret: string): Verdict | null {
  const bytes = head(secret, 1200);
  if (bytes.length < 64) return null;
  const version = u32(bytes, 4);
  if ((version !== 1 && version !== 2) || u32(bytes, 8) < 1 || u32(bytes, 12) !== 1) return null;
  const aliasLength = (bytes.charCodeAt(16) << 8) | bytes.charCodeAt(17);
  const alias = bytes.slice(18, 18 + aliasLength);
  if (aliasLength === 0 || !/^[\x20-\x7e]+$/.test(alias)) return null;
  let pos = 18 + aliasLength;
  // Creation time in milliseconds since 1970: below 2^41 until 2039.
  if (bytes.charCodeAt(pos) !== 0 || bytes.charCodeAt(pos + 1) !== 0 || bytes.charCodeAt(pos + 2) > 1) return null;
  pos += 8;
  const keyLength = u32(bytes, pos);
  pos += 4;
  if (keyLength < 100 || keyLength > 65535 || bytes.charCodeAt(pos) !== 0x30 || bytes.length < pos + 32) return null;
  const verdict = validateKeystore({ secret: bytes.slice(pos, pos + 96), groups: { alias }, matchText: bytes });
  return verdict === null ? null : { confidence: 'high', reason: `base64-encoded ${verdict.reason}` };
}

/**
 * Java keystore (JKS, or JCEKS) holding a private key, written as base64:
 * Kubernetes Secret data, Helm values, CI variables, Spring config. Every
 * such value starts with the base64 of the magic and version, `/u3+7QAAAA`
 * (FEEDFEED) or `zs7OzgAAAA` (CECECECE). Single-line or wrapped; the secret
 * is the whole base64 value. PKCS#12 keystores in base64 are the
 * private-key-in-keystore-base64 detector's.
 */
export const detector: Detector = {
  id: 'java-keystore-base64',
  family: 'private-key-in-keystore',
  provider: 'Generic',
  title: 'Private key inside a base64-encoded Java keystore (JKS, JCEKS)',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://docs.oracle.com/en/java/javase/21/docs/specs/man/keytool.html',
  revoke:
    'Treat the key as exposed: issue a new key pair and certificate, revoke the old certificate, and keep keystores (and their base64 copies in Kubernetes secrets or CI variables) out of repositories; the keystore password rarely protects it.',
  keywords: ['/u3+7QAAAA', 'zs7OzgAAAA'],
  // Continuation lines are base64 after a line break and indentation; what follows the value
  // may not be a name character or `:`, so a YAML key on the next line (`keystoreType:`) is not
  // taken for the last line of the value.
  pattern: String.raw`(?P<secret>(?:/u3\+7Q|zs7Ozg)AAAA[EI]A[A-Za-z0-9+/]*(?:(?:\r?\n|\\r?\\n)[ \t]*[A-Za-z0-9+/]+)*={0,2})(?:[^A-Za-z0-9+/=:_.\-]|$)`,
  alphabet: 'A-Za-z0-9+/',
  // A keystore with a 4096-bit key and a three-certificate chain is about 7 KB: 10 KB of base64.
  window: { before: 0, after: 16384 },
  validate: ({ secret }) => validateJavaKeystoreBase64(secret),
};
