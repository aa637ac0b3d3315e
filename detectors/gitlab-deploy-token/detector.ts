import { gitlabTokenDetector } from '../builders/gitlab-token.js';

export const detector = gitlabTokenDetector(
  { prefixes: ['gldt-'], legacyBody: '[A-Za-z0-9_-]{20}', routable: true },
  {
    id: 'gitlab-deploy-token',
    family: 'gitlab-token',
    provider: 'GitLab',
    title: 'GitLab deploy token',
    severity: 'high',
    docs: 'https://docs.gitlab.com/user/project/deploy_tokens/',
    revoke: 'Revoke it under the project or group Settings > Repository > Deploy tokens, then create a new one for the consumer.',
  },
);
