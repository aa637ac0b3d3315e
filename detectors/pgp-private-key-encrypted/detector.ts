import { pgpPrivateKeyDetector } from '../pgp-private-key/pgp.js';

export const detector = pgpPrivateKeyDetector(true, {
  id: 'pgp-private-key-encrypted',
  title: 'PGP private key block (passphrase-protected)',
  // Needs the passphrase to use, but the passphrase can be attacked offline.
  severity: 'high',
  docs: 'https://www.rfc-editor.org/rfc/rfc9580#name-secret-key-packet-formats',
  revoke:
    'Assume the passphrase can be guessed offline: revoke the key (publish its revocation certificate), create a new one, and re-encrypt what the old key protected.',
});
