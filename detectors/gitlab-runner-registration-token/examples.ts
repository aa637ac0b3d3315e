import type { TokenFactory } from '../../test/support/token-factory.js';
import type { DetectorExamples } from '../examples-types.js';
import { gitlabTokenExamples, makeGitlabLegacyToken } from '../builders/gitlab-token-examples.js';

const base = gitlabTokenExamples({
  prefix: 'GR1348941',
  envName: 'REGISTRATION_TOKEN',
  legacy: (t) => makeGitlabLegacyToken(t, 'GR1348941'),
  routable: false,
});

export const examples: DetectorExamples = {
  ...base,
  negatives: (t: TokenFactory) => [...base.negatives(t), 'REGISTRATION_TOKEN=GR134894112312312312312312312'],
};
