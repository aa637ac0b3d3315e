import type { Detector, DetectorMeta } from '../types.js';
import { hasValidCrc32Base62 } from '../checksum/crc32-base62.js';
import { CHARS } from './token-row.js';
import { slicedRandomPart } from './random-part.js';

const FORMAT_MATCH = { confidence: 'high', reason: 'prefix, length and CRC-32 checksum' } as const;

/**
 * GitHub and npm tokens: `prefix` + 30 base62 + 6 base62 CRC-32 checksum.
 * A token whose checksum fails is not a finding.
 */
export function crc32TokenDetector(prefix: string, meta: Omit<DetectorMeta, 'tier'>): Detector {
  return {
    ...meta,
    tier: 'identifiable',
    keywords: [prefix],
    pattern: `(?P<secret>${prefix}[A-Za-z0-9]{36})`,
    alphabet: 'A-Za-z0-9_',
    window: { before: 0, after: 36 },
    validate: ({ secret }) => (hasValidCrc32Base62(secret.slice(prefix.length)) ? FORMAT_MATCH : null),
    // The 30 random characters before the checksum.
    randomPart: slicedRandomPart(CHARS.base62.chars, 30, 30, prefix.length, prefix.length + 30),
  };
}
