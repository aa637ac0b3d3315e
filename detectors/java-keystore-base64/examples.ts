import type { DetectorExamples } from '../examples-types.js';
import type { TokenFactory } from '../../test/support/token-factory.js';
import { jks, jksKey, latin1, pbes2Key } from '../builders/keystore-examples.js';

const JKS = [0xfe, 0xed, 0xfe, 0xed];
const JCEKS = [0xce, 0xce, 0xce, 0xce];
const b64 = (binary: string): string => Buffer.from(binary, 'latin1').toString('base64');
const wrap = (s: string, width: number, indent = ''): string => (s.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join(`\n${indent}`);

const make = (t: TokenFactory): string => b64(jks(t, JKS, t.pick(['server', 'tomcat', 'signing-key']), 1, jksKey(t)).file);

export const examples: DetectorExamples = {
  generate: make,
  positives: (t) => {
    const a = make(t);
    const b = b64(jks(t, JCEKS, 'mykey', 1, pbes2Key(t)).file);
    const c = wrap(make(t), 76);
    const d = wrap(make(t), 64, '    ');
    return [
      { text: `apiVersion: v1\nkind: Secret\ntype: Opaque\ndata:\n  keystore.jks: ${a}\n  keystore-password: Y2hhbmdlaXQ=\n`, secret: a },
      { text: `{\n  "ssl": {\n    "keyStore": "${b}"\n  }\n}\n`, secret: b },
      { text: `$ base64 server.jks\n${c}\n`, secret: c },
      { text: `tls:\n  keystoreBase64: |\n    ${d}\n  keystoreType: JKS\n`, secret: d },
    ];
  },
  negatives: (t) => [
    // A truststore: the first entry is a certificate (tag 2), not a private key.
    `truststore.jks: ${b64(jks(t, JKS, 'ca', 2, jksKey(t)).file)}`,
    // The magic followed by random bytes.
    `keystore.jks: ${b64(latin1(JKS, [0, 0, 0, 2], t.bytes(600)))}`,
    // Truncated after the header: no key to check.
    `keystore.jks: ${b64(jks(t, JKS, 'server', 1, jksKey(t)).file).slice(0, 40)}`,
    'keystore.jks: /u3+7QAAAAIAAAAB<base64 of your keystore>',
    // Glued to a longer base64 run.
    `blob: QUJD${make(t)}`,
  ],
};
