import { gitlabKindDetector } from '../gitlab-feed-token/gitlab-random-part.js';

/** `glffct-` + 20 characters (also accepted in the routable shape, whose CRC is checked). */
export const detector = gitlabKindDetector(
  { prefixes: ['glffct-'], legacyBody: '[A-Za-z0-9_-]{20}', routable: true, legacyRandom: 20 },
  {
    id: 'gitlab-feature-flags-client-token',
    family: 'gitlab-token',
    provider: 'GitLab',
    title: 'GitLab feature flags client token',
    severity: 'medium',
    docs: 'https://docs.gitlab.com/operations/feature_flags/#get-access-credentials',
    revoke: 'Reset the instance ID token under Deploy > Feature flags > Configure (Reset), and update the Unleash clients.',
  },
);
