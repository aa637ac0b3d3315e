import { gitlabTokenDetector } from '../builders/gitlab-token.js';

/** Legacy runner registration token (deprecated since GitLab 16.0): `GR1348941` + 20 characters. */
export const detector = gitlabTokenDetector(
  { prefixes: ['GR1348941'], legacyBody: '[A-Za-z0-9_-]{20}', routable: false },
  {
    id: 'gitlab-runner-registration-token',
    family: 'gitlab-token',
    provider: 'GitLab',
    title: 'GitLab runner registration token',
    severity: 'high',
    docs: 'https://docs.gitlab.com/security/tokens/#runner-registration-tokens-deprecated',
    revoke:
      'Reset the registration token (project, group or instance CI/CD > Runners > Reset registration token), and move to runner authentication tokens.',
  },
);
