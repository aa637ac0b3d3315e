import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { configPositives, referenceNegatives } from '../builders/token-shape-examples.js';
import { fitsRandom } from '../builders/random-part.js';

const PREFIX = 'shpat_';

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
      ...configPositives(() => make(t), 'SHOPIFY_ACCESS_TOKEN'),
      {
        text: `const client = new shopify.clients.Rest({\n  session: { shop: "acme-store.myshopify.com", accessToken: "${x}" },\n});\n`,
        secret: x,
        companion: 'acme-store.myshopify.com',
      },
      {
        text: `curl -H "X-Shopify-Access-Token: ${y}" https://acme-store.myshopify.com/admin/api/2024-04/shop.json\r\n`,
        secret: y,
        companion: 'acme-store.myshopify.com',
      },
      {
        // The shop a few lines above the token, and a custom storefront domain that is not the Admin API host.
        text: `# .env\nSHOPIFY_STORE_DOMAIN=quiet-fox-42.myshopify.com\nSHOPIFY_STOREFRONT_URL=https://shop.quietfox.example\nSHOPIFY_API_VERSION=2024-10\nSHOPIFY_ADMIN_ACCESS_TOKEN=${z}\n`,
        secret: z,
        companion: 'quiet-fox-42.myshopify.com',
      },
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
