import type { RecordedRequest, StandInRoute } from '../provider-stand-in.js';

/**
 * GitLab REST API stand-in. The token body follows the example of
 * https://docs.gitlab.com/api/personal_access_tokens/#get-details-on-a-personal-access-token
 * (Self-inform), the user body https://docs.gitlab.com/api/users/#get-the-current-user;
 * an unknown, revoked or expired token gets GitLab's `401 Unauthorized` body.
 */
const UNAUTHORIZED = { status: 401, body: { message: '401 Unauthorized' } };

/** `PRIVATE-TOKEN: <token>` → token. */
export function privateTokenCredential(request: RecordedRequest): string | undefined {
  return request.headers['private-token'];
}

export const gitlabRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/api/v4/personal_access_tokens/self',
    credential: privateTokenCredential,
    live: () => ({
      status: 200,
      body: {
        id: 4,
        name: 'Test Token',
        revoked: false,
        created_at: '2020-07-23T14:31:47.729Z',
        description: 'Test Token description',
        scopes: ['api', 'read_repository'],
        user_id: 24,
        last_used_at: '2021-10-06T17:58:37.550Z',
        active: true,
        expires_at: null,
      },
    }),
    revoked: () => UNAUTHORIZED,
  },
  {
    method: 'GET',
    path: '/api/v4/user',
    credential: privateTokenCredential,
    live: () => ({
      status: 200,
      body: { id: 24, username: 'john_smith', email: 'john@example.com', name: 'John Smith', state: 'active', web_url: 'http://gitlab.example.com/john_smith' },
    }),
    revoked: () => UNAUTHORIZED,
  },
];

/**
 * https://docs.gitlab.com/api/personal_access_tokens/#revoke-a-personal-access-token
 * (self): 204 No Content, then the token is revoked; an invalid token gets 401.
 */
export const gitlabRevocationRoutes: StandInRoute[] = [
  { method: 'DELETE', path: '/api/v4/personal_access_tokens/self', credential: privateTokenCredential, revokes: true, live: () => ({ status: 204 }), revoked: () => UNAUTHORIZED },
];
