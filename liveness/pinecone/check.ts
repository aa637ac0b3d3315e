import { jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck } from '../types.js';

/**
 * Pinecone API keys. `GET /indexes` on the control plane lists the indexes of
 * the key's project: read-only, and every key may call it. The key goes in the
 * `Api-Key` header, with the API version Pinecone asks for. 200 with an
 * `indexes` list: live (Pinecone does not name the project or its owner in
 * this answer, so there is no attribution). 401 with Pinecone's error body and
 * code `UNAUTHENTICATED` ("missing or invalid API key"): revoked. 403
 * (quota, payment), 429, 5xx and any other body: unknown.
 */
const INDEXES_PATH = '/indexes';
const API_VERSION = '2025-04';

export const pineconeCheck: ProviderCheck = {
  id: 'pinecone',
  provider: 'Pinecone',
  detectors: ['pinecone-api-key'],
  apiReference: 'https://docs.pinecone.io/reference/api/2025-04/control-plane/list_indexes',
  defaultBaseUrl: 'https://api.pinecone.io',
  // Control-plane operations are limited per project; one call per check.
  rateLimit: { max: 2, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const headers = { 'api-key': input.secret.reveal(), 'x-pinecone-api-version': API_VERSION };
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl}${INDEXES_PATH}`, headers });
    return readIndexes(res);
  },
};

function readIndexes(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && Array.isArray(body.indexes)) {
    return { outcome: 'live', reason: 'Pinecone accepted the key', httpStatus: 200 };
  }
  const error = objectField(body, 'error');
  if (res.status === 401 && stringField(error, 'code') === 'UNAUTHENTICATED') {
    return { outcome: 'revoked', reason: `Pinecone: ${stringField(error, 'message') ?? 'UNAUTHENTICATED'}`, httpStatus: 401 };
  }
  return unexpectedResponse(res);
}
