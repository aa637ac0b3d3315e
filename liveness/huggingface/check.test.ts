import { describe, expect, it } from 'vitest';
import { examples as userTokens } from '../../detectors/huggingface-user-access-token/examples.js';
import { examples as orgTokens } from '../../detectors/huggingface-org-api-token/examples.js';
import { huggingfaceRoutes } from '../../test/support/providers/huggingface.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeWhoami, huggingfaceCheck } from './check.js';

const t = new TokenFactory('liveness-huggingface');
const userToken = userTokens.generate!(t);
const orgToken = orgTokens.generate!(t);

describeProviderCheck({
  check: huggingfaceCheck,
  routes: huggingfaceRoutes,
  cases: [
    {
      input: secretInput('huggingface-user-access-token', userToken),
      credential: userToken,
      expectLive: (v) => {
        expect(v.owner).toEqual({ user: 'julien-c', email: 'julien@huggingface.co', tokenName: 'ci-upload' });
        expect(v.scopes).toEqual(['write']);
      },
    },
    {
      input: secretInput('huggingface-org-api-token', orgToken),
      credential: orgToken,
      expectLive: (v) => expect(v.owner).toEqual({ account: 'acme-research' }),
    },
  ],
});

describe('huggingface liveness check, provider-specific answers', () => {
  it('is unknown for a 200 that names nobody', async () => {
    const routes = huggingfaceRoutes.map((r) => ({ ...r, live: () => ({ status: 200, body: { ok: true } }) }));
    const { verdict } = await checkOnce({ check: huggingfaceCheck, routes, input: secretInput('huggingface-user-access-token', userToken), valid: [userToken] });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 200 });
  });

  it('attributes a fine-grained user token without an email', () => {
    expect(attributeWhoami({ type: 'user', name: 'sam', auth: { accessToken: { displayName: 'read-models', role: 'fineGrained' } } })).toEqual({ user: 'sam', tokenName: 'read-models' });
  });
});
