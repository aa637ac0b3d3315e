import { expect } from 'vitest';
import { examples as classic } from '../../detectors/github-pat-classic/examples.js';
import { examples as fineGrained } from '../../detectors/github-fine-grained-pat/examples.js';
import { examples as installation } from '../../detectors/github-server-to-server-token/examples.js';
import { githubRoutes } from '../../test/support/providers/github.js';
import { describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { githubCheck } from './check.js';

const t = new TokenFactory('liveness-github');
const pat = classic.generate!(t);
const fgpat = fineGrained.generate!(t);
const ghs = installation.generate!(t);

describeProviderCheck({
  check: githubCheck,
  routes: githubRoutes,
  cases: [
    {
      input: secretInput('github-pat-classic', pat),
      credential: pat,
      expectLive: (v) => {
        expect(v.owner).toEqual({ user: 'octocat', email: 'octocat@github.com' });
        expect(v.scopes).toEqual(['repo', 'read:org']);
      },
    },
    { input: secretInput('github-fine-grained-pat', fgpat), credential: fgpat, expectLive: (v) => expect(v.owner?.user).toBe('octocat') },
    {
      input: secretInput('github-server-to-server-token', ghs),
      credential: ghs,
      expectLive: (v) => {
        expect(v.owner).toEqual({ account: 'octo-org' });
        expect(v.reach).toEqual({ resources: ['octo-org/Hello-World'], resourceCount: 1 });
      },
    },
  ],
});
