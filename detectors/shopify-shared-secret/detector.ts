import type { Detector } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';
import { slicedRandomPart } from '../builders/random-part.js';
import { CHARS } from '../builders/token-row.js';

/** Shopify app shared secret (client secret): `shpss_` + 32 hex. */
const PREFIX = 'shpss_';

export const detector: Detector = {
  id: 'shopify-shared-secret',
  family: 'shopify-token',
  provider: 'Shopify',
  title: 'Shopify app shared secret',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://shopify.dev/docs/apps/build/authentication-authorization/client-secrets',
  revoke: 'Rotate the app client secret in the Partner Dashboard or Dev Dashboard (API access > Rotate), then deploy the new secret; it signs webhooks and OAuth exchanges.',
  keywords: [PREFIX],
  pattern: `(?P<secret>${PREFIX}[a-fA-F0-9]{32})`,
  alphabet: 'A-Za-z0-9_',
  window: { before: 0, after: 32 },
  validate: ({ secret }) => (looksGenerated(secret.slice(PREFIX.length)) ? SHAPE_MATCH : null),
  // Issued tokens are lowercase hex; the judgment assumes that alphabet.
  randomPart: slicedRandomPart(CHARS.hexLower.chars, 32, 32, PREFIX.length),
};
