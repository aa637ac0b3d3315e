import type { Detector, Verdict } from '../types.js';
import { crc32 } from '../checksum/crc32.js';

const HEX = '0123456789abcdef';
const MATCH: Verdict = { confidence: 'high', reason: 'ATTA + 64 hex + CRC-32 of the preceding 68 characters (Trello token)' };

/** The last 8 characters are the CRC-32 (zlib/IEEE) of everything before them, in uppercase hex. */
export function trelloChecksumOk(secret: string): boolean {
  return crc32(secret.slice(0, 68)).toString(16).toUpperCase().padStart(8, '0') === secret.slice(68);
}

/**
 * Trello API token (issued since 2023): `ATTA` + 64 lowercase hex + an
 * 8-character uppercase-hex CRC-32 of the first 68 characters. The token
 * acts as the user who authorized it, alongside the app's public API key.
 * `ATTA` starts common words (`ATTACH`, `ATTACK`), so a hit counts only when
 * a digit follows within the 64 characters with only `a-f` before it.
 */
export const detector: Detector = {
  id: 'trello-api-token',
  family: 'trello-api-token',
  provider: 'Atlassian Trello',
  title: 'Trello API token',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/',
  revoke: 'Revoke the token under Account > Settings > Applications (or Power-Ups) in Trello, or with DELETE /1/tokens/{token}, then authorize again.',
  keywords: ['ATTA'],
  requires: { anyOf: '0-9', over: 'a-f', within: 64 },
  pattern: '(?P<secret>ATTA[0-9a-f]{64}[0-9A-F]{8})',
  alphabet: 'A-Za-z0-9_-',
  window: { before: 0, after: 72 },
  validate: ({ secret }) => (trelloChecksumOk(secret) ? MATCH : null),
  randomPart: { alphabet: HEX, minLength: 64, maxLength: 64, of: (secret) => secret.slice(4, 68) },
};
