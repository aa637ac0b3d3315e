import { bearerCredential, type RecordedRequest, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Intercom REST API stand-in. The token travels as `Authorization: Bearer`
 * (https://developers.intercom.com/docs/build-an-integration/learn-more/authentication);
 * the live body follows the "Successful response" example of "Identify an
 * admin" (`GET /me`,
 * https://developers.intercom.com/docs/references/rest-api/api.intercom.io/admins/identifyadmin);
 * the refusal is the 401 "Unauthorized" example of Intercom's OpenAPI
 * description (intercom/Intercom-OpenAPI, descriptions/2.14), an error list
 * with code `unauthorized` and message "Access Token Invalid".
 *
 * Regions: the tests point every region at this stand-in with the base URL
 * `<stand-in>/{host}`, so a request's first path segment names the regional
 * host it stands for (`/api.au.intercom.io/me`). A credential the stand-in
 * holds is `<host> <token>` (see `intercomRegional`): valid at that host
 * only, refused at the others. Without a host segment the credential is the
 * bare token.
 */
export const INTERCOM_UNAUTHORIZED: StandInReply = {
  status: 401,
  body: { type: 'error.list', request_id: 'e76b2df0-2413-4215-8a5a-b5f6ebd4e642', errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] },
};

const PATH = /^(?:\/([a-z0-9.-]+))?\/me$/;

/** What the stand-in holds for a token valid at one regional host. */
export function intercomRegional(host: string, token: string): string {
  return `${host} ${token}`;
}

function intercomCredential(request: RecordedRequest): string | undefined {
  const token = bearerCredential(request);
  if (!token) return undefined;
  const host = PATH.exec(request.path)?.[1];
  return host ? intercomRegional(host, token) : token;
}

export const intercomRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: PATH,
    credential: intercomCredential,
    live: () => ({
      status: 200,
      body: {
        type: 'admin',
        id: '991267459',
        email: 'admin1@email.com',
        name: 'Ciaran1 Lee',
        email_verified: true,
        app: {
          type: 'app',
          id_code: 'this_is_an_id1_that_should_be_at_least_40',
          name: 'MyApp 1',
          created_at: 1734537243,
          secure: false,
          identity_verification: false,
          timezone: 'America/Los_Angeles',
          region: 'US',
        },
        avatar: { type: 'avatar', image_url: 'https://static.intercomassets.com/assets/default-avatars/admins/128.png' },
        has_inbox_seat: true,
      },
    }),
    revoked: () => INTERCOM_UNAUTHORIZED,
  },
];
