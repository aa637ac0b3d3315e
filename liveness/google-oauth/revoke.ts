import { isHtml, jsonObject, stringField } from '../http/responses.js';
import { unexpectedRevocationAnswer } from '../revocation/run-revocation.js';
import type { ProviderRevoker } from '../revocation/types.js';

/**
 * Google's OAuth 2.0 revocation endpoint: `POST /revoke` with
 * `token=<access token>` form-encoded. 200 is accepted (the grant behind the
 * token is revoked too); 400 `invalid_token` ("Token expired or revoked") is
 * refused.
 */
export const googleOauthRevoker: ProviderRevoker = {
  checkId: 'google-oauth',
  provider: 'Google',
  detectors: ['google-oauth-access-token'],
  apiReference: 'https://developers.google.com/identity/protocols/oauth2/web-server#tokenrevoke',
  call: 'POST https://oauth2.googleapis.com/revoke (token=…; revokes the grant)',
  async revoke(input, env) {
    const res = await env.http.request({
      method: 'POST',
      url: `${env.baseUrl}/revoke`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${encodeURIComponent(input.secret.reveal())}`,
    });
    // Google answers success with an empty (or JSON) body; a 200 HTML page is a sign-in portal, not Google.
    if (res.status === 200 && !isHtml(res)) return { outcome: 'accepted', reason: 'Google revoked the token', httpStatus: 200 };
    const body = jsonObject(res);
    const error = stringField(body, 'error');
    if (res.status === 400 && error) return { outcome: 'refused', reason: `Google refused: ${error}${stringField(body, 'error_description') ? ` (${stringField(body, 'error_description')})` : ''}`, httpStatus: 400 };
    return unexpectedRevocationAnswer(res);
  },
};
