import { gitlabTokenDetector } from '../builders/gitlab-token.js';

/** Personal, project, group and impersonation tokens all use `glpat-`. */
export const detector = gitlabTokenDetector(
  { prefixes: ['glpat-'], legacyBody: '[A-Za-z0-9_-]{20}', routable: true },
  {
    id: 'gitlab-pat',
    family: 'gitlab-token',
    provider: 'GitLab',
    title: 'GitLab personal access token',
    severity: 'critical',
    docs: 'https://docs.gitlab.com/security/tokens/#token-prefixes',
    revoke:
      'Revoke it under User settings > Access tokens (or the project/group Access tokens page); an administrator can also revoke any token with the token revocation API.',
  },
);
