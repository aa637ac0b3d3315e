import type { Detector, Verdict } from '../types.js';
import { crc32Base62 } from '../checksum/crc32-base62.js';
import { BASE62_ALPHABET } from '../checksum/base62.js';

const PREFIX = 'polar_oat_';
const RANDOM = 37;
const MATCH: Verdict = { confidence: 'high', reason: 'prefix, length and CRC-32 checksum' };

/**
 * Polar organization access token: `polar_oat_` + 37 base62 characters + a
 * 6-character checksum, the CRC-32 (zlib) of those 37 characters in base62
 * (`0-9A-Za-z`), left-padded with `0`: GitHub's token scheme over a longer
 * body (polarsource/polar, `polar/kit/crypto.py` `generate_token`). Polar's
 * other tokens predate the checksum in part and are table rows.
 */
export const detector: Detector = {
  id: 'polar-organization-access-token',
  family: 'polar-token',
  provider: 'Polar',
  title: 'Polar organization access token',
  severity: 'critical',
  tier: 'identifiable',
  docs: 'https://polar.sh/docs/integrate/oat',
  revoke: 'Delete the token under Settings > Developers (organization access tokens) in Polar and create a new one with only the scopes needed.',
  keywords: [PREFIX],
  pattern: `(?P<secret>${PREFIX}[A-Za-z0-9]{${RANDOM + 6}})`,
  alphabet: 'A-Za-z0-9_-',
  window: { before: 0, after: RANDOM + 6 },
  validate: ({ secret }) => {
    const body = secret.slice(PREFIX.length);
    return crc32Base62(body.slice(0, RANDOM)) === body.slice(RANDOM) ? MATCH : null;
  },
  randomPart: { alphabet: BASE62_ALPHABET, minLength: RANDOM, maxLength: RANDOM, of: (secret) => secret.slice(PREFIX.length, PREFIX.length + RANDOM) },
};
