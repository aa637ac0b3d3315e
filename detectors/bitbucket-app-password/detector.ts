import type { Detector, Verdict } from '../types.js';
import { atlassianChecksum } from '../atlassian-access-token/detector.js';

const MATCH: Verdict = { confidence: 'high', reason: 'prefix, length and CRC-32 checksum' };

/**
 * Bitbucket Cloud app passwords: `ATBB` + 24 alphanumerics + 8 upper-case
 * hex, the CRC-32 (zlib) of the first 28 characters (the Atlassian scheme of
 * atlassian-access-token; confirmed on three published app passwords).
 * Atlassian deprecated app passwords for API tokens (no new ones since
 * September 2025; existing ones disabled in 2026), hence medium severity.
 */
export const detector: Detector = {
  id: 'bitbucket-app-password',
  family: 'bitbucket-app-password',
  provider: 'Atlassian',
  title: 'Bitbucket app password',
  severity: 'medium',
  tier: 'identifiable',
  docs: 'https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/',
  revoke: 'Revoke the app password under Personal Bitbucket settings > App passwords, and move the integration to an API token or access token.',
  keywords: ['ATBB'],
  pattern: '(?P<secret>ATBB[A-Za-z0-9]{24}[0-9A-F]{8})',
  alphabet: 'A-Za-z0-9_-',
  window: { before: 0, after: 32 },
  validate: ({ secret }) => (atlassianChecksum(secret.slice(0, 28)) === secret.slice(28) ? MATCH : null),
  randomPart: {
    alphabet: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    minLength: 24,
    maxLength: 24,
    of: (secret) => secret.slice(4, 28),
  },
};
