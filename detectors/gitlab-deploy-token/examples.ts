import { gitlabTokenExamples, makeGitlabLegacyToken } from '../builders/gitlab-token-examples.js';

export const examples = gitlabTokenExamples({
  prefix: 'gldt-',
  envName: 'CI_DEPLOY_PASSWORD',
  legacy: (t) => makeGitlabLegacyToken(t, 'gldt-'),
  routable: true,
});
