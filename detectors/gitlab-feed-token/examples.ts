import { gitlabTokenExamples, makeGitlabLegacyToken } from '../builders/gitlab-token-examples.js';

export const examples = gitlabTokenExamples({
  prefix: 'glft-',
  envName: 'FEED_TOKEN',
  legacy: (t) => makeGitlabLegacyToken(t, 'glft-'),
  routable: true,
});
