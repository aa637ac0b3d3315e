import type { Detector } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';
import { slicedRandomPart } from '../builders/random-part.js';
import { CHARS } from '../builders/token-row.js';

/** SendGrid (Twilio) API key: `SG.` + 22-character key id + `.` + 43-character secret, base64url. */
export const detector: Detector = {
  id: 'sendgrid-api-key',
  family: 'sendgrid-key',
  provider: 'Twilio SendGrid',
  title: 'SendGrid API key',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys',
  revoke: 'Delete the key in SendGrid (Settings > API Keys), create a replacement with the narrowest permissions, and check Activity for mail you did not send.',
  keywords: ['SG.'],
  pattern: '(?P<secret>SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43})',
  alphabet: 'A-Za-z0-9_-',
  window: { before: 0, after: 66 },
  validate: ({ secret }) => (looksGenerated(secret.slice(3, 25)) && looksGenerated(secret.slice(26)) ? SHAPE_MATCH : null),
  // The secret after the second dot: 32 random bytes in 43 characters, the last of which carries 4 bits.
  randomPart: slicedRandomPart(CHARS.base64url.chars, 42, 42, 26, 68),
};
