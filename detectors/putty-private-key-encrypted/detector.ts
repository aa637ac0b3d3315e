import { ppkDetector } from '../putty-private-key/ppk-detector.js';

export const detector = ppkDetector(true, {
  id: 'putty-private-key-encrypted',
  family: 'private-key',
  provider: 'PuTTY',
  title: 'Passphrase-protected PuTTY private key file',
  severity: 'high',
  docs: 'https://the.earth.li/~sgtatham/putty/latest/htmldoc/AppendixC.html',
  revoke:
    'Assume the passphrase can be guessed offline: generate a new key with PuTTYgen and remove the old public key from every authorized_keys and service.',
});
