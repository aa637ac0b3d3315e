import { gitlabTokenExamples, makeGitlabLegacyToken } from '../builders/gitlab-token-examples.js';

export const examples = gitlabTokenExamples({
  prefix: 'glsoat-',
  envName: 'SCIM_TOKEN',
  legacy: (t) => makeGitlabLegacyToken(t, 'glsoat-'),
  routable: true,
});
