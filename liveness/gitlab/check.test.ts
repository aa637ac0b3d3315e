import { describe, expect, it } from 'vitest';
import { examples as pat } from '../../detectors/gitlab-pat/examples.js';
import { examples as deploy } from '../../detectors/gitlab-deploy-token/examples.js';
import { examples as runner } from '../../detectors/gitlab-runner-token/examples.js';
import { gitlabRoutes } from '../../test/support/providers/gitlab.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import type { StandInRoute } from '../../test/support/provider-stand-in.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeGitlabToken, gitlabCheck } from './check.js';

const t = new TokenFactory('liveness-gitlab');
const token = pat.generate!(t);

describeProviderCheck({
  check: gitlabCheck,
  routes: gitlabRoutes,
  cases: [
    {
      input: secretInput('gitlab-pat', token),
      credential: token,
      expectLive: (v) => {
        expect(v.owner).toEqual({ user: 'john_smith', email: 'john@example.com', tokenName: 'Test Token' });
        expect(v.scopes).toEqual(['api', 'read_repository']);
      },
    },
  ],
});

/** The stand-in's routes with the token answer replaced. */
function withTokenAnswer(body: Record<string, unknown>, userStatus = 200): StandInRoute[] {
  const [self, user] = gitlabRoutes as [StandInRoute, StandInRoute];
  return [
    { ...self, live: () => ({ status: 200, body }) },
    { ...user, live: (r, c) => (userStatus === 200 ? user.live(r, c) : { status: userStatus, body: { message: '403 Forbidden' } }) },
  ];
}

describe('gitlab check, GitLab-specific answers', () => {
  it('does not read the user when the scopes do not allow it, and names the user id', async () => {
    const routes = withTokenAnswer({ id: 5, name: 'ci clone', scopes: ['read_repository'], user_id: 77, active: true, revoked: false });
    const { verdict, requests } = await checkOnce({ check: gitlabCheck, routes, input: secretInput('gitlab-pat', token), valid: [token] });
    expect(verdict).toMatchObject({ outcome: 'live', owner: { user: '77', tokenName: 'ci clone' }, scopes: ['read_repository'] });
    expect(requests.map((r) => r.path)).toEqual(['/api/v4/personal_access_tokens/self']);
  });

  it('stays live without a username when GET /user is refused', async () => {
    const routes = withTokenAnswer({ id: 5, name: 'api', scopes: ['api'], user_id: 24, active: true, revoked: false }, 403);
    const { verdict, requests } = await checkOnce({ check: gitlabCheck, routes, input: secretInput('gitlab-pat', token), valid: [token] });
    expect(verdict).toMatchObject({ outcome: 'live', owner: { user: '24', tokenName: 'api' } });
    expect(requests).toHaveLength(2);
  });

  it('sends the token in PRIVATE-TOKEN, not in the URL', async () => {
    const { requests } = await checkOnce({ check: gitlabCheck, routes: gitlabRoutes, input: secretInput('gitlab-pat', token), valid: [token] });
    for (const r of requests) {
      expect(r.headers['private-token']).toBe(token);
      expect([...r.query.values()].join()).not.toContain(token);
    }
  });

  it('answers unknown, without a request, for GitLab tokens that have no read-only call', async () => {
    for (const [detector, secret] of [
      ['gitlab-deploy-token', deploy.generate!(t)],
      ['gitlab-runner-token', runner.generate!(t)],
    ] as const) {
      const { verdict, requests } = await checkOnce({ check: gitlabCheck, routes: gitlabRoutes, input: secretInput(detector, secret), valid: [secret] });
      expect(verdict.outcome).toBe('unknown');
      expect(verdict.reason).toMatch(/no read-only call|not called/);
      expect(requests).toHaveLength(0);
    }
  });

  it('attributes a token without a user read to its user id', () => {
    expect(attributeGitlabToken({ name: 'n', user_id: 3 })).toEqual({ user: '3', tokenName: 'n' });
    expect(attributeGitlabToken({ name: 'n', user_id: 3 }, { username: 'u', email: 'u@example.com' })).toEqual({ user: 'u', email: 'u@example.com', tokenName: 'n' });
  });
});
