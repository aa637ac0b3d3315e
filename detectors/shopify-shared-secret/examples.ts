import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { configPositives, referenceNegatives } from '../builders/token-shape-examples.js';
import { fitsRandom } from '../builders/random-part.js';

const PREFIX = 'shpss_';

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
      ...configPositives(() => make(t), 'SHOPIFY_API_SECRET'),
      { text: `client_id = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"\n[auth]\nclient_secret = "${x}"\n`, secret: x },
      { text: `const hmac = crypto.createHmac("sha256", "${y}").update(body).digest("base64");\n`, secret: y },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      ...referenceNegatives(PREFIX, 'SHOPIFY_API_SECRET'),
      `SHOPIFY_API_SECRET=${PREFIX}${'0'.repeat(32)}`,
      `SHOPIFY_API_SECRET=${PREFIX}${'x'.repeat(32)}`,
      `SHOPIFY_API_SECRET=${PREFIX}${'0123456789abcdef'.repeat(32 / 16)}`,
      `SHOPIFY_API_SECRET=${good.slice(0, -1)}`,
      `SHOPIFY_API_SECRET=${good}${t.chars(ALPHA.hexLower, 2)}`,
      `blob=${t.chars(ALPHA.base62, 3)}${good}`,
      `SHOPIFY_API_SECRET=${PREFIX}${t.chars(ALPHA.base62, 32)}`,
    ];
  },
};
