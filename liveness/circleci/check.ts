import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * CircleCI personal API tokens. `GET /api/v2/me` ("Get current user") reads
 * the user the token belongs to, with the token in the `Circle-Token`
 * header. 200 with the user: live. 401 with CircleCI's
 * `{"message":"You must log in first."}`: revoked. Everything else is unknown.
 *
 * Project API tokens are not covered: CircleCI documents that API v2 does not
 * accept them, and no v1.1 endpoint is documented as a read-only identity
 * check for a project token.
 */
const INVALID_TOKEN_MESSAGE = /you must log in first/i;

export const circleciCheck: ProviderCheck = {
  id: 'circleci',
  provider: 'CircleCI',
  detectors: ['circleci-personal-api-token'],
  apiReference: 'https://circleci.com/docs/api/v2/index.html#operation/getCurrentUser',
  defaultBaseUrl: 'https://circleci.com',
  rateLimit: { max: 2, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl}/api/v2/me`, headers: { 'circle-token': input.secret.reveal() } });
    return readMe(res);
  },
};

function readMe(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && stringField(body, 'id')) {
    const owner = attributeMe(body);
    return compact({ outcome: 'live', reason: 'CircleCI accepted the token', httpStatus: 200, owner: Object.keys(owner).length > 0 ? owner : undefined });
  }
  const message = stringField(body, 'message');
  if (res.status === 401 && message !== undefined && INVALID_TOKEN_MESSAGE.test(message)) {
    return { outcome: 'revoked', reason: `CircleCI: ${message}`, httpStatus: 401 };
  }
  return unexpectedResponse(res);
}

/** Attribution of `GET /api/v2/me`: the VCS login. */
export function attributeMe(body: Record<string, unknown>): ProviderOwner {
  return compact({ user: stringField(body, 'login') ?? stringField(body, 'name') });
}
