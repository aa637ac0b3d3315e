import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { configPositives, referenceNegatives } from '../builders/token-shape-examples.js';
import { fitsRandom } from '../builders/random-part.js';

const PREFIX = 'sk_live_';

/** The two lengths seen in issued keys: 99 characters after the prefix (current) and 24 (older keys). */
function make(t: TokenFactory): string {
  return PREFIX + '51' + t.chars(ALPHA.base62, 97);
}

function makeOld(t: TokenFactory): string {
  return PREFIX + t.chars(ALPHA.base62, 24);
}

export const examples: DetectorExamples = {
  generate: make,
  withRandom: (_t, random) => (fitsRandom(random, ALPHA.base62, 24, 247) ? PREFIX + random : null),
  positives: (t) => {
    const old = makeOld(t);
    const ruby = make(t);
    return [
      ...configPositives(() => make(t), 'STRIPE_SECRET_KEY'),
      { text: `Stripe.api_key = "${old}"\n`, secret: old },
      { text: `curl https://api.stripe.com/v1/charges -u ${ruby}: -d amount=2000\n`, secret: ruby },
    ];
  },
  negatives: (t) => [
    ...referenceNegatives(PREFIX, 'STRIPE_SECRET_KEY'),
    `STRIPE_SECRET_KEY=${PREFIX}XXXXXXXXXXXXXXXXXXXXXXXX`,
    `STRIPE_SECRET_KEY=${PREFIX}1234567890abcdefghijklmnop`,
    `STRIPE_SECRET_KEY=${PREFIX}${t.chars(ALPHA.base62, 20)}`,
    `STRIPE_SECRET_KEY=sk_test_51${t.chars(ALPHA.base62, 97)}`,
    `blob=${t.chars(ALPHA.base62, 4)}${makeOld(t)}`,
  ],
};
