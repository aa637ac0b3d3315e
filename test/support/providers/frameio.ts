import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Frame.io API stand-in, legacy (v2) and V4. Bearer token on both
 * (https://developer.frame.io/platform/v2/authentication). Bodies:
 * - `GET /v2/me`: the response sample of
 *   https://developer.frame.io/platform/v2/api-reference/users/get-me
 *   (account_id, email, id, name; shortened); its 401 is the legacy
 *   `{code, errors, message}` error (the reference names these fields; the
 *   item fields and words are illustrative);
 * - `GET /v4/me`: the `ProfileResponse` example of
 *   https://developer.frame.io/platform/v4/api-reference/users/show, read
 *   for a legacy developer token only with `x-frameio-legacy-token-auth:
 *   true` (https://developer.frame.io/platform/docs/resources/migration);
 *   its 401 is the `Unauthorized` example `{"errors":[{"detail":"Unauthorized"}]}`.
 */
export const FRAMEIO_V2_UNAUTHORIZED: StandInReply = {
  status: 401,
  body: { code: 401, errors: [{ code: 401, detail: 'You are not authorized to access this resource', status: 401, title: 'Not Authorized' }], message: 'Not Authorized' },
};
export const FRAMEIO_V4_UNAUTHORIZED: StandInReply = { status: 401, body: { errors: [{ detail: 'Unauthorized' }] } };

export const FRAMEIO_V2_ME: StandInReply = {
  status: 200,
  body: { _type: 'user', account_id: 'bbbbbbbb-b12b-bbbb-bbbb-bbbbbbbbbbbb', email: 'jane@frame.io', id: 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa', name: 'Jane Doe' },
};
export const FRAMEIO_V4_ME: StandInReply = {
  status: 200,
  body: { data: { avatar_url: null, email: 'user_email@example.com', id: '9571e103-40c4-481a-8549-8f13495c537d', name: 'Name' } },
};

export const frameioV2Route: StandInRoute = {
  method: 'GET',
  path: '/v2/me',
  credential: bearerCredential,
  live: () => FRAMEIO_V2_ME,
  revoked: () => FRAMEIO_V2_UNAUTHORIZED,
};
export const frameioV4Route: StandInRoute = {
  method: 'GET',
  path: '/v4/me',
  credential: (request) => (request.headers['x-frameio-legacy-token-auth'] === 'true' ? bearerCredential(request) : undefined),
  live: () => FRAMEIO_V4_ME,
  revoked: () => FRAMEIO_V4_UNAUTHORIZED,
};

export const frameioRoutes: StandInRoute[] = [frameioV2Route, frameioV4Route];
