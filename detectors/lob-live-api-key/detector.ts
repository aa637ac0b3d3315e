import type { Detector } from '../types.js';

const HEX = '0123456789abcdef';

/**
 * Lob live secret API key: `live_` + 35 lowercase hex (test keys are
 * `test_`, publishable keys `live_pub_`). `live_` is a common word part
 * (`is_live_`, `sk_live_`, `live_reload`), so a hit counts only when a digit
 * follows within the 35 characters with nothing but `a-f` before it, which a
 * random 35-hex body fails with probability (6/16)^35; the boundary then
 * rejects `is_live_` and Stripe's `sk_live_`.
 */
export const detector: Detector = {
  id: 'lob-live-api-key',
  family: 'lob-api-key',
  provider: 'Lob',
  title: 'Lob live secret API key',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://docs.lob.com/#tag/Authentication',
  revoke: 'Roll the live key under Settings > API Keys in the Lob dashboard and update the integration; check for mail you did not send.',
  keywords: ['live_'],
  requires: { anyOf: '0-9', over: 'a-f', within: 35 },
  pattern: '(?P<secret>live_[0-9a-f]{35})',
  alphabet: 'A-Za-z0-9_',
  window: { before: 0, after: 35 },
  randomPart: { alphabet: HEX, minLength: 35, maxLength: 35, of: (secret) => secret.slice(5) },
};
