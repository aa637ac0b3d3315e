import { crc32TokenDetector } from '../builders/crc32-token.js';

export const detector = crc32TokenDetector('ghp_', {
  id: 'github-pat-classic',
  family: 'github-token',
  provider: 'GitHub',
  title: 'GitHub personal access token (classic)',
  severity: 'critical',
  docs: 'https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/',
  revoke:
    'Revoke it in GitHub (Settings > Developer settings, or the owning app); an exposed token can also be reported to https://docs.github.com/rest/credentials/revoke.',
});
