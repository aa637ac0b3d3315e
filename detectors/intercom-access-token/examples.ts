import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { fitsRandom } from '../builders/random-part.js';

const hex = (t: TokenFactory, n: number): string => t.chars(ALPHA.hexLower, n);
const encode = (plain: string): string => Buffer.from(plain, 'latin1').toString('base64');
const make = (t: TokenFactory): string => encode(`tok:${hex(t, 8)}_${hex(t, 4)}_${hex(t, 4)}_${hex(t, 4)}_${hex(t, 12)}:1:0`);

export const examples: DetectorExamples = {
  generate: make,
  // The random part is the UUID without its separators.
  withRandom: (_t, r) => (fitsRandom(r, ALPHA.hexLower, 32) ? encode(`tok:${r.slice(0, 8)}_${r.slice(8, 12)}_${r.slice(12, 16)}_${r.slice(16, 20)}_${r.slice(20)}:1:0`) : null),
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t), make(t), make(t)];
    return [
      { text: `INTERCOM_ACCESS_TOKEN=${a}\nINTERCOM_WEBHOOK_SECRET=\n`, secret: a },
      { text: `const client = new IntercomClient({ token: "${b}" });\n`, secret: b },
      { text: `curl https://api.intercom.io/me -H 'Authorization: Bearer ${c}'\r\n`, secret: c },
      { text: `intercom:\n  access_token: '${d}'\n`, secret: d },
    ];
  },
  negatives: (t) => [
    // Not the token structure: another payload after `tok:`.
    `INTERCOM_ACCESS_TOKEN=${encode(`tok:${t.chars(ALPHA.base62, 36)}:1:0`)}`,
    `INTERCOM_ACCESS_TOKEN=${encode(`tok:${'0'.repeat(8)}_0000_0000_0000_${'0'.repeat(12)}:1:0`)}`,
    'INTERCOM_ACCESS_TOKEN=dG9rOmFiY2RlZmdoaQ==',
    'INTERCOM_ACCESS_TOKEN=dG9rOjxxxxxxxxx',
    // Inside a longer base64 blob.
    `blob=QUJD${make(t)}QUJD`,
  ],
};
