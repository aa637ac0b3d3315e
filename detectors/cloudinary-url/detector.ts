import type { Detector } from '../types.js';

const SECRET_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const API_SECRET = /^cloudinary:\/\/[0-9]{15}:([A-Za-z0-9_-]{27})@/;

/**
 * Cloudinary environment URL, `cloudinary://<API key>:<API secret>@<cloud
 * name>` (the CLOUDINARY_URL every SDK reads): a 15-digit API key, a
 * 27-character API secret and the cloud name. The secret signs uploads and
 * Admin API calls for the whole product environment. Reported from the
 * scheme to the end of the cloud name; the random part is the API secret.
 */
export const detector: Detector = {
  id: 'cloudinary-url',
  family: 'cloudinary-url',
  provider: 'Cloudinary',
  title: 'Cloudinary environment URL with API secret',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://cloudinary.com/documentation/how_to_integrate_cloudinary#cloudinary_url',
  revoke:
    'Generate a new API key pair under Settings > API Keys in the Cloudinary console, move the application to it, then deactivate and delete the leaked key.',
  keywords: ['cloudinary://'],
  pattern: '(?P<secret>cloudinary://[0-9]{15}:[A-Za-z0-9_-]{27}@[A-Za-z0-9_-]{1,64})',
  alphabet: 'A-Za-z0-9_-',
  window: { before: 0, after: 15 + 1 + 27 + 1 + 64 },
  randomPart: {
    alphabet: SECRET_CHARS,
    minLength: 27,
    maxLength: 27,
    of: (secret) => API_SECRET.exec(secret)?.[1] ?? null,
  },
};
