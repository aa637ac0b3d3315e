import { shapeTokenDetector } from '../builders/shape-token.js';
import { CHARS } from '../builders/token-row.js';

/**
 * Atlassian (Jira, Confluence, Bitbucket Cloud) API tokens: `ATATT3` + 177
 * characters + `=` + 8 uppercase hex, 192 in all. Some scanners call the hex
 * tail a CRC; no checksum scheme is documented, and CRC-32 of the preceding
 * text does not reproduce it, so only the shape is checked.
 */
export const detector = shapeTokenDetector(
  {
    id: 'atlassian-api-token',
    family: 'atlassian-api-token',
    provider: 'Atlassian',
    title: 'Atlassian API token',
    severity: 'critical',
    docs: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
    revoke: 'Revoke the token at https://id.atlassian.com/manage-profile/security/api-tokens and create a new one.',
  },
  {
    keywords: ['ATATT3'],
    pattern: '(?P<secret>ATATT3[A-Za-z0-9_=-]{177}=[0-9A-F]{8})',
    alphabet: 'A-Za-z0-9_-',
    window: { before: 0, after: 186 },
    randomPart: ({ secret }) => secret.slice(12, 183),
    random: { alphabet: CHARS.base64url.chars, minLength: 171, maxLength: 171 },
  },
);
