import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * Postman API stand-in. The `/me` body follows the example of
 * https://learning.postman.com/api-docs/api-reference/users/get-authenticated-user;
 * the 401 body is Postman's `AuthenticationError` for an invalid key (see
 * https://learning.postman.com/docs/developer/postman-api/authentication/).
 */
export const POSTMAN_INVALID_KEY: StandInReply = {
  status: 401,
  body: { error: { name: 'AuthenticationError', message: 'Invalid API Key. Every request requires a valid API Key to be sent.' } },
};

/** Postman reads the key from `X-API-Key`. */
function apiKeyCredential(request: RecordedRequest): string | undefined {
  return request.headers['x-api-key'];
}

export const postmanRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/me',
    credential: apiKeyCredential,
    live: () => ({
      status: 200,
      headers: { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '299' },
      body: {
        user: {
          id: 12345678,
          username: 'taylor-lee',
          email: 'taylor.lee@example.com',
          fullName: 'Taylor Lee',
          avatar: null,
          isPublic: true,
          teamId: 123,
          teamName: 'Test Team',
          teamDomain: 'test-team',
          roles: ['user', 'flow-editor'],
        },
        operations: [{ name: 'api_usage', limit: 1000, usage: 8, overage: 0 }],
      },
    }),
    revoked: () => POSTMAN_INVALID_KEY,
  },
];
