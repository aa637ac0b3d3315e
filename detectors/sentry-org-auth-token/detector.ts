import type { Detector } from '../types.js';
import { decodeBase64JsonObject } from '../decode/json.js';
import { slicedRandomPart } from '../builders/random-part.js';
import { CHARS } from '../builders/token-row.js';

/**
 * Sentry organization auth tokens (getsentry/sentry orgauthtoken_token.py):
 * `sntrys_` + base64 of JSON {"iat": seconds, "url", "region_url", "org"}
 * + `_` + 32 random bytes in base64 without padding (43 characters).
 */
export const detector: Detector = {
  id: 'sentry-org-auth-token',
  family: 'sentry-token',
  provider: 'Sentry',
  title: 'Sentry organization auth token',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://docs.sentry.io/account/auth-tokens/#organization-auth-tokens',
  revoke: 'Revoke the token in Sentry (Settings > Developer Settings > Organization Tokens) and create a new one.',
  keywords: ['sntrys_eyJ'],
  pattern: '(?P<secret>sntrys_(?P<payload>eyJ[A-Za-z0-9+/]{20,600}={0,2})_[A-Za-z0-9+/]{43})',
  alphabet: 'A-Za-z0-9+/',
  window: { before: 0, after: 700 },
  validate: ({ groups }) => {
    const payload = decodeBase64JsonObject(groups['payload'] ?? '');
    if (!payload || typeof payload['iat'] !== 'number' || payload['iat'] <= 0) return null;
    if (typeof payload['url'] !== 'string' && typeof payload['org'] !== 'string') return null;
    return { confidence: 'high', reason: 'base64 JSON payload with iat, url and org, and a 32-byte secret' };
  },
  // The 43-character secret after the payload (32 random bytes), less its last character (4 bits).
  randomPart: slicedRandomPart(CHARS.base64.chars, 42, 42, -43, -1),
};
