import type { Detector } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';
import { slicedRandomPart } from '../builders/random-part.js';
import { CHARS } from '../builders/token-row.js';

/**
 * Stripe live-mode secret key: `sk_live_` + alphanumerics (24 in older keys,
 * 99 in current ones; Stripe allows for longer, so up to 247).
 *
 * Test-mode keys (`sk_test_`) are deliberately not detected here: they
 * cannot move money or read live data, and Stripe's own samples and many
 * test suites commit them. Blocking a push for one would teach people to
 * bypass the hook.
 */
export const detector: Detector = {
  id: 'stripe-secret-key',
  family: 'stripe-key',
  provider: 'Stripe',
  title: 'Stripe live secret key',
  severity: 'critical',
  tier: 'identifiable',
  docs: 'https://docs.stripe.com/keys',
  revoke:
    'Roll the key in the Stripe Dashboard (Developers > API keys > Roll key, expiring the old one now), then review recent API activity in the request logs.',
  keywords: ['sk_live_'],
  pattern: '(?P<secret>sk_live_[A-Za-z0-9]{24,247})',
  alphabet: 'A-Za-z0-9_',
  window: { before: 0, after: 247 },
  validate: ({ secret }) => (looksGenerated(secret.slice(8)) ? SHAPE_MATCH : null),
  randomPart: slicedRandomPart(CHARS.base62.chars, 24, 247, 8),
};
