import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { fitsRandom } from '../builders/random-part.js';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** The Secret Key's 32 characters in its 6-6-5-5-5-5 groups. */
function grouped(chars: string): string {
  let at = 0;
  return [6, 6, 5, 5, 5, 5].map((n) => chars.slice(at, (at += n))).join('-');
}

function tokenJson(t: TokenFactory, srpX = t.chars(ALPHA.hexLower, 64), sk = grouped(t.chars(UPPER_ALNUM, 32))): string {
  return JSON.stringify({
    signInAddress: t.pick(['my.1password.com', 'acme-corp.1password.com', 'my.1password.eu']),
    userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000, salt: t.chars(ALPHA.base64url, 22) },
    email: `${t.chars('abcdefghijklmnopqrstuvwxyz234567', 13)}@1passwordserviceaccounts.com`,
    srpX,
    muk: { alg: 'A256GCM', ext: true, k: t.chars(ALPHA.base64url, 43), key_ops: ['encrypt', 'decrypt'], kty: 'oct', kid: 'mp' },
    secretKey: `A3-${sk}`,
    throttleSecret: { seed: t.chars(ALPHA.hexLower, 64), uuid: t.chars(UPPER_ALNUM, 26) },
    deviceUuid: t.chars('abcdefghijklmnopqrstuvwxyz234567', 26),
  });
}

const encode = (json: string): string => `ops_${Buffer.from(json, 'latin1').toString('base64').replace(/=+$/, '')}`;
const make = (t: TokenFactory): string => encode(tokenJson(t));

export const examples: DetectorExamples = {
  generate: make,
  // The token's JSON also holds a Secret Key (found by onepassword-secret-key once decoded): a
  // placeholder token has a placeholder there too, so it is drawn from the same characters.
  withRandom: (t, random) => (fitsRandom(random, ALPHA.hexLower, 64) ? encode(tokenJson(t, random, grouped(random.toUpperCase()))) : null),
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t), make(t), make(t)];
    return [
      { text: `# CI secrets\nexport OP_SERVICE_ACCOUNT_TOKEN=${a}\n`, secret: a },
      { text: `{\n  "onepassword": {\n    "serviceAccountToken": "${b}"\n  }\n}\n`, secret: b },
      { text: `env:\r\n  OP_SERVICE_ACCOUNT_TOKEN: '${c}'\r\n  LOG_LEVEL: debug\r\n`, secret: c },
      { text: `client = await Client.authenticate(auth="${d}", integration_name="deploy", integration_version="v1")`, secret: d },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      // Truncated (as 1Password's own docs and CLI output show it), so the JSON does not parse.
      `export OP_SERVICE_ACCOUNT_TOKEN=${good.slice(0, 300)}...`,
      // A JSON that is not a service account's.
      `OP_SERVICE_ACCOUNT_TOKEN=${encode(JSON.stringify({ signInAddress: 'my.1password.com', note: t.chars(ALPHA.base62, 300) }))}`,
      // A placeholder SRP-x.
      `OP_SERVICE_ACCOUNT_TOKEN=${encode(tokenJson(t, '0'.repeat(64)))}`,
      `OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ${'x'.repeat(300)}`,
      'OP_SERVICE_ACCOUNT_TOKEN=ops_eyJzaWduSW5B..[Redacted]',
      // Glued to a longer base64 run.
      `blob: QUJD${good}`,
    ];
  },
};
