import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Heroku Platform API keys (`HRKU-` tokens and OAuth authorizations).
 * `GET /account` ("Account Info") reads the account the key acts for and
 * nothing else. 200 names the account: live. 401 with Heroku's error object
 * `"id":"unauthorized"` ("Invalid credentials provided."): revoked. Heroku's
 * other refusals (403 `forbidden`, `suspended`, `two_factor`,
 * `delinquent`), 429 `rate_limit`, 5xx and anything else are unknown.
 *
 * The Platform API needs its version in Accept:
 * `application/vnd.heroku+json; version=3`.
 */
export const HEROKU_ACCEPT = 'application/vnd.heroku+json; version=3';

export const herokuCheck: ProviderCheck = {
  id: 'heroku',
  provider: 'Heroku',
  detectors: ['heroku-platform-api-key'],
  apiReference: 'https://devcenter.heroku.com/articles/platform-api-reference#account-info',
  defaultBaseUrl: 'https://api.heroku.com',
  // Heroku allows about 4500 requests an hour per account.
  rateLimit: { max: 2, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl}/account`,
      headers: { authorization: `Bearer ${input.secret.reveal()}`, accept: HEROKU_ACCEPT },
    });
    return readAccount(res);
  },
};

function readAccount(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && stringField(body, 'id')) {
    const owner = attributeAccount(body);
    return compact({ outcome: 'live', reason: 'Heroku accepted the key', httpStatus: 200, owner: Object.keys(owner).length > 0 ? owner : undefined });
  }
  const errorId = stringField(body, 'id');
  if (res.status === 401 && errorId === 'unauthorized') {
    return { outcome: 'revoked', reason: `Heroku: ${stringField(body, 'message') ?? 'unauthorized'}`, httpStatus: 401 };
  }
  if ((res.status === 401 || res.status === 403) && errorId) {
    return { outcome: 'unknown', reason: `Heroku refused the request without saying the key is invalid (${errorId})`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

/** Attribution of `GET /account`: the account's email, and its name where set. */
export function attributeAccount(body: Record<string, unknown>): ProviderOwner {
  const email = stringField(body, 'email');
  return compact({ user: stringField(body, 'name') ?? email, email });
}
