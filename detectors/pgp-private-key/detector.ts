import { pgpPrivateKeyDetector } from './pgp.js';

export const detector = pgpPrivateKeyDetector(false, {
  id: 'pgp-private-key',
  title: 'PGP private key block (not passphrase-protected)',
  severity: 'critical',
  docs: 'https://www.rfc-editor.org/rfc/rfc9580#name-secret-key-packet-formats',
  revoke:
    'Treat the key as compromised: publish its revocation certificate (gpg --gen-revoke, then send it to the keyservers and WKD), create a new key, and re-encrypt or re-sign what the old key protected.',
});
