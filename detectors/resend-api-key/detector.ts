import type { Detector } from '../types.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Resend API key: `re_` + an 8-character key id + `_` + a 24-character
 * secret, all alphanumeric (the shape Resend's own client redacts from its
 * recorded fixtures). `re_` ends countless identifiers (`are_`, `store_`,
 * `re_path`), so a hit counts only when the `_` after the key id follows
 * within 9 characters with nothing but alphanumerics before it; the boundary
 * rejects `are_…`, `score_…`.
 */
export const detector: Detector = {
  id: 'resend-api-key',
  family: 'resend-api-key',
  provider: 'Resend',
  title: 'Resend API key',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://resend.com/docs/api-reference/api-keys/create-api-key',
  revoke: 'Delete the key at resend.com/api-keys and create a new one with sending access only; check the logs for mail you did not send.',
  keywords: ['re_'],
  requires: { anyOf: '_', over: 'A-Za-z0-9', within: 9 },
  pattern: '(?P<secret>re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24})',
  alphabet: 'A-Za-z0-9_-',
  window: { before: 0, after: 33 },
  randomPart: { alphabet: BASE62, minLength: 32, maxLength: 32, of: (secret) => secret.slice(3, 11) + secret.slice(12) },
};
