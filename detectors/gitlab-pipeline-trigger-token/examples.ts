import { ALPHA } from '../../test/support/token-factory.js';
import { gitlabTokenExamples, makeGitlabLegacyToken } from '../builders/gitlab-token-examples.js';

export const examples = gitlabTokenExamples({
  prefix: 'glptt-',
  envName: 'TRIGGER_TOKEN',
  legacy: (t) => makeGitlabLegacyToken(t, 'glptt-', 40, ALPHA.hexLower),
  routable: true,
});
