import { describe, expect, it } from 'vitest';
import { examples as apiKey } from '../../detectors/anthropic-api-key/examples.js';
import { examples as adminKey } from '../../detectors/anthropic-admin-key/examples.js';
import { anthropicRoutes } from '../../test/support/providers/anthropic.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { anthropicCheck, attributeAnthropicOrganization } from './check.js';

const t = new TokenFactory('liveness-anthropic');
const key = apiKey.generate!(t);
const admin = adminKey.generate!(t);

describeProviderCheck({
  check: anthropicCheck,
  routes: anthropicRoutes,
  cases: [
    {
      input: secretInput('anthropic-api-key', key),
      credential: key,
      expectLive: (v) => expect(v.owner).toEqual({ account: '12345678-1234-5678-1234-567812345678' }),
    },
    { input: secretInput('anthropic-admin-key', admin), credential: admin, expectLive: (v) => expect(v.owner).toEqual({ account: 'Organization Name' }) },
  ],
});

describe('anthropic check, Anthropic-specific answers', () => {
  it('sends the key in x-api-key with the API version, and an admin key to /v1/organizations/me', async () => {
    const { requests } = await checkOnce({ check: anthropicCheck, routes: anthropicRoutes, input: secretInput('anthropic-admin-key', admin), valid: [admin] });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ path: '/v1/organizations/me', headers: { 'x-api-key': admin, 'anthropic-version': '2023-06-01' } });
    expect(requests[0]!.headers.authorization).toBeUndefined();
  });

  it('is live for a key refused with permission_error', async () => {
    const routes = [{ ...anthropicRoutes[0]!, live: () => ({ status: 403, body: { type: 'error', error: { type: 'permission_error', message: 'Your API key does not have permission to use the specified resource.' } } }) }];
    const { verdict } = await checkOnce({ check: anthropicCheck, routes, input: secretInput('anthropic-api-key', key), valid: [key] });
    expect(verdict).toMatchObject({ outcome: 'live', httpStatus: 403 });
  });

  it('is unknown when overloaded (529) or for a 401 of another type', async () => {
    for (const reply of [
      { status: 529, body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } },
      { status: 401, body: { message: 'Unauthorized' } },
    ]) {
      const routes = [{ ...anthropicRoutes[0]!, live: () => reply, revoked: () => reply }];
      const { verdict } = await checkOnce({ check: anthropicCheck, routes, input: secretInput('anthropic-api-key', key), valid: [key] });
      expect(verdict.outcome, String(reply.status)).toBe('unknown');
    }
  });

  it('attributes an organization by name, else id', () => {
    expect(attributeAnthropicOrganization({ id: 'o1', name: 'N', type: 'organization' })).toEqual({ account: 'N' });
    expect(attributeAnthropicOrganization({ id: 'o1', type: 'organization' })).toEqual({ account: 'o1' });
  });
});
