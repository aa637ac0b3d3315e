import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * CircleCI API v2 stand-in. The user body follows the example of
 * https://circleci.com/docs/api/v2/index.html#operation/getCurrentUser
 * (`id`, `login`, `name`); the 401 body is CircleCI's answer to a token it
 * does not know. CircleCI reads the token from the `Circle-Token` header
 * (https://circleci.com/docs/api-developers-guide/#authentication-and-authorization);
 * the stand-in reads only that header.
 */
export const CIRCLECI_INVALID_TOKEN: StandInReply = { status: 401, body: { message: 'You must log in first.' } };

/** `Circle-Token: <token>` → token. */
export function circleTokenCredential(request: RecordedRequest): string | undefined {
  const value = request.headers['circle-token'];
  return value ? value : undefined;
}

export const circleciRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/api/v2/me',
    credential: circleTokenCredential,
    live: () => ({ status: 200, body: { id: '5034460f-c7c4-4c43-9457-de07e2029e7b', login: 'octocat', name: 'The Octocat' } }),
    revoked: () => CIRCLECI_INVALID_TOKEN,
  },
];
