import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Resend API stand-in. The live body follows the example of
 * https://resend.com/docs/api-reference/domains/list-domains; the error
 * bodies (`{statusCode, message, name}`) are those of
 * https://resend.com/docs/api-reference/errors: `invalid_api_key` for an
 * unknown or deleted key, `restricted_api_key` for a sending-only key.
 * The stand-in holds `re_`-keys whose key id starts with `S` as sending-only.
 */
export const RESEND_INVALID_KEY: StandInReply = { status: 403, body: { statusCode: 403, message: 'API key is invalid', name: 'invalid_api_key' } };
export const RESEND_RESTRICTED_KEY: StandInReply = {
  status: 401,
  body: { statusCode: 401, message: 'This API key is restricted to only send emails', name: 'restricted_api_key' },
};

export const resendRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/domains',
    credential: bearerCredential,
    live: (_request, key) =>
      key.startsWith('re_S')
        ? RESEND_RESTRICTED_KEY
        : {
            status: 200,
            body: {
              object: 'list',
              has_more: false,
              data: [{ id: 'd91cd9bd-1176-453e-8fc1-35364d380206', name: 'example.com', status: 'not_started', created_at: '2023-04-26T20:21:26.347412+00:00', region: 'us-east-1' }],
            },
          },
    revoked: () => RESEND_INVALID_KEY,
  },
];
