import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Google OAuth 2.0 access tokens (`ya29.`). `GET /tokeninfo?access_token=`
 * on oauth2.googleapis.com is Google's documented way to inspect an access
 * token: it reads only the token's own grant (client, subject, scopes,
 * expiry) and calls no API on the user's behalf. Google reads the token from
 * the query string there, as documented; the request URL therefore holds the
 * secret, so nothing here (reason, owner) ever quotes the URL, and the HTTP
 * client's errors name the origin only.
 *
 * 200 with `aud`/`azp` and `expires_in`: live; the scopes are the grant's
 * and the owner is the email (when the token holds the email scope), the
 * subject id and the OAuth client. 400 with `{"error":"invalid_token"}`
 * ("Invalid Value"): the token is unknown, expired or revoked: revoked
 * (access tokens live an hour, so most leaked ones end here). Anything else
 * is unknown.
 */
export const googleOauthCheck: ProviderCheck = {
  id: 'google-oauth',
  provider: 'Google',
  detectors: ['google-oauth-access-token'],
  apiReference: 'https://cloud.google.com/docs/authentication/token-types#access-contents',
  defaultBaseUrl: 'https://oauth2.googleapis.com',
  // tokeninfo is meant for debugging, not bulk validation: stay well below any quota.
  rateLimit: { max: 2, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl}/tokeninfo?access_token=${encodeURIComponent(input.secret.reveal())}`,
    });
    return readAnswer(res);
  },
};

function readAnswer(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && (stringField(body, 'aud') || stringField(body, 'azp')) && stringField(body, 'expires_in')) {
    const scope = stringField(body, 'scope');
    const owner = attributeTokeninfo(body);
    return compact({
      outcome: 'live',
      reason: `Google accepted the token (expires in ${stringField(body, 'expires_in')} s)`,
      httpStatus: 200,
      owner: Object.keys(owner).length > 0 ? owner : undefined,
      scopes: scope ? scope.split(/\s+/).filter((s) => s.length > 0) : undefined,
    });
  }
  const error = stringField(body, 'error');
  if (res.status === 400 && error === 'invalid_token') {
    return { outcome: 'revoked', reason: 'Google: invalid_token (unknown, expired or revoked)', httpStatus: 400 };
  }
  return unexpectedResponse(res);
}

/**
 * Attribution of tokeninfo: the email when the token's scopes let Google say
 * it, else the subject (Google account id); the OAuth client id as the token's label.
 */
export function attributeTokeninfo(body: Record<string, unknown>): ProviderOwner {
  return compact({ user: stringField(body, 'sub'), email: stringField(body, 'email'), tokenName: stringField(body, 'azp') ?? stringField(body, 'aud') });
}
