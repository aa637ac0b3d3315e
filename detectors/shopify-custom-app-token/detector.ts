import type { Detector } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';
import { shopDomainCompanion } from '../builders/shopify-shop-domain.js';
import { slicedRandomPart } from '../builders/random-part.js';
import { CHARS } from '../builders/token-row.js';

/** Shopify custom app access token: `shpca_` + 32 hex. */
const PREFIX = 'shpca_';

export const detector: Detector = {
  id: 'shopify-custom-app-token',
  family: 'shopify-token',
  provider: 'Shopify',
  title: 'Shopify custom app access token',
  severity: 'critical',
  tier: 'identifiable',
  docs: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens',
  revoke: 'Rotate the access token of the custom app in the Shopify admin (Apps > Develop apps > API credentials), or uninstall the app.',
  keywords: [PREFIX],
  pattern: `(?P<secret>${PREFIX}[a-fA-F0-9]{32})`,
  alphabet: 'A-Za-z0-9_',
  window: { before: 0, after: 32 },
  validate: ({ secret }) => (looksGenerated(secret.slice(PREFIX.length)) ? SHAPE_MATCH : null),
  // The shop domain the token works for: the liveness check calls the Admin API on that host.
  companion: shopDomainCompanion,
  // Issued tokens are lowercase hex; the judgment assumes that alphabet.
  randomPart: slicedRandomPart(CHARS.hexLower.chars, 32, 32, PREFIX.length),
};
