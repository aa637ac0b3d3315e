import type { Detector } from '../types.js';
import { BECH32_CHARSET, bech32Decode, convertBits } from '../checksum/bech32.js';
import { slicedRandomPart } from '../builders/random-part.js';

/**
 * age X25519 identities: bech32 with HRP `AGE-SECRET-KEY-`, written in
 * uppercase, carrying a 32-byte key: 52 data characters + 6 checksum.
 */
export const detector: Detector = {
  id: 'age-secret-key',
  family: 'age-secret-key',
  provider: 'age',
  title: 'age secret key (X25519 identity)',
  severity: 'critical',
  tier: 'identifiable',
  docs: 'https://github.com/C2SP/C2SP/blob/main/age.md',
  revoke:
    'An age identity cannot be revoked: generate a new one with age-keygen, re-encrypt what the old recipient protected, and remove the old recipient everywhere.',
  keywords: ['AGE-SECRET-KEY-1'],
  pattern: '(?P<secret>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})',
  // Uppercase only, like the key: a key right after a JSON `\n` escape is still isolated.
  alphabet: 'A-Z0-9',
  window: { before: 0, after: 58 },
  validate: ({ secret }) => {
    const decoded = bech32Decode(secret);
    if (!decoded || decoded.hrp !== 'age-secret-key-') return null;
    const key = convertBits(decoded.words, 5, 8, false);
    if (!key || key.length !== 32) return null;
    return { confidence: 'high', reason: 'bech32 checksum and a 32-byte key' };
  },
  // The first 51 data characters; the 52nd carries one bit of the key and 4 zero padding bits.
  randomPart: slicedRandomPart(BECH32_CHARSET.toUpperCase(), 51, 51, 16, 67),
};
