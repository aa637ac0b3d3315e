import type { Detector } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';
import { slicedRandomPart } from '../builders/random-part.js';
import { CHARS } from '../builders/token-row.js';

/**
 * Stripe live-mode restricted key: `rk_live_` + alphanumerics. Test-mode
 * `rk_test_` keys are not detected, for the reason given in stripe-secret-key.
 */
export const detector: Detector = {
  id: 'stripe-restricted-key',
  family: 'stripe-key',
  provider: 'Stripe',
  title: 'Stripe live restricted key',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://docs.stripe.com/keys#limit-access',
  revoke: 'Roll or delete the restricted key in the Stripe Dashboard (Developers > API keys), then create a new one with the same permissions.',
  keywords: ['rk_live_'],
  pattern: '(?P<secret>rk_live_[A-Za-z0-9]{24,247})',
  alphabet: 'A-Za-z0-9_',
  window: { before: 0, after: 247 },
  validate: ({ secret }) => (looksGenerated(secret.slice(8)) ? SHAPE_MATCH : null),
  randomPart: slicedRandomPart(CHARS.base62.chars, 24, 247, 8),
};
