import type { Candidate, Detector, Verdict } from '../types.js';
import { decodeBase64 } from '../builders/placeholder.js';
import { validateKeystore } from '../private-key-in-keystore/detector.js';

/** OID 1.2.840.113549.1.12.10.1.2 (pkcs8ShroudedKeyBag), DER body, as latin1. */
const SHROUDED_KEY_BAG_OID = String.fromCharCode(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x0a, 0x01, 0x02);

export function validateKeystoreBase64({ secret }: Candidate): Verdict | null {
  const der = decodeBase64(secret.replace(/\s+/g, ''));
  if (der === null) return null;
  // PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo, ... }
  if (!der.startsWith('\x30\x82') || der.slice(4, 8) !== '\x02\x01\x03\x30') return null;
  const bag = der.indexOf(SHROUDED_KEY_BAG_OID);
  if (bag < 0) return null;
  // Reuse the binary detector's check of the key's AlgorithmIdentifier right after the bag OID.
  const afterOid = der.slice(bag + SHROUDED_KEY_BAG_OID.length);
  const header = /^\xa0(?:\x82[\s\S]{2}|\x81[\s\S]|[\x00-\x7f])/.exec(afterOid);
  if (!header) return null;
  const key = afterOid.slice(header[0].length, header[0].length + 96);
  const verdict = validateKeystore({ secret: key, groups: {}, matchText: SHROUDED_KEY_BAG_OID + afterOid.slice(0, 120) });
  return verdict ? { confidence: 'high', reason: `base64-encoded ${verdict.reason}` } : null;
}

export const detector: Detector = {
  id: 'private-key-in-keystore-base64',
  family: 'private-key-in-keystore',
  provider: 'Generic',
  title: 'Private key inside a base64-encoded PKCS#12 / PFX keystore',
  severity: 'high',
  tier: 'legacy',
  docs: 'https://datatracker.ietf.org/doc/html/rfc7292',
  revoke:
    'Treat the key as exposed: issue a new key pair and certificate, revoke the old certificate, and keep keystores (and their base64 copies in Kubernetes secrets, ARM templates or CI variables) out of repositories.',
  // base64 of `30 82 LL LL 02 01 03 30 82`, a PFX's SEQUENCE, version 3 and authSafe SEQUENCE:
  // characters 6 to 11 are always `IBAzCC`, whatever the lengths.
  keywords: ['IBAzCC'],
  // Single-line base64, or lines wrapped at any width (PEM-style, YAML block scalars).
  pattern: String.raw`(?P<secret>MII[A-Za-z0-9+/]{3}IBAzCC[A-Za-z0-9+/]+(?:\r?\n[ \t]*[A-Za-z0-9+/]+)*={0,2})`,
  alphabet: 'A-Za-z0-9+/',
  window: { before: 6, after: 24_000 },
  validate: validateKeystoreBase64,
};
