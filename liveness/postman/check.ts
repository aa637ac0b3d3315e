import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Postman API keys. `GET /me` returns the user the key belongs to and reads
 * nothing else (no workspace, collection or environment): the least a key
 * can be asked. The key goes in `X-API-Key`, as Postman documents. 200
 * names the user and team; 401 with Postman's `AuthenticationError` body
 * ("Invalid API Key. Every request requires a valid API Key to be sent.")
 * means the key is invalid, expired or revoked.
 */
export const postmanCheck: ProviderCheck = {
  id: 'postman',
  provider: 'Postman',
  detectors: ['postman-api-key'],
  apiReference: 'https://learning.postman.com/api-docs/api-reference/users/get-authenticated-user',
  defaultBaseUrl: 'https://api.getpostman.com',
  // Postman allows 300 requests a minute per key; one request per check.
  rateLimit: { max: 5, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl}/me`, headers: { 'x-api-key': input.secret.reveal() } });
    return readAnswer(res);
  },
};

function readAnswer(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  const user = objectField(body, 'user');
  if (res.status === 200 && user) {
    return compact({ outcome: 'live', reason: 'Postman accepted the key', httpStatus: 200, owner: attributeUser(user) });
  }
  const error = objectField(body, 'error');
  if (res.status === 401 && stringField(error, 'name') === 'AuthenticationError') {
    return { outcome: 'revoked', reason: `Postman: ${stringField(error, 'message') ?? 'authentication error'}`, httpStatus: 401 };
  }
  return unexpectedResponse(res);
}

/** Attribution: username, email and team of `GET /me` (guests and partners may lack some). */
export function attributeUser(user: Record<string, unknown>): ProviderOwner {
  const teamId = stringField(user, 'teamId');
  return compact({
    user: stringField(user, 'username') ?? stringField(user, 'id'),
    email: stringField(user, 'email'),
    // teamId 0 means "no team".
    team: teamId && teamId !== '0' ? (stringField(user, 'teamName') ?? teamId) : undefined,
  });
}
