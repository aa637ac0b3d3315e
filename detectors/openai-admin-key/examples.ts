import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { configPositives, referenceNegatives } from '../builders/token-shape-examples.js';
import { fitsRandom } from '../builders/random-part.js';

const MARKER = ['T3Bl', 'bkFJ'].join('');

function make(t: TokenFactory): string {
  return `sk-admin-${t.chars(ALPHA.base64url, 58)}${MARKER}${t.chars(ALPHA.base64url, 57)}A`;
}

export const examples: DetectorExamples = {
  generate: make,
  // The random characters split around the marker (each side 20 to 120 characters).
  withRandom: (_t, random) => {
    if (!fitsRandom(random, ALPHA.base64url, 40, 240)) return null;
    const half = Math.ceil(random.length / 2);
    return `sk-admin-${random.slice(0, half)}${MARKER}${random.slice(half)}`;
  },
  positives: (t) => {
    const curl = make(t);
    return [
      ...configPositives(() => make(t), 'OPENAI_ADMIN_KEY'),
      { text: `curl https://api.openai.com/v1/organization/users \\\n  -H "Authorization: Bearer ${curl}"\n`, secret: curl },
    ];
  },
  negatives: (t) => [
    ...referenceNegatives('sk-admin-', 'OPENAI_ADMIN_KEY'),
    `OPENAI_ADMIN_KEY=sk-admin-${'X'.repeat(58)}${MARKER}${'X'.repeat(58)}`,
    `OPENAI_ADMIN_KEY=sk-admin-${t.chars(ALPHA.base64url, 58)}`,
    `OPENAI_ADMIN_KEY=sk-admin-${t.chars(ALPHA.base64url, 10)}${MARKER}${t.chars(ALPHA.base64url, 58)}`,
    `OPENAI_API_KEY=sk-proj-${t.chars(ALPHA.base64url, 74)}${MARKER}${t.chars(ALPHA.base64url, 74)}`,
  ],
};
