import type { Detector } from '../types.js';

const BODY = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Google OAuth 2.0 access tokens: `ya29.` + a base64url body of a few hundred
 * characters (up to 2048 bytes in all; tokens minted for service accounts
 * carry a `c.` after the prefix). The prefix is Google's fixed marker for
 * access tokens. The body has no fixed length, so the run is unbounded
 * (a counted run of a thousand would cost RE2 a program that size) and the
 * window bounds it: a token longer than the window has no boundary at its
 * window end and is not reported.
 */
export const detector: Detector = {
  id: 'google-oauth-access-token',
  family: 'google-oauth-access-token',
  provider: 'Google',
  title: 'Google OAuth 2.0 access token',
  severity: 'medium',
  tier: 'identifiable',
  docs: 'https://developers.google.com/identity/protocols/oauth2',
  revoke:
    'Revoke it with a POST to https://oauth2.googleapis.com/revoke?token=... (or remove the app\'s access at https://myaccount.google.com/permissions); access tokens also expire within an hour.',
  keywords: ['ya29.'],
  pattern: '(?P<secret>ya29\\.(?:c\\.)?[A-Za-z0-9_-]{20,})',
  alphabet: 'A-Za-z0-9_-',
  window: { before: 0, after: 2048 },
  randomPart: {
    alphabet: BODY,
    minLength: 20,
    maxLength: 2041,
    of: (secret) => secret.slice(secret.startsWith('ya29.c.') ? 7 : 5),
  },
};
