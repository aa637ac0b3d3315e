import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Figma personal access tokens, sent in `X-Figma-Token` as Figma documents.
 * `GET /v1/me` returns the user the token acts as; it reads no file. 200
 * with an `id`: live. Figma answers an unknown, revoked or expired token with
 * 403 and `{"status":403,"err":"Invalid token"}` (or "Token expired"):
 * revoked. Other 403s (a token without the `current_user:read` scope, an
 * organisation's IP allow-list) say nothing about the token: unknown, as is
 * everything else (429, 5xx, HTML).
 */
const INVALID_TOKEN_ERRORS = [/^invalid token$/i, /^token expired$/i];

export const figmaCheck: ProviderCheck = {
  id: 'figma',
  provider: 'Figma',
  detectors: ['figma-personal-access-token'],
  apiReference: 'https://developers.figma.com/docs/rest-api/users-endpoints/',
  defaultBaseUrl: 'https://api.figma.com',
  // Figma rate-limits per user and plan; /v1/me is a tier-3 (cheapest) endpoint.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl}/v1/me`,
      headers: { 'x-figma-token': input.secret.reveal() },
    });
    return readMe(res);
  },
};

function readMe(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && stringField(body, 'id')) {
    return { outcome: 'live', reason: 'Figma accepted the token', httpStatus: 200, owner: attributeMe(body) };
  }
  const err = stringField(body, 'err') ?? stringField(body, 'message');
  if ((res.status === 403 || res.status === 401) && err !== undefined && INVALID_TOKEN_ERRORS.some((m) => m.test(err.trim()))) {
    return { outcome: 'revoked', reason: `Figma: ${err}`, httpStatus: res.status };
  }
  if ((res.status === 403 || res.status === 401) && err !== undefined) {
    return { outcome: 'unknown', reason: `Figma refused the request without saying the token is invalid: ${err}`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

/** Attribution of `GET /v1/me`: the user's handle and email. */
export function attributeMe(body: Record<string, unknown>): ProviderOwner {
  return compact({ user: stringField(body, 'handle') ?? stringField(body, 'id'), email: stringField(body, 'email') });
}
