import { bearerCredential, type RecordedRequest, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Heroku Platform API stand-in. The account body follows the example of
 * https://devcenter.heroku.com/articles/platform-api-reference#account-info;
 * the 401 body is Heroku's error object for a key it does not know
 * (`id` "unauthorized", see
 * https://devcenter.heroku.com/articles/platform-api-reference#error-responses).
 * Heroku reads the key from `Authorization: Bearer` and needs the API version
 * in Accept; without it the stand-in does not read the key, so a check that
 * leaves it out fails its live test.
 */
export const HEROKU_INVALID_KEY: StandInReply = { status: 401, body: { id: 'unauthorized', message: 'Invalid credentials provided.' } };

function herokuCredential(request: RecordedRequest): string | undefined {
  return /application\/vnd\.heroku\+json;\s*version=3/.test(request.headers.accept ?? '') ? bearerCredential(request) : undefined;
}

export const herokuRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/account',
    credential: herokuCredential,
    live: () => ({
      status: 200,
      body: {
        allow_tracking: true,
        beta: false,
        created_at: '2012-01-01T12:00:00Z',
        email: 'username@example.com',
        federated: false,
        id: '01234567-89ab-cdef-0123-456789abcdef',
        last_login: '2012-01-01T12:00:00Z',
        name: 'Tina Edmonds',
        sms_number: null,
        two_factor_authentication: false,
        updated_at: '2012-01-01T12:00:00Z',
        verified: false,
      },
    }),
    revoked: () => HEROKU_INVALID_KEY,
  },
];
