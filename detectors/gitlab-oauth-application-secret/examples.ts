import { gitlabTokenExamples, makeGitlabLegacyToken } from '../builders/gitlab-token-examples.js';

export const examples = gitlabTokenExamples({
  prefix: 'gloas-',
  envName: 'GITLAB_CLIENT_SECRET',
  legacy: (t) => makeGitlabLegacyToken(t, 'gloas-', 64),
  routable: false,
});
