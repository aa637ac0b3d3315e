import type { Detector, DetectorMeta, Verdict } from '../types.js';
import { crc32 } from '../checksum/crc32.js';
import { toBase62 } from '../checksum/base62.js';

/**
 * Vercel credentials (since 2025, one prefix per kind: `vcp_`, `vci_`, `vca_`,
 * `vcr_`, `vck_`): prefix + a 50-character body + a 6-character checksum,
 * the CRC-32 (zlib) of the body in base62 (`0-9A-Za-z`), left-padded with `0`.
 * The prefixes are Vercel's (changelog "Introducing new token formats and
 * secret scanning"); the checksum was confirmed on published revoked tokens of
 * four kinds. Shared by the five Vercel folders.
 */
export const BODY = 50;
const CHECKSUM = 6;
const BODY_CLASS = 'A-Za-z0-9_-';
const MATCH: Verdict = { confidence: 'high', reason: 'prefix, length and CRC-32 checksum' };

export function checksumOf(body: string): string {
  return toBase62(crc32(body), CHECKSUM);
}

export function vercelTokenDetector(prefix: string, meta: Omit<DetectorMeta, 'tier' | 'family' | 'provider'>): Detector {
  return {
    ...meta,
    family: 'vercel-token',
    provider: 'Vercel',
    tier: 'identifiable',
    keywords: [prefix],
    pattern: `(?P<secret>${prefix}[${BODY_CLASS}]{${BODY}}[A-Za-z0-9]{${CHECKSUM}})`,
    alphabet: BODY_CLASS,
    window: { before: 0, after: BODY + CHECKSUM },
    validate: ({ secret }) => {
      const body = secret.slice(prefix.length, prefix.length + BODY);
      return checksumOf(body) === secret.slice(prefix.length + BODY) ? MATCH : null;
    },
    randomPart: {
      alphabet: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
      minLength: BODY,
      maxLength: BODY,
      of: (secret) => secret.slice(prefix.length, prefix.length + BODY),
    },
  };
}
