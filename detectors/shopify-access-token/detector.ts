import type { Detector } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';
import { shopDomainCompanion } from '../builders/shopify-shop-domain.js';
import { slicedRandomPart } from '../builders/random-part.js';
import { CHARS } from '../builders/token-row.js';

/** Shopify Admin API access token (OAuth apps and custom apps): `shpat_` + 32 hex. */
const PREFIX = 'shpat_';

export const detector: Detector = {
  id: 'shopify-access-token',
  family: 'shopify-token',
  provider: 'Shopify',
  title: 'Shopify Admin API access token',
  severity: 'critical',
  tier: 'identifiable',
  docs: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens',
  revoke: 'Uninstall and reinstall the app, or for a custom app rotate its Admin API access token in the app settings (Apps > Develop apps); the token can read and change store data.',
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
