import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Square RetrieveTokenStatus stand-in. The live body follows the example of
 * https://developer.squareup.com/docs/oauth-api/token-introspection
 * (`scopes`, `expires_at`, `client_id`, `merchant_id`); errors use Square's
 * error object (https://developer.squareup.com/docs/build-basics/handling-errors:
 * an `errors` array of `{category, code, detail}`), with the codes of
 * https://developer.squareup.com/reference/square/enums/ErrorCode. Square
 * answers a token it does not accept (wrong environment, unknown, replaced)
 * with 401 `AUTHENTICATION_ERROR` / `UNAUTHORIZED`.
 *
 * The path may start with the environment's host
 * (`/connect.squareupsandbox.com/oauth2/token/status`), for tests that
 * configure a base URL with `{host}` in its path.
 */
export const SQUARE_UNAUTHORIZED: StandInReply = {
  status: 401,
  body: { errors: [{ category: 'AUTHENTICATION_ERROR', code: 'UNAUTHORIZED', detail: 'This request could not be authorized.' }] },
};

export const SQUARE_TOKEN_STATUS_PATH = /^(?:\/(connect\.squareup\.com|connect\.squareupsandbox\.com))?\/oauth2\/token\/status$/;

export const SQUARE_TOKEN_STATUS: StandInReply = {
  status: 200,
  body: { scopes: ['PAYMENTS_READ', 'PAYMENTS_WRITE'], expires_at: '2022-10-20T22:03:46Z', client_id: 'CLIENT_ID', merchant_id: 'MLQW2BM0PQY7Y' },
};

export const squareRoutes: StandInRoute[] = [
  {
    method: 'POST',
    path: SQUARE_TOKEN_STATUS_PATH,
    credential: bearerCredential,
    live: () => SQUARE_TOKEN_STATUS,
    revoked: () => SQUARE_UNAUTHORIZED,
  },
];
