import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { fitsRandom } from '../builders/random-part.js';

/** hvb. + base64url(term || version || nonce || ciphertext || tag). */
export function makeBatchToken(t: TokenFactory, opts: { term?: number; version?: number; cipherLength?: number } = {}): string {
  const term = opts.term ?? 1;
  const header = [(term >>> 24) & 0xff, (term >>> 16) & 0xff, (term >>> 8) & 0xff, term & 0xff, opts.version ?? 2];
  const rest = t.bytes(12 + (opts.cipherLength ?? 120) + 16);
  return `hvb.${Buffer.from([...header, ...rest]).toString('base64url')}`;
}

export const examples: DetectorExamples = {
  generate: (t) => makeBatchToken(t),
  // The header characters of a generated token, the random part, and a last character with zero padding bits.
  withRandom: (t, random) => {
    if (!fitsRandom(random, ALPHA.base64url, 92, 993)) return null;
    const head = makeBatchToken(t).slice(0, 4 + 7);
    const filled = 7 + random.length;
    if (filled % 4 === 0) return head + random;
    if (filled % 4 === 3) return null;
    return head + random + t.pick([...(filled % 4 === 1 ? 'AQgw' : 'AEIMQUYcgkosw048')]);
  },
  positives: (t) => {
    const a = makeBatchToken(t);
    const b = makeBatchToken(t, { term: 3, cipherLength: 240 });
    const c = makeBatchToken(t, { version: 1 });
    return [
      { text: `VAULT_TOKEN=${a}\n`, secret: a },
      { text: `{\n  "auth": {\n    "client_token": "${b}",\n    "orphan": false\n  }\n}\n`, secret: b },
      { text: `vault kv get -address=https://vault:8200 -token=${c} secret/app\r\n`, secret: c },
    ];
  },
  negatives: (t) => [
    `apikey: hvb.${t.chars(ALPHA.base62, 37)}`,
    // Key term 0 and an unknown AES-GCM version byte are not barrier output.
    `VAULT_TOKEN=${makeBatchToken(t, { term: 0 })}`,
    `VAULT_TOKEN=${makeBatchToken(t, { version: 9 })}`,
    `b.removeTransientObservers(); hvb.${'A'.repeat(30)}`,
    `blob=${t.chars(ALPHA.base64url, 8)}${makeBatchToken(t)}`,
  ],
};
