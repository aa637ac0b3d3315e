import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * DigitalOcean tokens. Personal access tokens and OAuth access tokens call
 * `GET /v2/account`, which reads only the caller's own profile (no
 * resource is listed or touched): 200 names the account, 401 with DigitalOcean's
 * error body (`"id": "Unauthorized"`, "Unable to authenticate you") means
 * the token is wrong, expired or revoked. A 403 with an error body means
 * DigitalOcean authenticated the token but its custom scopes do not include
 * `account:read`: live. Refresh tokens (`dor_v1_`) only work with the OAuth
 * app's client secret: unknown.
 */
export const digitaloceanCheck: ProviderCheck = {
  id: 'digitalocean',
  provider: 'DigitalOcean',
  detectors: ['digitalocean-pat', 'digitalocean-oauth-token', 'digitalocean-refresh-token'],
  apiReference: 'https://docs.digitalocean.com/reference/api/digitalocean/#tag/Account/operation/account_get',
  defaultBaseUrl: 'https://api.digitalocean.com',
  // 5,000 requests an hour and 250 a minute per token; one request per check.
  rateLimit: { max: 5, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    if (input.detector === 'digitalocean-refresh-token') {
      return { outcome: 'unknown', reason: 'a refresh token can only be tested with its OAuth app client secret' };
    }
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl}/v2/account`,
      headers: { authorization: `Bearer ${input.secret.reveal()}` },
    });
    return readAnswer(res);
  },
};

function readAnswer(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  const account = objectField(body, 'account');
  if (res.status === 200 && account) {
    return compact({ outcome: 'live', reason: 'DigitalOcean accepted the token', httpStatus: 200, owner: attributeAccount(account) });
  }
  const errorId = stringField(body, 'id')?.toLowerCase();
  if (res.status === 401 && errorId === 'unauthorized') {
    return { outcome: 'revoked', reason: `DigitalOcean: ${stringField(body, 'message') ?? 'unable to authenticate'}`, httpStatus: 401 };
  }
  if (res.status === 403 && errorId === 'forbidden') {
    return { outcome: 'live', reason: 'DigitalOcean accepted the token but its scopes do not allow reading the account', httpStatus: 403 };
  }
  return unexpectedResponse(res);
}

/** Attribution: the user's uuid and email, and the team the token acts for, from `GET /v2/account`. */
export function attributeAccount(account: Record<string, unknown>): ProviderOwner {
  return compact({ user: stringField(account, 'uuid'), email: stringField(account, 'email'), team: stringField(objectField(account, 'team'), 'name') });
}
