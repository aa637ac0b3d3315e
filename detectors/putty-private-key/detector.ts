import { ppkDetector } from './ppk-detector.js';

export const detector = ppkDetector(false, {
  id: 'putty-private-key',
  family: 'private-key',
  provider: 'PuTTY',
  title: 'PuTTY private key file (unencrypted)',
  severity: 'critical',
  docs: 'https://the.earth.li/~sgtatham/putty/latest/htmldoc/AppendixC.html',
  revoke:
    'Treat the key pair as compromised: generate a new key with PuTTYgen, remove the old public key from every authorized_keys and service, and install the new one.',
});
