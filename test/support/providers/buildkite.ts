import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Buildkite REST API stand-in. The token body follows the example of
 * https://buildkite.com/docs/apis/rest-api/access-token#get-the-current-token
 * (`uuid`, `scopes`, `description`, `created_at`, `user`); the 401 body is
 * Buildkite's answer to a token it does not know (see
 * https://buildkite.com/docs/apis/rest-api#authentication).
 */
export const BUILDKITE_INVALID_TOKEN: StandInReply = {
  status: 401,
  body: { message: 'Authentication required. Please supply a valid API Access Token: https://buildkite.com/docs/apis/rest-api#authentication' },
};

export const buildkiteRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/v2/access-token',
    credential: bearerCredential,
    live: () => ({
      status: 200,
      body: {
        uuid: 'b63254c0-3271-4a98-8270-7cfbd6c2f14e',
        scopes: ['read_build', 'read_pipelines'],
        description: 'Deploy dashboard',
        created_at: '2025-01-15T10:20:30.000Z',
        user: { name: 'Keith Pitt', email: 'keith@example.com' },
      },
    }),
    revoked: () => BUILDKITE_INVALID_TOKEN,
  },
];
