import { gitlabTokenExamples, makeGitlabLegacyToken } from '../builders/gitlab-token-examples.js';

export const examples = gitlabTokenExamples({
  prefix: 'glimt-',
  envName: 'INCOMING_EMAIL_TOKEN',
  legacy: (t) => makeGitlabLegacyToken(t, 'glimt-', 25),
  routable: true,
});
