import { jsonObject } from '../http/responses.js';
import { unexpectedRevocationAnswer } from '../revocation/run-revocation.js';
import type { ProviderRevoker } from '../revocation/types.js';

/**
 * Doppler's "Revoke auth token": `POST /v3/auth/revoke` with `{"token": …}`,
 * authenticated by the same token, revokes it (personal, CLI and service
 * tokens alike). 200 `{"success": true}` is accepted; 401 with Doppler's
 * `messages` envelope ("Invalid Auth token": already revoked or unknown) and
 * 403 (a token that may not revoke itself) are refused.
 */
export const dopplerRevoker: ProviderRevoker = {
  checkId: 'doppler',
  provider: 'Doppler',
  detectors: ['doppler-token'],
  apiReference: 'https://docs.doppler.com/reference/auth-revoke',
  call: 'POST /v3/auth/revoke (the token revokes itself)',
  async revoke(input, env) {
    const token = input.secret.reveal();
    // SCIM and audit tokens are never checked (see check.ts): nothing could confirm their revocation.
    const kind = input.context.kind?.split('.')[0] ?? token.split('.')[1] ?? '';
    if (kind === 'scim' || kind === 'audit') return { outcome: 'failed', reason: `a Doppler ${kind} token is not checked, so its revocation could not be confirmed; revoke it in the dashboard` };
    const res = await env.http.request({
      method: 'POST',
      url: `${env.baseUrl}/v3/auth/revoke`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    const body = jsonObject(res);
    if (res.status === 200 && body?.success === true) return { outcome: 'accepted', reason: 'Doppler revoked the token', httpStatus: 200 };
    const messages = Array.isArray(body?.messages) ? (body.messages as unknown[]).filter((m): m is string => typeof m === 'string') : [];
    if ((res.status === 401 || res.status === 403) && body?.success === false) {
      return { outcome: 'refused', reason: `Doppler refused: ${messages.join('; ') || `status ${res.status}`}`, httpStatus: res.status };
    }
    return unexpectedRevocationAnswer(res);
  },
};
