import type { Detector } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';
import { CHARS } from '../builders/token-row.js';
import { slicedRandomPart } from '../builders/random-part.js';

/**
 * The characters a key can end with. A key is the base64url of 29 bytes: 39
 * characters hold 234 bits, 232 of them used, so the last character's 2 low
 * bits are zero, which leaves the 16 characters whose base64 value is a
 * multiple of 4. Checked on 78 distinct real 39-character keys published in
 * public repositories (Firebase web configs, google-services.json, Maps
 * script tags and URLs, Android manifests): every one ends with one of
 * these, and every one has `A`-`D` as its 7th character (the 4 bits after
 * the fixed `AIzaSy` are zero too). The sample key in Google Cloud's API key
 * documentation ends with `e`: a hand-made example, which this rejects.
 */
export const LAST_CHARACTERS = 'AEIMQUYcgkosw048';

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
  validate: ({ secret }) => (LAST_CHARACTERS.includes(secret[38]!) && looksGenerated(secret.slice(4)) ? SHAPE_MATCH : null),
  // The 31 characters between `AIzaSy` + the 7th character (2 random bits) and the last one (4 random bits).
  randomPart: slicedRandomPart(CHARS.base64url.chars, 31, 31, 7, 38),
};
