import type { Detector } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';

/** Google API key (Maps, Firebase, Gemini, ...): `AIza` + 35 characters of `[A-Za-z0-9_-]`. */
export const detector: Detector = {
  id: 'google-api-key',
  family: 'google-api-key',
  provider: 'Google Cloud',
  title: 'Google API key',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://cloud.google.com/docs/authentication/api-keys',
  revoke:
    'Delete or regenerate the key in Google Cloud console (APIs & Services > Credentials), and restrict its replacement to the APIs and referrers/IPs that need it.',
  keywords: ['AIza'],
  pattern: '(?P<secret>AIza[A-Za-z0-9_-]{35})',
  alphabet: 'A-Za-z0-9_-',
  window: { before: 0, after: 35 },
  validate: ({ secret }) => (looksGenerated(secret.slice(4)) ? SHAPE_MATCH : null),
};
