import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * ClickUp personal API tokens (`pk_<user id>_…`), sent bare in the
 * `Authorization` header as ClickUp documents for personal tokens.
 * `GET /api/v2/user` ("Get Authorized User") returns the user the token acts
 * as and reads nothing else.
 *
 * ClickUp's errors are `{"err": "…", "ECODE": "…"}`
 * (https://developer.clickup.com/docs/common_errors):
 * - 200 with `user.id`: live (user name and email).
 * - 401 with ECODE OAUTH_019, OAUTH_021, OAUTH_025 or OAUTH_077 ("Token not
 *   found": the user revoked or regenerated the token): revoked.
 * - 401 with another ECODE is unknown: OAUTH_017 means the header was not
 *   read at all, and the "Team not authorized" codes (OAUTH_023, 026, 027,
 *   029-045) are about a Workspace, not the token; a 401 without a
 *   documented ECODE, 429 (ClickUp limits each token per minute), 5xx and
 *   HTML pages are unknown too.
 */
const TOKEN_NOT_FOUND = new Set(['OAUTH_019', 'OAUTH_021', 'OAUTH_025', 'OAUTH_077']);

export const clickupCheck: ProviderCheck = {
  id: 'clickup',
  provider: 'ClickUp',
  detectors: ['clickup-personal-api-token'],
  apiReference: 'https://developer.clickup.com/reference/getauthorizeduser',
  defaultBaseUrl: 'https://api.clickup.com',
  // ClickUp allows 100 requests a minute per token on the smallest plans; one request per check.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl.replace(/\/+$/, '')}/api/v2/user`,
      headers: { authorization: input.secret.reveal(), accept: 'application/json' },
    });
    return readUser(res);
  },
};

function readUser(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  const user = objectField(body, 'user');
  if (res.status === 200 && user && stringField(user, 'id')) {
    return compact({ outcome: 'live', reason: 'ClickUp accepted the token', httpStatus: 200, owner: attributeUser(user) });
  }
  const ecode = stringField(body, 'ECODE');
  const err = stringField(body, 'err');
  if (res.status === 401 && ecode !== undefined && TOKEN_NOT_FOUND.has(ecode)) {
    return { outcome: 'revoked', reason: `ClickUp: ${err ?? 'Token not found'} (${ecode})`, httpStatus: 401 };
  }
  if ((res.status === 401 || res.status === 403) && ecode !== undefined) {
    return { outcome: 'unknown', reason: `ClickUp refused the request without saying the token is gone (${ecode})`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

/** Attribution of `GET /api/v2/user`: the user name (or id) and email. */
export function attributeUser(user: Record<string, unknown>): ProviderOwner {
  return compact({ user: stringField(user, 'username') ?? stringField(user, 'id'), email: stringField(user, 'email') });
}
