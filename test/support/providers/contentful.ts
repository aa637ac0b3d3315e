import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Contentful Content Management API stand-in. The user body follows the
 * "Get the authenticated user" example of
 * https://www.contentful.com/developers/docs/references/content-management-api/#/reference/users/user
 * (`firstName`, `lastName`, `email`, `sys.id`); the 401 body is Contentful's
 * documented answer for a token it does not know, from
 * https://www.contentful.com/developers/docs/references/authentication/
 * (`sys.id` `AccessTokenInvalid`). The CMA reads the token from
 * `Authorization: Bearer <token>` (the `access_token` query form is not used by the check).
 */
export const CONTENTFUL_INVALID_TOKEN: StandInReply = {
  status: 401,
  body: { sys: { type: 'Error', id: 'AccessTokenInvalid' }, message: 'The access token you sent could not be found or is invalid.', requestId: 'stand-in-1' },
};

export const contentfulRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/users/me',
    credential: bearerCredential,
    live: () => ({
      status: 200,
      body: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        avatarUrl: 'https://images.contentful.com/avatar.png',
        email: 'ada@example.com',
        activated: true,
        signInCount: 12,
        confirmed: true,
        '2faEnabled': false,
        sys: { type: 'User', id: '7BslKh9TdKGOK41VmLDjFZ', version: 1, createdAt: '2015-05-18T11:29:46.809Z', updatedAt: '2015-05-18T11:29:46.809Z' },
      },
      headers: { 'content-type': 'application/vnd.contentful.management.v1+json' },
    }),
    revoked: () => CONTENTFUL_INVALID_TOKEN,
  },
];
