import type { Detector, Verdict } from '../types.js';
import { crc32 } from '../checksum/crc32.js';

const MATCH: Verdict = { confidence: 'high', reason: 'prefix, length and CRC-32 checksum' };

/** CRC-32 (zlib) of everything before the checksum, as 8 upper-case hex digits. */
export function atlassianChecksum(text: string): string {
  return crc32(text).toString(16).toUpperCase().padStart(8, '0');
}

/**
 * Atlassian access tokens with the `ATCTT3` prefix (Bitbucket Cloud
 * repository, project and workspace access tokens; organization admin API
 * keys): `ATCTT3xFfGN0` + 171 base64url characters + `=` + 8 upper-case hex,
 * 192 in all. The hex tail is the CRC-32 (zlib) of everything before it,
 * `=` included: confirmed on five published tokens (and on a published
 * `ATATT3` API token, which shares the scheme). A token whose tail does not
 * match is not a finding.
 */
export const detector: Detector = {
  id: 'atlassian-access-token',
  family: 'atlassian-access-token',
  provider: 'Atlassian',
  title: 'Atlassian access token (Bitbucket repository/project/workspace token, admin API key)',
  severity: 'critical',
  tier: 'identifiable',
  docs: 'https://support.atlassian.com/bitbucket-cloud/docs/access-tokens/',
  revoke:
    'Revoke the token in Bitbucket (Repository, Project or Workspace settings > Access tokens) or, for an organization admin API key, in Atlassian Administration > Settings > API keys, then create a new one.',
  keywords: ['ATCTT3'],
  pattern: '(?P<secret>ATCTT3[A-Za-z0-9_=-]{177}=[0-9A-F]{8})',
  alphabet: 'A-Za-z0-9_-',
  window: { before: 0, after: 186 },
  validate: ({ secret }) => (atlassianChecksum(secret.slice(0, -8)) === secret.slice(-8) ? MATCH : null),
  randomPart: {
    alphabet: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
    minLength: 171,
    maxLength: 171,
    of: (secret) => secret.slice(12, 183),
  },
};
