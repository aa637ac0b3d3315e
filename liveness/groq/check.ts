import { jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck } from '../types.js';

/**
 * Groq API keys. `GET /openai/v1/models` lists the models the key may use:
 * it reads nothing of the account and costs nothing (no tokens are spent).
 * 200 with a model list: live. 401 with Groq's OpenAI-style error body whose
 * `code` is `invalid_api_key` ("Invalid API Key"): revoked. Groq names no
 * owner in this answer, so the verdict carries none. Anything else (403 from
 * an organisation or network restriction, 429, 5xx, HTML) is unknown.
 */
export const groqCheck: ProviderCheck = {
  id: 'groq',
  provider: 'Groq',
  detectors: ['groq-api-key'],
  apiReference: 'https://console.groq.com/docs/api-reference#models-list',
  defaultBaseUrl: 'https://api.groq.com',
  // Free-tier keys get about 30 requests a minute; a check is one request.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl}/openai/v1/models`,
      headers: { authorization: `Bearer ${input.secret.reveal()}` },
    });
    return readModels(res);
  },
};

function readModels(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && Array.isArray(body.data)) {
    return { outcome: 'live', reason: 'Groq accepted the key', httpStatus: 200 };
  }
  const error = objectField(body, 'error');
  if (res.status === 401 && stringField(error, 'code') === 'invalid_api_key') {
    return { outcome: 'revoked', reason: `Groq: ${stringField(error, 'message') ?? 'invalid API key'}`, httpStatus: 401 };
  }
  return unexpectedResponse(res);
}
