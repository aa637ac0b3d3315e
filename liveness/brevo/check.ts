import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Brevo (Sendinblue) API keys (`xkeysib-`), sent in the `api-key` header.
 * `GET /v3/account` is the call Brevo's own getting-started guide uses to
 * validate a key: it returns the account's details and changes nothing.
 *
 * - 200 with the account: live (company, email, user name).
 * - 401 `{"code":"unauthorized","message":"Key not found"}`: Brevo does not
 *   know the key (deleted or never issued): revoked.
 * - Brevo also answers 401 `unauthorized` for a valid key used from an
 *   address outside the account's authorized IPs ("We have detected you are
 *   using an unrecognised IP address ..."), and 403 for a suspended or
 *   restricted account: those say nothing about the key: unknown.
 */
const INVALID_KEY = /key not found/i;

export const brevoCheck: ProviderCheck = {
  id: 'brevo',
  provider: 'Brevo',
  detectors: ['brevo-api-key'],
  apiReference: 'https://developers.brevo.com/reference/get-account',
  defaultBaseUrl: 'https://api.brevo.com',
  // Account endpoints allow a few requests a second; one request per check.
  rateLimit: { max: 2, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl.replace(/\/+$/, '')}/v3/account`,
      headers: { 'api-key': input.secret.reveal() },
    });
    return readAnswer(res);
  },
};

function readAnswer(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && stringField(body, 'email')) {
    return compact({ outcome: 'live', reason: 'Brevo accepted the key', httpStatus: 200, owner: attributeAccount(body) });
  }
  const message = stringField(body, 'message');
  if (res.status === 401 && message !== undefined && INVALID_KEY.test(message)) {
    return { outcome: 'revoked', reason: `Brevo: ${message}`, httpStatus: 401 };
  }
  if ((res.status === 401 || res.status === 403) && message !== undefined) {
    return { outcome: 'unknown', reason: `Brevo refused the request without saying the key is invalid: ${message.slice(0, 120)}`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

/** Attribution of `GET /v3/account`: company (account), contact email and name (user). */
export function attributeAccount(body: Record<string, unknown>): ProviderOwner {
  const name = [stringField(body, 'firstName'), stringField(body, 'lastName')].filter(Boolean).join(' ');
  const company = stringField(body, 'companyName') ?? stringField(objectField(body, 'organization'), 'name');
  return compact({ account: company, email: stringField(body, 'email'), user: name || undefined });
}
