import { describe, expect, it } from 'vitest';
import { examples as secretKey } from '../../detectors/stripe-secret-key/examples.js';
import { examples as restrictedKey } from '../../detectors/stripe-restricted-key/examples.js';
import { stripeRoutes } from '../../test/support/providers/stripe.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeStripeAccount, stripeCheck } from './check.js';

const t = new TokenFactory('liveness-stripe');
const sk = secretKey.generate!(t);
const rk = restrictedKey.generate!(t);

describeProviderCheck({
  check: stripeCheck,
  routes: stripeRoutes,
  cases: [
    {
      input: secretInput('stripe-secret-key', sk),
      credential: sk,
      expectLive: (v) => expect(v).toMatchObject({ httpStatus: 200, owner: { account: 'Rocket Rides Inc', email: 'jenny.rosen@example.com' } }),
    },
    {
      name: 'stripe-restricted-key without the Account read permission',
      input: secretInput('stripe-restricted-key', rk),
      credential: rk,
      expectLive: (v) => expect(v).toMatchObject({ httpStatus: 403, owner: { account: 'acct_1Nv0FGQ9RKHgCVdK' } }),
    },
  ],
});

describe('stripe check, Stripe-specific answers', () => {
  it('is revoked for an expired (rolled) key', async () => {
    const routes = [
      { ...stripeRoutes[0]!, revoked: () => ({ status: 401, body: { error: { code: 'api_key_expired', message: 'Expired API Key provided', type: 'invalid_request_error' } } }) },
    ];
    const { verdict } = await checkOnce({ check: stripeCheck, routes, input: secretInput('stripe-secret-key', sk) });
    expect(verdict).toMatchObject({ outcome: 'revoked', reason: 'Stripe rejected the key (api_key_expired)' });
  });

  it('is unknown on a 403 that is not a Stripe error', async () => {
    const routes = [{ ...stripeRoutes[0]!, live: () => ({ status: 403, body: { message: 'Forbidden' } }) }];
    const { verdict } = await checkOnce({ check: stripeCheck, routes, input: secretInput('stripe-secret-key', sk), valid: [sk] });
    expect(verdict.outcome).toBe('unknown');
  });

  it('attributes an account by display name, then business name, then id', () => {
    expect(attributeStripeAccount({ id: 'acct_1', business_profile: { name: 'B' }, settings: { dashboard: { display_name: 'D' } } })).toEqual({ account: 'D' });
    expect(attributeStripeAccount({ id: 'acct_1', business_profile: { name: 'B' }, settings: { dashboard: { display_name: null } } })).toEqual({ account: 'B' });
    expect(attributeStripeAccount({ id: 'acct_1', email: 'e@example.com' })).toEqual({ account: 'acct_1', email: 'e@example.com' });
  });
});
