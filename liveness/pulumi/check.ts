import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Pulumi Cloud access tokens (`pul-`), sent as `Authorization: token <token>`
 * as the Pulumi Cloud REST API documents (API basics). `GET /api/user` returns
 * the identity the token acts as (what `pulumi whoami` reads); it changes
 * nothing. 200 with a `githubLogin`: live, with the user and the first
 * organisation. Pulumi answers a missing or invalid token with 401 and
 * `{"code":401,"message":"Unauthorized: ..."}`: revoked. 403 and anything
 * else (429, 5xx, HTML) are unknown.
 */
const USER_PATH = '/api/user';

export const pulumiCheck: ProviderCheck = {
  id: 'pulumi',
  provider: 'Pulumi Cloud',
  detectors: ['pulumi-access-token'],
  apiReference: 'https://www.pulumi.com/docs/pulumi-cloud/reference/api-basics/',
  defaultBaseUrl: 'https://api.pulumi.com',
  rateLimit: { max: 2, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl}${USER_PATH}`,
      headers: { authorization: `token ${input.secret.reveal()}`, accept: 'application/vnd.pulumi+8' },
    });
    return readUser(res);
  },
};

function readUser(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && stringField(body, 'githubLogin')) {
    return { outcome: 'live', reason: 'Pulumi Cloud accepted the token', httpStatus: 200, owner: attributeUser(body) };
  }
  const message = stringField(body, 'message');
  if (res.status === 401 && message !== undefined && /unauthori[sz]ed/i.test(message)) {
    return { outcome: 'revoked', reason: `Pulumi Cloud: ${message}`, httpStatus: 401 };
  }
  if ((res.status === 401 || res.status === 403) && message !== undefined) {
    return { outcome: 'unknown', reason: `Pulumi Cloud refused the request without saying the token is invalid: ${message}`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

/** Attribution of `GET /api/user`: the login, email and first organisation. */
export function attributeUser(body: Record<string, unknown>): ProviderOwner {
  const orgs = Array.isArray(body.organizations) ? (body.organizations as unknown[]) : [];
  const first = orgs[0] !== null && typeof orgs[0] === 'object' ? (orgs[0] as Record<string, unknown>) : undefined;
  return compact({ user: stringField(body, 'githubLogin'), email: stringField(body, 'email'), account: stringField(first, 'githubLogin') });
}
