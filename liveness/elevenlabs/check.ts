import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * ElevenLabs API keys (`sk_` + 48 hex). `GET /v1/user`, with the key in the
 * `xi-api-key` header, reads the account the key belongs to and changes
 * nothing (it is what ElevenLabs' own setup skill calls to validate a key).
 * 200: live, attributed to the user id. 401 with
 * `detail.status: "invalid_api_key"`: revoked. A key restricted away from
 * the User permission gets 401 `detail.status: "missing_permissions"`:
 * ElevenLabs recognised the key and only refused this endpoint, so it is
 * live (without an owner). Any other answer is unknown.
 *
 * The /v1/user body echoes the key (`xi_api_key`): it is never read.
 */
const REVOKED_STATUSES = new Set(['invalid_api_key']);

export const elevenlabsCheck: ProviderCheck = {
  id: 'elevenlabs',
  provider: 'ElevenLabs',
  detectors: ['elevenlabs-api-key'],
  apiReference: 'https://elevenlabs.io/docs/api-reference/user/get',
  defaultBaseUrl: 'https://api.elevenlabs.io',
  rateLimit: { max: 2, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl}/v1/user`, headers: { 'xi-api-key': input.secret.reveal() } });
    return readAnswer(res);
  },
};

function readAnswer(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && (stringField(body, 'user_id') || objectField(body, 'subscription'))) {
    const owner = attributeUser(body);
    return compact({ outcome: 'live', reason: 'ElevenLabs accepted the key', httpStatus: 200, owner: Object.keys(owner).length > 0 ? owner : undefined });
  }
  const detail = objectField(body, 'detail');
  const status = stringField(detail, 'status');
  if (res.status === 401 && status && REVOKED_STATUSES.has(status)) {
    return { outcome: 'revoked', reason: `ElevenLabs: ${status}`, httpStatus: 401 };
  }
  if (res.status === 401 && status === 'missing_permissions') {
    return { outcome: 'live', reason: 'ElevenLabs accepted the key (it may not read the user: missing_permissions)', httpStatus: 401 };
  }
  if ((res.status === 401 || res.status === 403) && status) {
    return { outcome: 'unknown', reason: `ElevenLabs refused the request without saying the key is invalid: ${status}`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

/** Attribution of `GET /v1/user`: the user id and first name, and the subscription tier as the account label. */
export function attributeUser(body: Record<string, unknown>): ProviderOwner {
  const tier = stringField(objectField(body, 'subscription'), 'tier');
  return compact({ user: stringField(body, 'user_id'), account: tier ? `${tier} subscription` : undefined });
}
