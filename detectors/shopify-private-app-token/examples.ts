import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { configPositives, referenceNegatives } from '../builders/token-shape-examples.js';
import { fitsRandom } from '../builders/random-part.js';

const PREFIX = 'shppa_';

function make(t: TokenFactory): string {
  return PREFIX + t.chars(ALPHA.hexLower, 32);
}

export const examples: DetectorExamples = {
  generate: make,
  withRandom: (_t, random) => (fitsRandom(random, ALPHA.hexLower, 32) ? PREFIX + random : null),
  positives: (t) => {
    const x = make(t);
    const y = make(t);
    const z = make(t);
    return [
      ...configPositives(() => make(t), 'SHOPIFY_PASSWORD'),
      { text: `SHOP_URL = "https://apikey:${x}@acme.myshopify.com/admin"\n`, secret: x, companion: 'acme.myshopify.com' },
      { text: `shopify:\n  password: ${y}\n  store: acme\n`, secret: y },
      {
        // Two shops in one file: each token is paired with the nearest domain.
        text: `[production]\nshop = "north-wind.myshopify.com"\npassword = "${z}"\n\n[staging]\nshop = "north-wind-staging.myshopify.com"\n`,
        secret: z,
        companion: 'north-wind.myshopify.com',
      },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      ...referenceNegatives(PREFIX, 'SHOPIFY_PASSWORD'),
      `SHOPIFY_PASSWORD=${PREFIX}${'0'.repeat(32)}`,
      `SHOPIFY_PASSWORD=${PREFIX}${'x'.repeat(32)}`,
      `SHOPIFY_PASSWORD=${PREFIX}${'0123456789abcdef'.repeat(32 / 16)}`,
      `SHOPIFY_PASSWORD=${good.slice(0, -1)}`,
      `SHOPIFY_PASSWORD=${good}${t.chars(ALPHA.hexLower, 2)}`,
      `blob=${t.chars(ALPHA.base62, 3)}${good}`,
      `SHOPIFY_PASSWORD=${PREFIX}${t.chars(ALPHA.base62, 32)}`,
    ];
  },
};
