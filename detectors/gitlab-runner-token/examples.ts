import type { TokenFactory } from '../../test/support/token-factory.js';
import type { DetectorExamples } from '../examples-types.js';
import { gitlabTokenExamples, makeGitlabLegacyToken } from '../builders/gitlab-token-examples.js';

const base = gitlabTokenExamples({
  prefix: 'glrt-t1_',
  envName: 'RUNNER_TOKEN',
  legacy: (t) => makeGitlabLegacyToken(t, 'glrt-t1_'),
  routable: true,
});

export const examples: DetectorExamples = {
  ...base,
  positives: (t: TokenFactory) => {
    const plain = makeGitlabLegacyToken(t, 'glrt-');
    const registered = makeGitlabLegacyToken(t, 'glrtr-');
    return [
      ...base.positives(t),
      { text: `[[runners]]\n  name = "docker-1"\n  url = "https://gitlab.com"\n  token = "${plain}"\n  executor = "docker"\n`, secret: plain },
      { text: `gitlab-runner register --non-interactive --url https://gitlab.com --token ${registered}\n`, secret: registered },
    ];
  },
};
