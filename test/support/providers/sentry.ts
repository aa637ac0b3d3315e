import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Sentry web API stand-in. The live body follows the example response of
 * https://docs.sentry.io/api/organizations/list-your-organizations/ (shortened);
 * the 401 body is Sentry's `{"detail": "Invalid token"}` for a bearer token it
 * does not authenticate, and the 403 body the permission refusal of a token
 * whose scopes do not cover the call (https://docs.sentry.io/api/auth/).
 */
export const SENTRY_INVALID_TOKEN: StandInReply = { status: 401, body: { detail: 'Invalid token' } };
export const SENTRY_NO_PERMISSION: StandInReply = { status: 403, body: { detail: 'You do not have permission to perform this action.' } };

export const sentryRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/api/0/organizations/',
    credential: bearerCredential,
    live: () => ({
      status: 200,
      body: [
        {
          avatar: { avatarType: 'letter_avatar', avatarUuid: null },
          dateCreated: '2018-11-06T21:19:55.101Z',
          features: ['session-replay'],
          hasAuthProvider: false,
          id: '2',
          isEarlyAdopter: false,
          links: { organizationUrl: 'https://the-interstellar-jurisdiction.sentry.io', regionUrl: 'https://us.sentry.io' },
          name: 'The Interstellar Jurisdiction',
          require2FA: false,
          slug: 'the-interstellar-jurisdiction',
          status: { id: 'active', name: 'active' },
        },
      ],
    }),
    revoked: () => SENTRY_INVALID_TOKEN,
  },
];
