import { gitlabKindDetector } from './gitlab-random-part.js';

/** `glft-` + 20 characters (also accepted in the routable shape, whose CRC is checked). */
export const detector = gitlabKindDetector(
  { prefixes: ['glft-'], legacyBody: '[A-Za-z0-9_-]{20}', routable: true, legacyRandom: 20 },
  {
    id: 'gitlab-feed-token',
    family: 'gitlab-token',
    provider: 'GitLab',
    title: 'GitLab feed token',
    severity: 'medium',
    docs: 'https://docs.gitlab.com/security/tokens/#feed-token',
    revoke: 'Reset the feed token under User settings > Access tokens > Feed token (Reset); it lets anyone read your RSS/Atom and calendar feeds.',
  },
);
