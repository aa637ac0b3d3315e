import { jsonObject } from '../http/responses.js';
import { unexpectedRevocationAnswer } from '../revocation/run-revocation.js';
import type { ProviderRevoker } from '../revocation/types.js';

/**
 * SendGrid's "Delete API key": `DELETE /v3/api_keys/{api_key_id}`, where the
 * id is the middle part of `SG.<id>.<secret>`, authenticated by the key
 * itself. It needs the key to hold the `api_keys.delete` scope (full-access
 * keys do); a restricted key without it gets 403 "access forbidden":
 * refused, as is 401 (unknown or already deleted key) and 404. 204 is
 * accepted.
 */
export const sendgridRevoker: ProviderRevoker = {
  checkId: 'sendgrid',
  provider: 'Twilio SendGrid',
  detectors: ['sendgrid-api-key'],
  apiReference: 'https://www.twilio.com/docs/sendgrid/api-reference/api-keys/delete-api-keys',
  call: 'DELETE /v3/api_keys/{id} (the key deletes itself; needs the api_keys.delete scope)',
  async revoke(input, env) {
    const key = input.secret.reveal();
    const id = sendgridKeyId(key);
    if (!id) return { outcome: 'failed', reason: 'not an SG.<id>.<secret> key' };
    const res = await env.http.request({ method: 'DELETE', url: `${env.baseUrl}/v3/api_keys/${id}`, headers: { authorization: `Bearer ${key}` } });
    if (res.status === 204) return { outcome: 'accepted', reason: 'SendGrid deleted the key', httpStatus: 204 };
    const errors = jsonObject(res)?.errors;
    if ([401, 403, 404].includes(res.status) && Array.isArray(errors)) {
      const message = errors.map((e) => (e && typeof e === 'object' ? (e as { message?: unknown }).message : undefined)).filter((m): m is string => typeof m === 'string');
      return { outcome: 'refused', reason: `SendGrid refused: ${message.join('; ') || `status ${res.status}`}`, httpStatus: res.status };
    }
    return unexpectedRevocationAnswer(res);
  },
};

/** The key id of `SG.<id>.<secret>`: the part SendGrid's API calls `api_key_id`. */
export function sendgridKeyId(key: string): string | undefined {
  return /^SG\.([A-Za-z0-9_-]{16,32})\.[A-Za-z0-9_-]+$/.exec(key)?.[1];
}
