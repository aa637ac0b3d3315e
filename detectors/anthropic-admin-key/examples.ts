import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { configPositives, referenceNegatives } from '../builders/token-shape-examples.js';
import { fitsRandom } from '../builders/random-part.js';

const PREFIX = 'sk-ant-admin01-';

function make(t: TokenFactory): string {
  return `${PREFIX}${t.chars(ALPHA.base64url, 93)}AA`;
}

export const examples: DetectorExamples = {
  generate: make,
  withRandom: (_t, random) => (fitsRandom(random, ALPHA.base64url, 93) ? `${PREFIX}${random}AA` : null),
  positives: (t) => {
    const sdk = make(t);
    const header = make(t);
    return [
      ...configPositives(() => make(t), 'ANTHROPIC_ADMIN_KEY'),
      { text: `client = anthropic.Anthropic(api_key="${sdk}")\n`, secret: sdk },
      { text: `curl https://api.anthropic.com/v1/messages --header "x-api-key: ${header}" --header "anthropic-version: 2023-06-01"\n`, secret: header },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      ...referenceNegatives(PREFIX, 'ANTHROPIC_ADMIN_KEY'),
      `ANTHROPIC_ADMIN_KEY=${PREFIX}${'x'.repeat(93)}AA`,
      `ANTHROPIC_ADMIN_KEY=${good.slice(0, -2)}BB`,
      `ANTHROPIC_ADMIN_KEY=${good.slice(0, -3)}`,
      `ANTHROPIC_ADMIN_KEY=${good}${t.chars(ALPHA.base62, 2)}`,
      `blob=${t.chars(ALPHA.base62, 2)}${good}`,
    ];
  },
};
