import { gitlabTokenExamples, makeGitlabLegacyToken } from '../builders/gitlab-token-examples.js';

export const examples = gitlabTokenExamples({
  prefix: 'glffct-',
  envName: 'UNLEASH_INSTANCE_ID',
  legacy: (t) => makeGitlabLegacyToken(t, 'glffct-'),
  routable: true,
});
