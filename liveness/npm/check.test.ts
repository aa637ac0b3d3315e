import { describe, expect, it } from 'vitest';
import { examples } from '../../detectors/npm-access-token/examples.js';
import { npmRoutes } from '../../test/support/providers/npm.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { npmCheck } from './check.js';

const t = new TokenFactory('liveness-npm');
const token = examples.generate!(t);

describeProviderCheck({
  check: npmCheck,
  routes: npmRoutes,
  cases: [{ input: secretInput('npm-access-token', token), credential: token, expectLive: (v) => expect(v.owner).toEqual({ user: 'npm-octocat' }) }],
});

describe('npm check, registry-specific answers', () => {
  it('is revoked on a 401 with a plain-text body', async () => {
    const routes = [{ ...npmRoutes[0]!, revoked: () => ({ status: 401, headers: { 'content-type': 'text/plain' }, body: 'Unauthorized' }) }];
    const { verdict } = await checkOnce({ check: npmCheck, routes, input: secretInput('npm-access-token', token) });
    expect(verdict).toMatchObject({ outcome: 'revoked', httpStatus: 401 });
  });

  it('is unknown on a 200 that names no user', async () => {
    const routes = [{ ...npmRoutes[0]!, live: () => ({ status: 200, body: {} }) }];
    const { verdict } = await checkOnce({ check: npmCheck, routes, input: secretInput('npm-access-token', token), valid: [token] });
    expect(verdict.outcome).toBe('unknown');
  });
});
