import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * Google OAuth 2.0 tokeninfo stand-in. Google reads the access token from
 * the `access_token` query parameter
 * (https://cloud.google.com/docs/authentication/token-types#access-contents).
 * The live body has the fields tokeninfo returns for an access token (azp,
 * aud, sub, scope, exp, expires_in, email, email_verified, access_type;
 * numbers as strings); an unknown, expired or revoked token gets 400
 * `{"error":"invalid_token","error_description":"Invalid Value"}`.
 */
export const GOOGLE_OAUTH_INVALID_TOKEN: StandInReply = { status: 400, body: { error: 'invalid_token', error_description: 'Invalid Value' } };

export const GOOGLE_OAUTH_CLIENT = '407408718192.apps.googleusercontent.com';

/** `?access_token=<token>` → token. */
export function accessTokenQueryCredential(request: RecordedRequest): string | undefined {
  return request.query.get('access_token') ?? undefined;
}

export const googleOauthRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/tokeninfo',
    credential: accessTokenQueryCredential,
    live: () => ({
      status: 200,
      body: {
        azp: GOOGLE_OAUTH_CLIENT,
        aud: GOOGLE_OAUTH_CLIENT,
        sub: '110248495921238986420',
        scope: 'https://www.googleapis.com/auth/drive.readonly https://www.googleapis.com/auth/userinfo.email openid',
        exp: '1767225600',
        expires_in: '3412',
        email: 'ana.lopez@example.com',
        email_verified: 'true',
        access_type: 'offline',
      },
    }),
    revoked: () => GOOGLE_OAUTH_INVALID_TOKEN,
  },
];

/** `token=<token>` from a form body. */
function formTokenCredential(request: RecordedRequest): string | undefined {
  if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return undefined;
  return new URLSearchParams(request.body).get('token') ?? undefined;
}

/**
 * https://developers.google.com/identity/protocols/oauth2/web-server#tokenrevoke:
 * 200 with an empty body, then the token is dead; an unknown or dead token
 * gets 400 `invalid_token` ("Token expired or revoked").
 */
export const googleOauthRevocationRoutes: StandInRoute[] = [
  {
    method: 'POST',
    path: '/revoke',
    credential: formTokenCredential,
    revokes: true,
    live: () => ({ status: 200, body: {} }),
    revoked: () => ({ status: 400, body: { error: 'invalid_token', error_description: 'Token expired or revoked' } }),
  },
];
