import { gitlabKindDetector } from '../gitlab-feed-token/gitlab-random-part.js';

/** `gloas-` + 64 characters. */
export const detector = gitlabKindDetector(
  { prefixes: ['gloas-'], legacyBody: '[A-Za-z0-9_-]{64}', routable: false, legacyRandom: 64 },
  {
    id: 'gitlab-oauth-application-secret',
    family: 'gitlab-token',
    provider: 'GitLab',
    title: 'GitLab OAuth application secret',
    severity: 'high',
    docs: 'https://docs.gitlab.com/integration/oauth_provider/',
    revoke: 'Renew the secret of the OAuth application (User, group or instance Applications > the application > Renew secret) and update the application.',
  },
);
