import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Cloudflare API stand-in. The verify body follows the example of
 * https://developers.cloudflare.com/fundamentals/api/troubleshooting/ and
 * https://developers.cloudflare.com/api/resources/user/subresources/tokens/methods/verify/
 * (envelope `success`/`errors`/`messages`/`result`, `result.status`); the 401
 * body is Cloudflare's envelope for a token it does not know, error code 1000
 * "Invalid API Token".
 */
export const CLOUDFLARE_INVALID_TOKEN: StandInReply = {
  status: 401,
  body: { success: false, errors: [{ code: 1000, message: 'Invalid API Token' }], messages: [], result: null },
};

/** The account id the stand-in knows account-owned tokens under. */
export const CLOUDFLARE_ACCOUNT_ID = '023e105f4ecef8ad9ca31a8372d0c353';

export function cloudflareVerified(status: 'active' | 'disabled' | 'expired' = 'active'): StandInReply {
  return {
    status: 200,
    body: {
      success: true,
      errors: [],
      messages: [{ code: 10000, message: 'This API Token is valid and active', type: null }],
      result: { id: 'f267e341f3dd4697bd3b9f71dd96247f', status, not_before: '2018-07-01T05:20:00Z', expires_on: '2030-01-01T00:00:00Z' },
    },
  };
}

export const cloudflareRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/client/v4/user/tokens/verify',
    credential: bearerCredential,
    live: () => cloudflareVerified(),
    revoked: () => CLOUDFLARE_INVALID_TOKEN,
  },
  {
    method: 'GET',
    path: `/client/v4/accounts/${CLOUDFLARE_ACCOUNT_ID}/tokens/verify`,
    credential: bearerCredential,
    live: () => cloudflareVerified(),
    revoked: () => CLOUDFLARE_INVALID_TOKEN,
  },
];

/**
 * https://developers.cloudflare.com/api/resources/user/subresources/tokens/methods/delete/:
 * `DELETE /client/v4/user/tokens/{id}` with the id that verify names; the
 * envelope with `result: {id}`, then the token is dead.
 */
export const cloudflareRevocationRoutes: StandInRoute[] = [
  {
    method: 'DELETE',
    path: '/client/v4/user/tokens/f267e341f3dd4697bd3b9f71dd96247f',
    credential: bearerCredential,
    revokes: true,
    live: () => ({ status: 200, body: { success: true, errors: [], messages: [], result: { id: 'f267e341f3dd4697bd3b9f71dd96247f' } } }),
    revoked: () => CLOUDFLARE_INVALID_TOKEN,
  },
];

/** Cloudflare's answer to a token without the API Tokens Write permission. */
export const CLOUDFLARE_UNAUTHORIZED: StandInReply = { status: 403, body: { success: false, errors: [{ code: 9109, message: 'Unauthorized to access requested resource' }], messages: [], result: null } };
