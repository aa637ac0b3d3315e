import type { Detector } from '../types.js';

const HEX = '0123456789abcdef';

/**
 * Zoho OAuth access or refresh token: `1000.` + 32 hex + `.` + 32 hex (the
 * same shape across Zoho CRM, Books, Desk and the other Zoho APIs). Refresh
 * tokens do not expire. `1000.` is common in numeric code (`/ 1000.0`), so a
 * hit counts only when a `.` follows within 33 characters with only hex
 * digits before it.
 */
export const detector: Detector = {
  id: 'zoho-oauth-token',
  family: 'zoho-oauth-token',
  provider: 'Zoho',
  title: 'Zoho OAuth access or refresh token',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://www.zoho.com/accounts/protocol/oauth/web-apps/access-token.html',
  revoke:
    'Revoke the refresh token (POST https://accounts.zoho.com/oauth/v2/token/revoke?token=...) or remove the client\'s access under Connected Apps at accounts.zoho.com, then authorize again.',
  keywords: ['1000.'],
  requires: { anyOf: '.', over: '0-9a-f', within: 33 },
  pattern: '(?P<secret>1000\\.[0-9a-f]{32}\\.[0-9a-f]{32})',
  alphabet: 'A-Za-z0-9_.',
  window: { before: 0, after: 65 },
  randomPart: { alphabet: HEX, minLength: 64, maxLength: 64, of: (secret) => secret.slice(5, 37) + secret.slice(38) },
};
