import { isHtml, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck } from '../types.js';

/**
 * Together AI API keys. `GET /v1/models` lists the models the key may use:
 * read-only, free, and open to every key. 200 with a JSON array: live
 * (the answer names no user or project, so there is no attribution). 401 with
 * the OpenAI-style error body and code `invalid_api_key`: revoked. Any other
 * 401/403, 429, 5xx or body: unknown.
 */
const MODELS_PATH = '/v1/models';

export const togetherCheck: ProviderCheck = {
  id: 'together',
  provider: 'Together AI',
  detectors: ['together-api-key'],
  apiReference: 'https://docs.together.ai/reference/models-1',
  defaultBaseUrl: 'https://api.together.xyz',
  rateLimit: { max: 2, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const headers = { authorization: `Bearer ${input.secret.reveal()}` };
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl}${MODELS_PATH}`, headers });
    return readModels(res);
  },
};

function readModels(res: LivenessResponse): LivenessVerdict {
  const value = isHtml(res) ? null : res.json();
  if (res.status === 200 && Array.isArray(value)) {
    return { outcome: 'live', reason: 'Together AI accepted the key', httpStatus: 200 };
  }
  const body = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  const error = objectField(body, 'error');
  if (res.status === 401 && stringField(error, 'code') === 'invalid_api_key') {
    return { outcome: 'revoked', reason: 'Together AI: invalid API key', httpStatus: 401 };
  }
  return unexpectedResponse(res);
}
