import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * OpenRouter API keys. `GET /api/v1/key` describes the key that calls it
 * (label, credit limit and usage, creator): it reads only the key itself and
 * spends no credits. 200 with a `data` object: live. 401 with OpenRouter's
 * `{"error":{"code":401,"message":...}}` body: revoked (the key is unknown,
 * deleted or disabled). Anything else (403, 429, 5xx, HTML) is unknown.
 */
export const openrouterCheck: ProviderCheck = {
  id: 'openrouter',
  provider: 'OpenRouter',
  detectors: ['openrouter-api-key'],
  apiReference: 'https://openrouter.ai/docs/api/api-reference/api-keys/get-current-key',
  defaultBaseUrl: 'https://openrouter.ai',
  // Free keys get about 20 requests per 10 seconds; a check is one request.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl}/api/v1/key`,
      headers: { authorization: `Bearer ${input.secret.reveal()}` },
    });
    return readKey(res);
  },
};

function readKey(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  const data = objectField(body, 'data');
  if (res.status === 200 && data) {
    const owner = attributeKey(data);
    return compact({ outcome: 'live', reason: 'OpenRouter accepted the key', httpStatus: 200, owner: Object.keys(owner).length > 0 ? owner : undefined });
  }
  const error = objectField(body, 'error');
  if (res.status === 401 && error) {
    return { outcome: 'revoked', reason: `OpenRouter: ${stringField(error, 'message') ?? 'invalid key'}`, httpStatus: 401 };
  }
  return unexpectedResponse(res);
}

/**
 * Attribution of `GET /api/v1/key`: the creating user and the key's label.
 * A label that is OpenRouter's default (a shortened form of the key itself,
 * `sk-or-v1-abc...def`) is left out: it names nothing and repeats key characters.
 */
export function attributeKey(data: Record<string, unknown>): ProviderOwner {
  const label = stringField(data, 'label');
  return compact({ user: stringField(data, 'creator_user_id'), tokenName: label && !label.startsWith('sk-or-') ? label : undefined });
}
