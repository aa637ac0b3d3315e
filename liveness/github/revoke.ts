import { jsonObject, stringField } from '../http/responses.js';
import { unexpectedRevocationAnswer } from '../revocation/run-revocation.js';
import type { ProviderRevoker } from '../revocation/types.js';

/**
 * GitHub's credential revocation API: `POST /credentials/revoke` with
 * `{"credentials": [token]}`, meant for credentials the caller does not own
 * and found exposed. It must be sent unauthenticated (an authenticated
 * request gets 403), is limited to 60 requests an hour, and notifies the
 * token's owner. 202 means accepted: GitHub revokes asynchronously, so the
 * liveness check that follows may still see the token live for a moment.
 * 422 is "validation failed, or the endpoint has been spammed": refused.
 *
 * Refresh tokens (`ghr_`) are accepted by the API too, but no check can
 * confirm them (it needs the app's client secret), so they are not offered.
 */
export const githubRevoker: ProviderRevoker = {
  checkId: 'github',
  provider: 'GitHub',
  detectors: ['github-pat-classic', 'github-fine-grained-pat', 'github-oauth-token', 'github-user-to-server-token'],
  apiReference: 'https://docs.github.com/en/rest/credentials/revoke#revoke-a-list-of-credentials',
  call: 'POST /credentials/revoke (unauthenticated; the owner is notified)',
  async revoke(input, env) {
    const res = await env.http.request({
      method: 'POST',
      url: `${env.baseUrl}/credentials/revoke`,
      headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', 'content-type': 'application/json' },
      body: JSON.stringify({ credentials: [input.secret.reveal()] }),
    });
    if (res.status === 202) return { outcome: 'accepted', reason: 'GitHub accepted the revocation (it revokes asynchronously and notifies the owner)', httpStatus: 202 };
    const message = stringField(jsonObject(res), 'message');
    if (res.status === 422) return { outcome: 'refused', reason: `GitHub refused the revocation: ${message ?? 'validation failed, or the endpoint has been spammed'}`, httpStatus: 422 };
    if (res.status === 403 && message) return { outcome: 'refused', reason: `GitHub refused the revocation: ${message}`, httpStatus: 403 };
    return unexpectedRevocationAnswer(res);
  },
};
