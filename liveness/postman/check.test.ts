import { describe, expect, it } from 'vitest';
import { examples } from '../../detectors/postman-api-key/examples.js';
import { postmanRoutes } from '../../test/support/providers/postman.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeUser, postmanCheck } from './check.js';

const t = new TokenFactory('liveness-postman');
const key = examples.generate!(t);
const input = secretInput('postman-api-key', key);

describeProviderCheck({
  check: postmanCheck,
  routes: postmanRoutes,
  cases: [
    {
      input,
      credential: key,
      expectLive: (v) => expect(v.owner).toEqual({ user: 'taylor-lee', email: 'taylor.lee@example.com', team: 'Test Team' }),
    },
  ],
});

describe('postman liveness check, provider-specific answers', () => {
  it('sends the key in X-API-Key, not in Authorization', async () => {
    const { requests } = await checkOnce({ check: postmanCheck, routes: postmanRoutes, input, valid: [key] });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers['x-api-key']).toBe(key);
    expect(requests[0]!.headers.authorization).toBeUndefined();
  });

  it('is unknown for a 401 that is not an AuthenticationError', async () => {
    const routes = postmanRoutes.map((r) => ({ ...r, revoked: () => ({ status: 401, body: { error: { name: 'serviceLimitExhausted', message: 'limit' } } }) }));
    const { verdict } = await checkOnce({ check: postmanCheck, routes, input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
  });

  it('attributes a user without a team', () => {
    expect(attributeUser({ id: 7, username: 'solo', email: 's@example.com', teamId: 0 })).toEqual({ user: 'solo', email: 's@example.com' });
  });
});
