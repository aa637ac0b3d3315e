import { pemPrivateKeyDetector } from './pem-detector.js';

export const detector = pemPrivateKeyDetector(false, {
  id: 'private-key-pem',
  family: 'private-key',
  provider: 'PEM / OpenSSH',
  title: 'Private key (PEM or OpenSSH, unencrypted)',
  severity: 'critical',
  docs: 'https://www.rfc-editor.org/rfc/rfc7468#section-10',
  revoke:
    'Treat the key pair as compromised: replace it (new SSH key, new TLS certificate and key, new signing key), remove the old public key from authorized_keys, servers and services, and revoke any certificate issued for it.',
});
