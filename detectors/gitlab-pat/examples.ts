import { gitlabTokenExamples, makeGitlabLegacyToken } from '../builders/gitlab-token-examples.js';

export const examples = gitlabTokenExamples({
  prefix: 'glpat-',
  envName: 'GITLAB_TOKEN',
  legacy: (t) => makeGitlabLegacyToken(t, 'glpat-'),
  routable: true,
});
