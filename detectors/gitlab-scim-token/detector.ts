import { gitlabTokenDetector } from '../builders/gitlab-token.js';

export const detector = gitlabTokenDetector(
  { prefixes: ['glsoat-'], legacyBody: '[A-Za-z0-9_-]{20}', routable: true },
  {
    id: 'gitlab-scim-token',
    family: 'gitlab-token',
    provider: 'GitLab',
    title: 'GitLab SCIM token',
    severity: 'high',
    docs: 'https://docs.gitlab.com/security/tokens/#token-prefixes',
    revoke:
      'Generate a new SCIM token (group Settings > SAML SSO > Generate a SCIM token, or the instance admin SCIM settings), which invalidates this one, and update the identity provider.',
  },
);
