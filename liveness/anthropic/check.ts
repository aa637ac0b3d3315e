import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Anthropic keys, sent as `x-api-key` with `anthropic-version: 2023-06-01`.
 * API keys call `GET /v1/models?limit=1`: a read of the model list, not
 * billed, open to every key. Admin keys call `GET /v1/organizations/me`,
 * the Admin API read that returns the key's own organization.
 *
 * 200 is live (an admin key's answer names the organization; an API key's
 * answer carries the organization id in the `anthropic-organization-id`
 * header when sent). 401 `authentication_error` means Anthropic does not
 * accept the key: revoked. 403 `permission_error` means the key
 * authenticated but may not read this resource: live.
 */
const ANTHROPIC_VERSION = '2023-06-01';

export const anthropicCheck: ProviderCheck = {
  id: 'anthropic',
  provider: 'Anthropic',
  detectors: ['anthropic-api-key', 'anthropic-admin-key'],
  apiReference: 'https://docs.anthropic.com/en/api/models-list',
  defaultBaseUrl: 'https://api.anthropic.com',
  // Listing models is not billed; stay well under the per-organization request limits.
  rateLimit: { max: 5, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const admin = input.detector === 'anthropic-admin-key';
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl}${admin ? '/v1/organizations/me' : '/v1/models?limit=1'}`,
      headers: { 'x-api-key': input.secret.reveal(), 'anthropic-version': ANTHROPIC_VERSION },
    });
    return readAnswer(res, admin);
  },
};

function readAnswer(res: LivenessResponse, admin: boolean): LivenessVerdict {
  const body = jsonObject(res);
  const errorType = stringField(objectField(body, 'error'), 'type');
  if (res.status === 200 && body && (admin ? stringField(body, 'id') : Array.isArray(body.data))) {
    const owner = admin ? attributeAnthropicOrganization(body) : attributeAnthropicHeaders(res.headers);
    return compact({ outcome: 'live', reason: 'Anthropic accepted the key', httpStatus: 200, owner });
  }
  if (res.status === 401 && errorType === 'authentication_error') return { outcome: 'revoked', reason: 'Anthropic: authentication_error', httpStatus: 401 };
  if (res.status === 403 && errorType === 'permission_error') {
    return compact({ outcome: 'live', reason: 'Anthropic accepted the key but it may not read this resource', httpStatus: 403, owner: attributeAnthropicHeaders(res.headers) });
  }
  return unexpectedResponse(res);
}

/** Attribution of an admin key: the organization of `GET /v1/organizations/me` (name, else id). */
export function attributeAnthropicOrganization(body: Record<string, unknown>): ProviderOwner {
  return compact({ account: stringField(body, 'name') ?? stringField(body, 'id') });
}

/** Attribution of an API key: the `anthropic-organization-id` response header, when sent. */
export function attributeAnthropicHeaders(headers: Readonly<Record<string, string>>): ProviderOwner | undefined {
  const organization = headers['anthropic-organization-id']?.trim();
  return organization ? { account: organization } : undefined;
}
