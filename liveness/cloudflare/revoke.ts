import { jsonObject, objectField, stringField } from '../http/responses.js';
import { unexpectedRevocationAnswer } from '../revocation/run-revocation.js';
import type { ProviderRevoker } from '../revocation/types.js';

/**
 * Cloudflare user API tokens: `GET /client/v4/user/tokens/verify` names the
 * token's id, then `DELETE /client/v4/user/tokens/{id}` deletes it, both
 * authenticated by the token. Deleting needs the token to hold the "API
 * Tokens Write" permission; without it Cloudflare answers 403 (error 9109,
 * "Unauthorized to access requested resource"): refused, as is 401 (unknown
 * token) at either step. 200 with `success: true` is accepted. Account-owned
 * tokens need the account id, which a finding does not carry: not offered.
 */
export const cloudflareRevoker: ProviderRevoker = {
  checkId: 'cloudflare',
  provider: 'Cloudflare',
  detectors: ['cloudflare-user-api-token'],
  apiReference: 'https://developers.cloudflare.com/api/resources/user/subresources/tokens/methods/delete/',
  call: 'GET /client/v4/user/tokens/verify, then DELETE /client/v4/user/tokens/{id} (needs the API Tokens Write permission)',
  async revoke(input, env) {
    const headers = { authorization: `Bearer ${input.secret.reveal()}` };
    const verify = await env.http.request({ method: 'GET', url: `${env.baseUrl}/client/v4/user/tokens/verify`, headers });
    const verified = jsonObject(verify);
    const id = verify.status === 200 && verified?.success === true ? stringField(objectField(verified, 'result'), 'id') : undefined;
    if (!id) return refusedOrUnexpected(verify, verified);
    if (!/^[0-9a-f]{32}$/.test(id)) return { outcome: 'failed', reason: 'Cloudflare named a token id of an unexpected shape', httpStatus: verify.status };
    const res = await env.http.request({ method: 'DELETE', url: `${env.baseUrl}/client/v4/user/tokens/${id}`, headers });
    const body = jsonObject(res);
    if (res.status === 200 && body?.success === true) return { outcome: 'accepted', reason: 'Cloudflare deleted the token', httpStatus: 200 };
    return refusedOrUnexpected(res, body);
  },
};

function refusedOrUnexpected(res: Parameters<typeof unexpectedRevocationAnswer>[0], body: Record<string, unknown> | null) {
  if ((res.status === 401 || res.status === 403) && body?.success === false) {
    const errors = Array.isArray(body.errors) ? (body.errors as Array<{ code?: unknown; message?: unknown }>) : [];
    const text = errors.map((e) => `${typeof e.message === 'string' ? e.message : 'error'}${typeof e.code === 'number' ? ` (${e.code})` : ''}`).join('; ');
    return { outcome: 'refused' as const, reason: `Cloudflare refused: ${text || `status ${res.status}`}`, httpStatus: res.status };
  }
  return unexpectedRevocationAnswer(res);
}
