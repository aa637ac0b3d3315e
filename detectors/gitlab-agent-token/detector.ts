import { gitlabKindDetector } from '../gitlab-feed-token/gitlab-random-part.js';

/** `glagent-` + 50 characters (also accepted in the routable shape, whose CRC is checked). */
export const detector = gitlabKindDetector(
  { prefixes: ['glagent-'], legacyBody: '[A-Za-z0-9_-]{50}', routable: true, legacyRandom: 50 },
  {
    id: 'gitlab-agent-token',
    family: 'gitlab-token',
    provider: 'GitLab',
    title: 'GitLab agent for Kubernetes token',
    severity: 'critical',
    docs: 'https://docs.gitlab.com/user/clusters/agent/work_with_agent/#reset-the-agent-token',
    revoke: 'Revoke the token under Operate > Kubernetes clusters > the agent > Access tokens, create a new one and update the agent\'s secret in the cluster.',
  },
);
