import { gitlabTokenExamples, makeGitlabLegacyToken } from '../builders/gitlab-token-examples.js';

export const examples = gitlabTokenExamples({
  prefix: 'glagent-',
  envName: 'AGENT_TOKEN',
  legacy: (t) => makeGitlabLegacyToken(t, 'glagent-', 50),
  routable: true,
});
