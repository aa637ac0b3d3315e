import type { Detector, Verdict } from '../types.js';
import { decodeBase64 } from '../decode/base64.js';
import { derKeyStructure } from '../private-key-pem/key-structure.js';

const KIND_NAMES: Record<string, string> = {
  'pkcs1-rsa': 'PKCS#1 RSA key',
  'sec1-ec': 'SEC1 EC key',
  pkcs8: 'PKCS#8 key',
};

/** Total length of the DER element at the start of `b64`'s bytes, or null (read from the first 8 characters). */
function derLength(b64: string): number | null {
  const h = Buffer.from(b64.slice(0, 8), 'base64');
  if (h[0] !== 0x30 || h.length < 4) return null;
  const l = h[1]!;
  if (l < 0x80) return 2 + l;
  if (l === 0x81) return 3 + h[2]!;
  if (l === 0x82) return 4 + ((h[2]! << 8) | h[3]!);
  return null;
}

/**
 * A private key's DER in base64 without PEM armor: the body of a PEM block
 * pasted into an environment variable, a Java or Go config, a Kubernetes
 * secret. The value's own length header says how many characters the key
 * takes; those must decode to a well-formed unencrypted PKCS#8, PKCS#1 RSA or
 * SEC1 EC key (the PEM detector's structure check), tiling it exactly.
 */
export function validateDerBase64(secret: string, insidePem: boolean): Verdict | null {
  if (insidePem) return null; // the body of a PEM block: the PEM detectors report the block
  const b64 = secret.replace(/\\r|\\n|[\r\n \t]/g, '');
  const total = derLength(b64);
  if (total === null || total < 48) return null;
  const chars = 4 * Math.ceil(total / 3);
  if (b64.length < chars) return null;
  const bytes = decodeBase64(b64.slice(0, chars));
  if (!bytes || bytes.length !== total) return null;
  const structure = derKeyStructure(bytes);
  if (!structure || structure.encrypted || !(structure.kind in KIND_NAMES)) return null;
  return { confidence: 'high', reason: `base64 DER of a well-formed ${KIND_NAMES[structure.kind]} (no PEM armor)` };
}

/**
 * Keywords: the base64 of each key form's fixed opening, at the place it
 * always has in the value (the value starts the DER, so the alignment is
 * fixed): PKCS#8 RSA (`...9w0BAQEFAASC`, the rsaEncryption algorithm and the
 * OCTET STRING, where a public key has `AAOC`), PKCS#8 EC (`ByqGSM49AgEG`,
 * id-ecPublicKey after version 0), PKCS#8 Ed25519 (all 16 characters fixed),
 * SEC1 P-256, and PKCS#1 RSA of 1024, 2048, 3072 and 4096 bits (version 0
 * and the modulus length).
 */
export const detector: Detector = {
  id: 'private-key-der-base64',
  family: 'private-key',
  provider: 'PEM / OpenSSH',
  title: 'Private key as bare base64 DER (PEM body without its armor)',
  severity: 'critical',
  tier: 'identifiable',
  docs: 'https://www.rfc-editor.org/rfc/rfc5958#section-2',
  revoke:
    'Treat the key pair as compromised: replace it (new key, new certificate or service-account key), remove the old public key where it is trusted, and revoke any certificate issued for it.',
  keywords: ['9w0BAQEFAASC', 'ByqGSM49AgEG', 'MC4CAQAwBQYDK2Vw', 'MHcCAQEEI', 'IBAAKCAQEA', 'IBAAKCAgEA', 'IBAAKCAYEA', 'IBAAKBgQ'],
  pattern:
    String.raw`(?P<pem>-----(?:\r?\n|\\r?\\n)[ \t]*)?` +
    String.raw`(?P<secret>(?:MII[A-Za-z0-9+/]{5}ADANBgkqhkiG9w0BAQEFAASC|MI[GH][A-Za-z0-9+/]AgEAMB[MA]GByqGSM49AgEG|MC4CAQAwBQYDK2VwBCIEI|MHcCAQEEI|MII[A-Za-z0-9+/]{3}IBAAK(?:CAQEA|CAgEA|CAYEA|BgQ))` +
    String.raw`[A-Za-z0-9+/]*(?:(?:\r?\n|\\r?\\n)[ \t]*[A-Za-z0-9+/]+)*={0,2})(?:[^A-Za-z0-9+/=:_.\-]|$)`,
  alphabet: 'A-Za-z0-9+/',
  // Up to 20 characters of the value before the keyword, and a PEM line's `-----` and indentation before that.
  window: { before: 64, after: 8192 },
  validate: ({ secret, groups }) => validateDerBase64(secret, groups['pem'] !== undefined),
};
