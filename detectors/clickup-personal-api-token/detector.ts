import type { Detector } from '../types.js';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * ClickUp personal API token: `pk_` + the user's numeric id + `_` + 32
 * uppercase letters and digits. `pk_` alone is a poor keyword (Stripe's
 * `pk_live_`, Django's `pk_url_kwarg`), so a hit counts only when digits and
 * then `_` follow it.
 */
export const detector: Detector = {
  id: 'clickup-personal-api-token',
  family: 'clickup-personal-api-token',
  provider: 'ClickUp',
  title: 'ClickUp personal API token',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://developer.clickup.com/docs/authentication',
  revoke: 'Regenerate the token under Settings > Apps > API Token in ClickUp (the old one stops working) and update the integration.',
  keywords: ['pk_'],
  requires: { anyOf: '_', over: '0-9', within: 11 },
  pattern: '(?P<secret>pk_[0-9]{6,10}_[0-9A-Z]{32})',
  alphabet: 'A-Za-z0-9_',
  window: { before: 0, after: 43 },
  randomPart: { alphabet: UPPER_ALNUM, minLength: 32, maxLength: 32, of: (secret) => secret.slice(-32) },
};
