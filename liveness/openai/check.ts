import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * OpenAI keys. Project, service-account and legacy user keys call
 * `GET /v1/models`, the cheapest authenticated read OpenAI has: no tokens
 * billed, nothing changed, every key may list models. Admin keys cannot
 * call the model API; they call `GET /v1/organization/admin_api_keys?limit=1`,
 * the Admin API read that every admin key may make (it lists the
 * organization's admin keys, one item, redacted by OpenAI).
 *
 * 200 is live. OpenAI's answer names no owner; the `openai-organization`
 * response header, when sent, gives the organization. 401 with error code
 * `invalid_api_key` means OpenAI does not know the key: revoked. A
 * restricted key without the models permission is refused with "insufficient
 * permissions" / "Missing scopes" (401 or 403): OpenAI authenticated it, so
 * it is live. Any other 401 is unknown.
 */
export const openaiCheck: ProviderCheck = {
  id: 'openai',
  provider: 'OpenAI',
  detectors: ['openai-api-key', 'openai-admin-key'],
  apiReference: 'https://platform.openai.com/docs/api-reference/models/list',
  defaultBaseUrl: 'https://api.openai.com',
  // Model listing is not billed and OpenAI does not publish a limit for it; stay gentle.
  rateLimit: { max: 5, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const admin = input.detector === 'openai-admin-key';
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl}${admin ? '/v1/organization/admin_api_keys?limit=1' : '/v1/models'}`,
      headers: { authorization: `Bearer ${input.secret.reveal()}` },
    });
    return readAnswer(res);
  },
};

const MISSING_PERMISSION = /insufficient permissions|missing scopes/i;

function readAnswer(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  const error = objectField(body, 'error');
  if (res.status === 200 && body && Array.isArray(body.data)) {
    return compact({ outcome: 'live', reason: 'OpenAI accepted the key', httpStatus: 200, owner: attributeOpenaiHeaders(res.headers) });
  }
  if ((res.status === 401 || res.status === 403) && error && MISSING_PERMISSION.test(stringField(error, 'message') ?? '')) {
    return compact({ outcome: 'live', reason: 'OpenAI accepted the key but it may not read this resource', httpStatus: res.status, owner: attributeOpenaiHeaders(res.headers) });
  }
  if (res.status === 401 && stringField(error, 'code') === 'invalid_api_key') {
    return { outcome: 'revoked', reason: 'OpenAI: invalid_api_key', httpStatus: 401 };
  }
  if (res.status === 401 && error) {
    return { outcome: 'unknown', reason: `OpenAI refused the request (${stringField(error, 'code') ?? stringField(error, 'type') ?? '401'})`, httpStatus: 401 };
  }
  return unexpectedResponse(res);
}

/**
 * Attribution: OpenAI's bodies name no owner for these calls; the
 * `openai-organization` response header names the organization (id or
 * slug) when OpenAI sends it.
 */
export function attributeOpenaiHeaders(headers: Readonly<Record<string, string>>): ProviderOwner | undefined {
  const organization = headers['openai-organization']?.trim();
  return organization ? { account: organization } : undefined;
}
