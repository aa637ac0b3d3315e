import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Vercel access tokens (`vcp_` personal, `vci_` integration, `vca_` app
 * access tokens). `GET /v2/user` ("Get the User") reads the user the token
 * acts for. 200 with `user`: live. Vercel answers a token it does not know
 * (wrong, expired, deleted) with 403 and
 * `{"error":{"code":"forbidden","message":"Not authorized","invalidToken":true}}`:
 * only that `invalidToken` flag makes it revoked. Every other 403 (a valid
 * token without the right to read the user, for example an integration token
 * scoped to a team) and everything else is unknown.
 *
 * Not covered: `vck_` AI Gateway keys (vercel-api-key) authenticate to the AI
 * Gateway, not the REST API, which calls every one of them invalid; and
 * `vcr_` refresh tokens, which are only ever exchanged (a write).
 */
export const vercelCheck: ProviderCheck = {
  id: 'vercel',
  provider: 'Vercel',
  detectors: ['vercel-personal-access-token', 'vercel-integration-token', 'vercel-app-access-token'],
  apiReference: 'https://vercel.com/docs/rest-api/user/get-the-user',
  defaultBaseUrl: 'https://api.vercel.com',
  // Vercel rate-limits per user and endpoint; a check is one call.
  rateLimit: { max: 2, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl}/v2/user`, headers: { authorization: `Bearer ${input.secret.reveal()}` } });
    return readUser(res);
  },
};

function readUser(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  const user = objectField(body, 'user');
  if (res.status === 200 && user && stringField(user, 'id')) {
    const owner = attributeUser(user);
    return compact({ outcome: 'live', reason: 'Vercel accepted the token', httpStatus: 200, owner: Object.keys(owner).length > 0 ? owner : undefined });
  }
  const error = objectField(body, 'error');
  if ((res.status === 401 || res.status === 403) && error?.invalidToken === true) {
    return { outcome: 'revoked', reason: `Vercel: ${stringField(error, 'message') ?? 'invalid token'}`, httpStatus: res.status };
  }
  if ((res.status === 401 || res.status === 403) && error) {
    return { outcome: 'unknown', reason: `Vercel refused the request without saying the token is invalid (${stringField(error, 'code') ?? 'forbidden'})`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

/** Attribution of `GET /v2/user`: username, email, and the default team's id. */
export function attributeUser(user: Record<string, unknown>): ProviderOwner {
  return compact({ user: stringField(user, 'username'), email: stringField(user, 'email'), team: stringField(user, 'defaultTeamId') });
}
