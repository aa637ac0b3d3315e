import { jsonObject, stringField } from '../http/responses.js';
import { unexpectedRevocationAnswer } from '../revocation/run-revocation.js';
import type { ProviderRevoker } from '../revocation/types.js';

/**
 * GitLab's self-revocation of a personal access token (GitLab 15.0+):
 * `DELETE /api/v4/personal_access_tokens/self` with the token in
 * `PRIVATE-TOKEN` revokes the token that made the request. 204 is accepted;
 * 401 (not a valid token: already revoked or expired) and 400/403 (GitLab
 * would not revoke it) are refused.
 */
export const gitlabRevoker: ProviderRevoker = {
  checkId: 'gitlab',
  provider: 'GitLab',
  detectors: ['gitlab-pat'],
  apiReference: 'https://docs.gitlab.com/api/personal_access_tokens/#revoke-a-personal-access-token',
  call: 'DELETE /api/v4/personal_access_tokens/self (the token revokes itself)',
  async revoke(input, env) {
    const res = await env.http.request({
      method: 'DELETE',
      url: `${env.baseUrl}/api/v4/personal_access_tokens/self`,
      headers: { 'private-token': input.secret.reveal() },
    });
    if (res.status === 204) return { outcome: 'accepted', reason: 'GitLab revoked the token', httpStatus: 204 };
    const body = jsonObject(res);
    if ([400, 401, 403].includes(res.status) && body) {
      return { outcome: 'refused', reason: `GitLab refused: ${stringField(body, 'message') ?? stringField(body, 'error') ?? `status ${res.status}`}`, httpStatus: res.status };
    }
    return unexpectedRevocationAnswer(res);
  },
};
