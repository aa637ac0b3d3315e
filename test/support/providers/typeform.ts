import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Typeform `GET /me` stand-in. The live body has the fields Typeform returns
 * for "Retrieve your own account" (`alias`, `email`, `language`, `user_id`).
 * Errors use Typeform's error object `{code, description}`
 * (https://www.typeform.com/developers/troubleshooting/): an unknown or
 * deleted token gets 403 `AUTHENTICATION_FAILED` "Authentication failed";
 * a request without a token gets 401 `AUTHENTICATION_FAILED`
 * "Authentication credentials not found on the Request Headers".
 *
 * The path may start with the stack's host (`/api.typeform.eu/me`), for
 * tests that configure a base URL with `{host}` in its path.
 */
export const TYPEFORM_AUTHENTICATION_FAILED: StandInReply = { status: 403, body: { code: 'AUTHENTICATION_FAILED', description: 'Authentication failed' } };
export const TYPEFORM_NO_CREDENTIALS: StandInReply = {
  status: 401,
  body: { code: 'AUTHENTICATION_FAILED', description: 'Authentication credentials not found on the Request Headers' },
};

export const TYPEFORM_ME_PATH = /^(?:\/(api\.typeform\.com|api\.typeform\.eu))?\/me$/;

export const TYPEFORM_ME: StandInReply = {
  status: 200,
  body: { alias: 'johndoe', email: 'johndoe@example.com', language: 'en', user_id: '01H8ZQ6E4K9YV2M3N5P7R8S9T0' },
};

export const typeformRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: TYPEFORM_ME_PATH,
    credential: bearerCredential,
    live: () => TYPEFORM_ME,
    revoked: (request) => (request.headers.authorization ? TYPEFORM_AUTHENTICATION_FAILED : TYPEFORM_NO_CREDENTIALS),
  },
];
