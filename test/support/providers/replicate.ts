import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Replicate HTTP API stand-in. The account body follows the example of
 * https://replicate.com/docs/reference/http#account.get (`type`, `username`,
 * `name`, `github_url`); the 401 body is Replicate's problem-details answer
 * to a missing or invalid token (https://replicate.com/docs/topics/predictions/errors).
 */
export const REPLICATE_INVALID_TOKEN: StandInReply = {
  status: 401,
  body: { title: 'Unauthenticated', detail: 'You did not pass a valid authentication token', status: 401 },
};

export const replicateRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/v1/account',
    credential: bearerCredential,
    live: () => ({ status: 200, body: { type: 'user', username: 'aron', name: 'Aron Carroll', github_url: 'https://github.com/aron' } }),
    revoked: () => REPLICATE_INVALID_TOKEN,
  },
];
