import type { Detector } from '../types.js';
import { decodeBase64 } from '../decode/base64.js';
import { pemKeyStructure } from '../private-key-pem/pem-text.js';

/**
 * A whole PEM private key, base64-encoded again (Kubernetes secrets, CI
 * variables). `LS0tLS1CRUdJTi` is base64 of `-----BEGIN`; the decoded text
 * must hold a private key block whose body passes the PEM structure check.
 */
const INNER = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |ANY )?PRIVATE KEY)-----([^-]*(?:-{1,4}[^-]+)*)-----END /;

export const detector: Detector = {
  id: 'private-key-pem-base64',
  family: 'private-key',
  provider: 'PEM / OpenSSH',
  title: 'Private key (base64-encoded PEM)',
  severity: 'critical',
  tier: 'identifiable',
  docs: 'https://kubernetes.io/docs/concepts/configuration/secret/#tls-secrets',
  revoke:
    'Treat the key pair as compromised: replace it, remove the old public key from servers and services, and revoke any certificate issued for it. Base64 is an encoding, not protection.',
  keywords: ['LS0tLS1CRUdJTi'],
  pattern: '(?P<secret>LS0tLS1CRUdJTi[A-Za-z0-9+/]{60,}={0,2})',
  alphabet: 'A-Za-z0-9+/',
  // The base64 of an 8 KiB PEM window: 4/3 of it, rounded up.
  window: { before: 0, after: 11_000 },
  validate: ({ secret }) => {
    const bytes = decodeBase64(secret);
    if (!bytes) return null;
    const text = Buffer.from(bytes).toString('latin1');
    const m = INNER.exec(text);
    if (!m) return null;
    const structure = pemKeyStructure(m[2]!);
    if (!structure) return null;
    const how = structure.encrypted ? 'a passphrase-protected' : 'an unencrypted';
    return { confidence: 'high', reason: `base64 of a PEM block holding ${how} private key` };
  },
};
