import type { DetectorExamples } from '../examples-types.js';
import { ALPHA } from '../../test/support/token-factory.js';
import { ecSec1Pem, ed25519Pkcs8Pem, rsaPkcs1Pem } from '../private-key-pem/examples-keys.js';

const b64 = (text: string): string => Buffer.from(text, 'latin1').toString('base64');

export const examples: DetectorExamples = {
  generate: () => b64(rsaPkcs1Pem()),
  positives: () => {
    const a = b64(rsaPkcs1Pem());
    const b = b64(ecSec1Pem());
    const c = b64(ed25519Pkcs8Pem().replace(/\n/g, '\r\n'));
    return [
      { text: `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\ndata:\n  tls.key: ${a}\n`, secret: a },
      { text: `PRIVATE_KEY_B64=${b}\n`, secret: b },
      { text: `{\n    "privateKey": "${c}",\n    "keyId": "k1"\n}\n`, secret: c },
    ];
  },
  negatives: (t) => {
    const cert = `-----BEGIN CERTIFICATE-----\n${(t.chars(ALPHA.base64, 64 * 12).match(/.{64}/g) ?? []).join('\n')}\n-----END CERTIFICATE-----\n`;
    const rsaLines = rsaPkcs1Pem().split('\n');
    const truncated = [...rsaLines.slice(0, 5), ...rsaLines.slice(-3)].join('\n');
    return [
      // A base64 certificate is not a private key.
      `  tls.crt: ${b64(cert)}`,
      `  tls.key: ${b64('-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n')}`,
      `  tls.key: ${b64(truncated)}`,
      `  tls.key: LS0tLS1CRUdJTi${t.chars(ALPHA.base64, 200)}`,
    ];
  },
};
