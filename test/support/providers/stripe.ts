import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Stripe API stand-in for `GET /v1/account`. The live body is a trimmed
 * Account object from https://docs.stripe.com/api/accounts/object; the 401
 * and 403 bodies follow https://docs.stripe.com/api/errors (error type
 * `invalid_request_error`, the key shown masked). Restricted keys
 * (`rk_live_`) are modelled without the Account read permission, the usual
 * case, and get the 403 permission error that names the account.
 */
const ACCOUNT_ID = 'acct_1Nv0FGQ9RKHgCVdK';

function masked(key: string): string {
  return `${key.slice(0, 8)}${'*'.repeat(24)}${key.slice(-4)}`;
}

function account(key: string): StandInReply {
  if (key.startsWith('rk_')) {
    return {
      status: 403,
      body: {
        error: {
          message: `The provided key '${masked(key)}' does not have the required permissions for this endpoint on account '${ACCOUNT_ID}'. Having the 'rak_accounts_kyc_basic_read' permission would allow this request to continue.`,
          type: 'invalid_request_error',
        },
      },
    };
  }
  return {
    status: 200,
    body: {
      id: ACCOUNT_ID,
      object: 'account',
      business_profile: { name: 'Rocket Rides', support_email: null, url: 'https://rocketrides.example.com' },
      charges_enabled: true,
      country: 'US',
      default_currency: 'usd',
      email: 'jenny.rosen@example.com',
      settings: { dashboard: { display_name: 'Rocket Rides Inc', timezone: 'Etc/UTC' } },
      type: 'standard',
    },
  };
}

export const stripeRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/v1/account',
    credential: bearerCredential,
    live: (_request, key) => account(key),
    revoked: (request) => ({
      status: 401,
      body: { error: { message: `Invalid API Key provided: ${masked(bearerCredential(request) ?? '')}`, type: 'invalid_request_error' } },
    }),
  },
];
