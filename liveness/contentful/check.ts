import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Contentful personal access tokens (CMA tokens, `CFPAT-…`).
 * `GET https://api.contentful.com/users/me` returns the user the token belongs
 * to; it reads nothing else and changes nothing, and every CMA token (read or
 * manage scope) may call it. 200 with a `User` body: live, attributed to the
 * user's name, email and id. 401 with Contentful's documented error body
 * (`sys.id` `AccessTokenInvalid`, "could not be found or is invalid", see
 * https://www.contentful.com/developers/docs/references/authentication/):
 * revoked. Anything else, including 403 (Contentful answers 403
 * `AccessDenied` for a valid token without the right; some clients have also
 * reported a 403 carrying `AccessTokenInvalid`, which is not the documented
 * answer), 429, 5xx and HTML: unknown.
 */
const ME_PATH = '/users/me';

export const contentfulCheck: ProviderCheck = {
  id: 'contentful',
  provider: 'Contentful',
  detectors: ['contentful-personal-access-token'],
  apiReference: 'https://www.contentful.com/developers/docs/references/content-management-api/#/reference/users/user',
  defaultBaseUrl: 'https://api.contentful.com',
  // The CMA allows 10 requests a second per token; a check is one.
  rateLimit: { max: 2, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl}${ME_PATH}`,
      headers: { authorization: `Bearer ${input.secret.reveal()}` },
    });
    return readMe(res);
  },
};

function readMe(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  const sys = objectField(body, 'sys');
  if (res.status === 200 && body && stringField(sys, 'type') === 'User') {
    const owner = attributeUser(body);
    return compact({
      outcome: 'live' as const,
      reason: 'Contentful accepted the token',
      httpStatus: 200,
      owner: Object.keys(owner).length > 0 ? owner : undefined,
    });
  }
  const errorId = stringField(sys, 'type') === 'Error' ? stringField(sys, 'id') : undefined;
  if (res.status === 401 && errorId === 'AccessTokenInvalid') {
    return { outcome: 'revoked', reason: 'Contentful: the access token could not be found or is invalid (AccessTokenInvalid)', httpStatus: 401 };
  }
  if ((res.status === 401 || res.status === 403) && errorId !== undefined) {
    return { outcome: 'unknown', reason: `Contentful refused the request without the documented invalid-token answer (${errorId})`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

/** Attribution from the `User` body: full name (or id), email. */
export function attributeUser(body: Record<string, unknown>): ProviderOwner {
  const name = [stringField(body, 'firstName'), stringField(body, 'lastName')].filter((s) => s !== undefined).join(' ');
  return compact({ user: name.length > 0 ? name : stringField(objectField(body, 'sys'), 'id'), email: stringField(body, 'email') });
}
