import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Tailscale API stand-in. The keys body follows the example of
 * https://tailscale.com/api#tag/keys/GET/tailnet/{tailnet}/keys (`keys`, a
 * list of `{id}` for the caller's own keys); the 401 body is Tailscale's
 * answer to an unknown, expired or revoked access token.
 */
export const TAILSCALE_INVALID_TOKEN: StandInReply = { status: 401, body: { message: 'API token invalid' } };

export const tailscaleRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/api/v2/tailnet/-/keys',
    credential: bearerCredential,
    live: () => ({ status: 200, body: { keys: [{ id: 'XXXX14CNTRL' }, { id: 'XXXXZ3CNTRL' }] } }),
    revoked: () => TAILSCALE_INVALID_TOKEN,
  },
];
