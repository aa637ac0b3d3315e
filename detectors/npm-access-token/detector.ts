import { crc32TokenDetector } from '../builders/crc32-token.js';

/** npm access tokens since 2021: the GitHub token scheme with the `npm_` prefix (CRC-32 in base62). */
export const detector = crc32TokenDetector('npm_', {
  id: 'npm-access-token',
  family: 'npm-token',
  provider: 'npm',
  title: 'npm access token',
  severity: 'critical',
  docs: 'https://github.blog/security/announcing-npms-new-access-token-format/',
  revoke:
    'Delete it on npmjs.com (avatar > Access Tokens) or run `npm token revoke <id>`; then check recent package versions you publish for anything you did not release.',
});
