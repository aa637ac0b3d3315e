import type { Detector } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';
import { shopDomainCompanion } from '../builders/shopify-shop-domain.js';
import { slicedRandomPart } from '../builders/random-part.js';
import { CHARS } from '../builders/token-row.js';

/** Shopify legacy private app password/access token: `shppa_` + 32 hex. */
const PREFIX = 'shppa_';

export const detector: Detector = {
  id: 'shopify-private-app-token',
  family: 'shopify-token',
  provider: 'Shopify',
  title: 'Shopify private app access token',
  severity: 'critical',
  tier: 'identifiable',
  docs: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens',
  revoke: 'Private apps are deprecated: delete the private app in the Shopify admin (Apps > Manage private apps) and replace it with a custom app.',
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
