import { describe, expect, it } from 'vitest';
import { examples as apiKey } from '../../detectors/openai-api-key/examples.js';
import { examples as adminKey } from '../../detectors/openai-admin-key/examples.js';
import { openaiRoutes } from '../../test/support/providers/openai.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import type { StandInReply } from '../../test/support/provider-stand-in.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeOpenaiHeaders, openaiCheck } from './check.js';

const t = new TokenFactory('liveness-openai');
const key = apiKey.generate!(t);
const admin = adminKey.generate!(t);

describeProviderCheck({
  check: openaiCheck,
  routes: openaiRoutes,
  cases: [
    { input: secretInput('openai-api-key', key), credential: key, expectLive: (v) => expect(v.owner).toEqual({ account: 'org-acme-research' }) },
    { input: secretInput('openai-admin-key', admin), credential: admin, expectLive: (v) => expect(v.owner).toEqual({ account: 'org-acme-research' }) },
  ],
});

function modelsAnswering(reply: StandInReply) {
  return [{ ...openaiRoutes[0]!, live: () => reply, revoked: () => reply }];
}

describe('openai check, OpenAI-specific answers', () => {
  it('sends an admin key to the Admin API only, with limit=1', async () => {
    const { requests } = await checkOnce({ check: openaiCheck, routes: openaiRoutes, input: secretInput('openai-admin-key', admin), valid: [admin] });
    expect(requests.map((r) => `${r.path}?${r.query.toString()}`)).toEqual(['/v1/organization/admin_api_keys?limit=1']);
  });

  it('is live for a restricted key refused for missing permissions', async () => {
    for (const status of [401, 403]) {
      const reply = {
        status,
        body: { error: { message: 'You have insufficient permissions for this operation. Missing scopes: api.model.read.', type: 'invalid_request_error', param: null, code: null } },
      };
      const { verdict } = await checkOnce({ check: openaiCheck, routes: modelsAnswering(reply), input: secretInput('openai-api-key', key) });
      expect(verdict, String(status)).toMatchObject({ outcome: 'live', httpStatus: status });
    }
  });

  it('is unknown for a 401 that is not invalid_api_key', async () => {
    const reply = { status: 401, body: { error: { message: 'You must be a member of an organization to use the API.', type: 'invalid_request_error', param: null, code: 'no_organization' } } };
    const { verdict } = await checkOnce({ check: openaiCheck, routes: modelsAnswering(reply), input: secretInput('openai-api-key', key) });
    expect(verdict).toMatchObject({ outcome: 'unknown', reason: 'OpenAI refused the request (no_organization)' });
  });

  it('attributes the organization header only when sent', () => {
    expect(attributeOpenaiHeaders({ 'openai-organization': 'org-x' })).toEqual({ account: 'org-x' });
    expect(attributeOpenaiHeaders({})).toBeUndefined();
  });
});
