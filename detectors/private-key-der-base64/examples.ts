import type { DetectorExamples } from '../examples-types.js';
import { ecSec1Pem, ed25519Pkcs8Pem, rsaPkcs1Pem, rsaPkcs8Pem, encryptedPkcs8Pem } from '../private-key-pem/examples-keys.js';
import { generateKeyPairSync } from 'node:crypto';

/** The base64 body of a PEM block, on one line. */
const body = (pem: string): string => pem.split('\n').filter((l) => l !== '' && !l.startsWith('-----')).join('');
const wrap = (s: string, width: number, indent = ''): string => (s.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join(`\n${indent}`);

let ecPkcs8: string | undefined;
const ecPkcs8Body = (): string =>
  (ecPkcs8 ??= generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'));
let publicKey: string | undefined;
const publicKeyBody = (): string =>
  (publicKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64'));

export const examples: DetectorExamples = {
  generate: () => body(rsaPkcs8Pem()),
  positives: () => {
    const a = body(rsaPkcs8Pem());
    const b = body(rsaPkcs1Pem());
    const c = ecPkcs8Body();
    const d = body(ed25519Pkcs8Pem());
    const e = body(ecSec1Pem());
    const f = wrap(body(rsaPkcs1Pem(4096)), 64, '    ');
    return [
      { text: `# signing\nJWT_PRIVATE_KEY=${a}\n`, secret: a },
      { text: `{\n  "privateKey": "${b}",\n  "keyId": "k1"\n}\n`, secret: b },
      { text: `env:\r\n  APPLE_PRIVATE_KEY: '${c}'\r\n`, secret: c },
      { text: `signer = load_key(b64decode("${d}"))`, secret: d },
      { text: `tls:\n  key: ${e}\n`, secret: e },
      { text: `auth:\n  privateKey: |\n    ${f}\n  keyAlgorithm: RS256\n`, secret: f },
    ];
  },
  negatives: (t) => {
    const rsa = body(rsaPkcs8Pem());
    return [
      // Inside PEM armor: the PEM detectors' finding.
      rsaPkcs8Pem(),
      rsaPkcs1Pem(),
      JSON.stringify({ private_key: rsaPkcs8Pem() }),
      // A public key and an encrypted PKCS#8 key are not this detector's.
      `PUBLIC_KEY=${publicKeyBody()}`,
      `KEY=${body(encryptedPkcs8Pem())}`,
      // Truncated: the DER length asks for more than is there.
      `JWT_PRIVATE_KEY=${rsa.slice(0, 200)}`,
      `JWT_PRIVATE_KEY=MIIEvQIBADANBgkqhkiG9w0BAQEFAASC${t.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 1600)}`,
      'JWT_PRIVATE_KEY=MIIEvQIBADANBgkqhkiG9w0BAQEFAASC...',
    ];
  },
};
