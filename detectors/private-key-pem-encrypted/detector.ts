import { pemPrivateKeyDetector } from '../private-key-pem/pem-detector.js';

export const detector = pemPrivateKeyDetector(true, {
  id: 'private-key-pem-encrypted',
  family: 'private-key',
  provider: 'PEM / OpenSSH',
  title: 'Passphrase-protected private key (PEM or OpenSSH)',
  // Needs the passphrase to use, but can be attacked offline: still a leak.
  severity: 'high',
  docs: 'https://www.rfc-editor.org/rfc/rfc5958#section-3',
  revoke:
    'Assume the passphrase can be guessed offline: replace the key pair, remove the old public key from authorized_keys and services, and revoke any certificate issued for it.',
});
