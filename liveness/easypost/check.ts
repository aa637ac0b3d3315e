import { jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck } from '../types.js';

/**
 * EasyPost production API keys. `GET /v2/addresses?page_size=1` lists (at
 * most one of) the account's saved addresses: a read that any key may make
 * and that changes nothing. The key is the HTTP basic user name, with no
 * password (https://docs.easypost.com/docs/authentication).
 * 200 with an `addresses` list: live. EasyPost error bodies are
 * `{"error":{"code","message","errors"}}` (https://docs.easypost.com/docs/errors);
 * a disabled key is answered with code `APIKEY.INACTIVE` ("This api key is no
 * longer active"): revoked. Any other 401/403 error code (a missing key, a
 * refused request), 402, 429, 5xx and HTML say nothing certain about the key:
 * unknown. This call names no owner, so there is no attribution.
 */
const ADDRESSES_PATH = '/v2/addresses?page_size=1';

/** The error code EasyPost gives for a key that was disabled. */
const INACTIVE_KEY_CODE = 'APIKEY.INACTIVE';

export const easypostCheck: ProviderCheck = {
  id: 'easypost',
  provider: 'EasyPost',
  detectors: ['easypost-production-api-key'],
  apiReference: 'https://docs.easypost.com/docs/addresses#retrieve-a-list-of-addresses',
  defaultBaseUrl: 'https://api.easypost.com',
  // EasyPost rate-limits per account by load; a check is one list call.
  rateLimit: { max: 2, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const headers = { authorization: `Basic ${Buffer.from(`${input.secret.reveal()}:`).toString('base64')}`, accept: 'application/json' };
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl}${ADDRESSES_PATH}`, headers });
    return readAddresses(res);
  },
};

function readAddresses(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && Array.isArray(body.addresses)) {
    return { outcome: 'live', reason: 'EasyPost accepted the key', httpStatus: 200 };
  }
  const error = body !== null && typeof body.error === 'object' && body.error !== null ? (body.error as Record<string, unknown>) : null;
  const code = stringField(error, 'code');
  if ((res.status === 401 || res.status === 403) && code === INACTIVE_KEY_CODE) {
    return { outcome: 'revoked', reason: `EasyPost: ${code} (the key is no longer active)`, httpStatus: res.status };
  }
  if ((res.status === 401 || res.status === 403) && code !== undefined) {
    return { outcome: 'unknown', reason: `EasyPost refused the request without saying the key is inactive: ${code}`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}
