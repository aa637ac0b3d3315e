import { gitlabKindDetector } from '../gitlab-feed-token/gitlab-random-part.js';

/** `glimt-` + 25 characters (also accepted in the routable shape, whose CRC is checked). */
export const detector = gitlabKindDetector(
  { prefixes: ['glimt-'], legacyBody: '[A-Za-z0-9_-]{25}', routable: true, legacyRandom: 25 },
  {
    id: 'gitlab-incoming-email-token',
    family: 'gitlab-token',
    provider: 'GitLab',
    title: 'GitLab incoming email token',
    severity: 'medium',
    docs: 'https://docs.gitlab.com/security/tokens/#incoming-email-token',
    revoke: 'Reset the incoming email token under User settings > Access tokens > Incoming email token (Reset); it lets anyone create issues and merge requests as you by e-mail.',
  },
);
