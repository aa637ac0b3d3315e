import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { configPositives, referenceNegatives } from '../builders/token-shape-examples.js';
import { fitsRandom } from '../builders/random-part.js';

const MARKER = ['T3Bl', 'bkFJ'].join('');

function make(t: TokenFactory, kind: 'proj' | 'svcacct' = 'proj'): string {
  return `sk-${kind}-${t.chars(ALPHA.base64url, 74)}${MARKER}${t.chars(ALPHA.base64url, 73)}A`;
}

function makeLegacy(t: TokenFactory): string {
  return `sk-${t.chars(ALPHA.base62, 20)}${MARKER}${t.chars(ALPHA.base62, 20)}`;
}

export const examples: DetectorExamples = {
  generate: (t) => make(t),
  // The random characters split around the marker (each side 20 to 120 characters).
  withRandom: (_t, random) => {
    if (!fitsRandom(random, ALPHA.base64url, 40, 240)) return null;
    const half = Math.ceil(random.length / 2);
    return `sk-proj-${random.slice(0, half)}${MARKER}${random.slice(half)}`;
  },
  positives: (t) => {
    const legacy = makeLegacy(t);
    const service = make(t, 'svcacct');
    const curl = make(t);
    return [
      ...configPositives(() => make(t), 'OPENAI_API_KEY'),
      { text: `import openai\nopenai.api_key = "${legacy}"\n`, secret: legacy },
      { text: `client = OpenAI(api_key="${service}")\r\n`, secret: service },
      { text: `curl https://api.openai.com/v1/models -H "Authorization: Bearer ${curl}"\n`, secret: curl },
    ];
  },
  negatives: (t) => [
    ...referenceNegatives('sk-proj-', 'OPENAI_API_KEY'),
    `OPENAI_API_KEY=sk-proj-${'x'.repeat(74)}${MARKER}${'x'.repeat(74)}`,
    `OPENAI_API_KEY=sk-${t.chars(ALPHA.base62, 19)}${MARKER}${t.chars(ALPHA.base62, 20)}`,
    `OPENAI_API_KEY=sk-${t.chars(ALPHA.base62, 48)}`,
    // Not a key: the marker alone, as in base64 of a text that mentions OpenAI.
    `data: ${t.chars(ALPHA.base64, 40)}${MARKER}${t.chars(ALPHA.base64, 40)}`,
    `OPENAI_API_KEY=task-proj-${t.chars(ALPHA.base64url, 74)}${MARKER}${t.chars(ALPHA.base64url, 74)}`,
    // An admin key is the other detector's.
    `OPENAI_ADMIN_KEY=sk-admin-${t.chars(ALPHA.base64url, 58)}${MARKER}${t.chars(ALPHA.base64url, 58)}`,
  ],
};
