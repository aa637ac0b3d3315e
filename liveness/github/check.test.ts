import { describe, expect, it } from 'vitest';
import { examples as classic } from '../../detectors/github-pat-classic/examples.js';
import { examples as fineGrained } from '../../detectors/github-fine-grained-pat/examples.js';
import { examples as installation } from '../../detectors/github-server-to-server-token/examples.js';
import { githubRoutes } from '../../test/support/providers/github.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
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
        expect(v.reach).toEqual({ resources: ['octocat', 'octo-org'] });
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

describe('github liveness check, reach', () => {
  it('stays live with the user alone when the organisations cannot be read (no read:org, an error, a timeout)', async () => {
    for (const status of [403, 500]) {
      const routes = githubRoutes.map((r) => (r.path === '/user/orgs' ? { ...r, live: () => ({ status, body: { message: 'nope' } }) } : r));
      const { verdict, requests } = await checkOnce({ check: githubCheck, routes, input: secretInput('github-pat-classic', pat), valid: [pat] });
      expect(verdict, String(status)).toMatchObject({ outcome: 'live', owner: { user: 'octocat' } });
      expect(verdict.reach).toBeUndefined();
      expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /user', 'GET /user/orgs']);
    }
  });

  it('asks for organisations only when the token is live', async () => {
    const { verdict, requests } = await checkOnce({ check: githubCheck, routes: githubRoutes, input: secretInput('github-pat-classic', pat) });
    expect(verdict.outcome).toBe('revoked');
    expect(requests.map((r) => r.path)).toEqual(['/user']);
  });
});
