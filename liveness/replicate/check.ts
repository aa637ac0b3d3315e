import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Replicate API tokens. `GET /v1/account` returns the user or organization
 * the token belongs to; Replicate's own docs use it to test a token. 200
 * with a `username`: live. 401 with Replicate's problem body (`"title":
 * "Unauthenticated"`, "You did not pass a valid authentication token"):
 * revoked. Anything else (403, 429, 5xx, HTML) is unknown.
 */
export const replicateCheck: ProviderCheck = {
  id: 'replicate',
  provider: 'Replicate',
  detectors: ['replicate-api-token'],
  apiReference: 'https://replicate.com/docs/reference/http#account.get',
  defaultBaseUrl: 'https://api.replicate.com',
  // Replicate allows 3000 GET requests a minute per account; checks stay far below.
  rateLimit: { max: 5, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl}/v1/account`,
      headers: { authorization: `Bearer ${input.secret.reveal()}` },
    });
    return readAccount(res);
  },
};

function readAccount(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && stringField(body, 'username')) {
    return { outcome: 'live', reason: 'Replicate accepted the token', httpStatus: 200, owner: attributeAccount(body) };
  }
  if (res.status === 401 && body && (stringField(body, 'title') === 'Unauthenticated' || stringField(body, 'detail'))) {
    return { outcome: 'revoked', reason: `Replicate: ${stringField(body, 'detail') ?? 'unauthenticated'}`, httpStatus: 401 };
  }
  return unexpectedResponse(res);
}

/** Attribution of `GET /v1/account`: a user token names the user, an organization token the organization. */
export function attributeAccount(body: Record<string, unknown>): ProviderOwner {
  const username = stringField(body, 'username');
  return stringField(body, 'type') === 'organization' ? compact({ account: username }) : compact({ user: username });
}
