import type { DetectorExamples } from '../examples-types.js';
import { makePpk } from './examples-ppk.js';

export const examples: DetectorExamples = {
  generate: (t) => makePpk(t),
  positives: (t) => {
    const v3 = makePpk(t);
    const v2 = makePpk(t, { version: 2, algorithm: 'ssh-rsa' }).replace(/\n/g, '\r\n');
    const rsa3 = makePpk(t, { algorithm: 'ssh-rsa', comment: 'rsa-key-20240301' });
    return [
      { text: `${v3}\n`, secret: v3 },
      // PuTTYgen before 0.75 wrote CRLF files.
      { text: `${v2}\r\n`, secret: v2 },
      { text: `sftp:\n  host: files.example.com\n  ppk: "${rsa3.replace(/\n/g, '\\n')}"\n`, secret: rsa3.replace(/\n/g, '\\n') },
    ];
  },
  negatives: (t) => {
    const good = makePpk(t);
    // Editing the comment invalidates the MAC.
    const edited = good.replace(/^Comment: .*$/m, 'Comment: edited-by-hand');
    const mac = /Private-MAC: ([0-9a-f]+)/.exec(good)![1]!;
    const badMac = good.replace(mac, `${mac.slice(0, -1)}${mac.endsWith('0') ? '1' : '0'}`);
    return [
      edited,
      badMac,
      // Encrypted files belong to putty-private-key-encrypted.
      makePpk(t, { encrypted: true }),
      'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: example\nPublic-Lines: 2\n...\nPrivate-Lines: 1\n...\nPrivate-MAC: 0000000000000000000000000000000000000000000000000000000000000000',
    ];
  },
};
