import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { configPositives, referenceNegatives } from '../builders/token-shape-examples.js';
import { fitsRandom } from '../builders/random-part.js';

const PREFIX = 'shpca_';

function make(t: TokenFactory): string {
  return PREFIX + t.chars(ALPHA.hexLower, 32);
}

export const examples: DetectorExamples = {
  generate: make,
  withRandom: (_t, random) => (fitsRandom(random, ALPHA.hexLower, 32) ? PREFIX + random : null),
  positives: (t) => {
    const x = make(t);
    const y = make(t);
    return [
      ...configPositives(() => make(t), 'SHOPIFY_ACCESS_TOKEN'),
      {
        text: `ShopifyAPI::Context.setup(api_key: "key", api_secret_key: ENV["SECRET"], host: "https://app.example")\nsession = ShopifyAPI::Auth::Session.new(shop: "acme.myshopify.com", access_token: "${x}")\n`,
        secret: x,
        companion: 'acme.myshopify.com',
      },
      { text: `[shopify]\nstore = "acme.myshopify.com"\ntoken = "${y}"\n`, secret: y, companion: 'acme.myshopify.com' },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      ...referenceNegatives(PREFIX, 'SHOPIFY_ACCESS_TOKEN'),
      `SHOPIFY_ACCESS_TOKEN=${PREFIX}${'0'.repeat(32)}`,
      `SHOPIFY_ACCESS_TOKEN=${PREFIX}${'x'.repeat(32)}`,
      `SHOPIFY_ACCESS_TOKEN=${PREFIX}${'0123456789abcdef'.repeat(32 / 16)}`,
      `SHOPIFY_ACCESS_TOKEN=${good.slice(0, -1)}`,
      `SHOPIFY_ACCESS_TOKEN=${good}${t.chars(ALPHA.hexLower, 2)}`,
      `blob=${t.chars(ALPHA.base62, 3)}${good}`,
      `SHOPIFY_ACCESS_TOKEN=${PREFIX}${t.chars(ALPHA.base62, 32)}`,
    ];
  },
};
