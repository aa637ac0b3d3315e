import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Netlify personal access tokens. `GET /api/v1/user` ("getCurrentUser")
 * reads the user the token belongs to and nothing else. 200 with the user:
 * live. Netlify answers 401 Unauthorized to a token it does not know (wrong,
 * expired or deleted) with a small JSON error (`code`, `message`); that is
 * revoked. A 401 without that JSON body (a proxy's page), 403, 429, 5xx and
 * anything else is unknown.
 */
export const netlifyCheck: ProviderCheck = {
  id: 'netlify',
  provider: 'Netlify',
  detectors: ['netlify-personal-access-token'],
  apiReference: 'https://open-api.netlify.com/#tag/user/operation/getCurrentUser',
  defaultBaseUrl: 'https://api.netlify.com',
  // Netlify allows 500 API requests a minute.
  rateLimit: { max: 3, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl}/api/v1/user`, headers: { authorization: `Bearer ${input.secret.reveal()}` } });
    return readUser(res);
  },
};

function readUser(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && stringField(body, 'id')) {
    const owner = attributeUser(body);
    return compact({ outcome: 'live', reason: 'Netlify accepted the token', httpStatus: 200, owner: Object.keys(owner).length > 0 ? owner : undefined });
  }
  if (res.status === 401 && body && (body.code === 401 || stringField(body, 'message') !== undefined)) {
    return { outcome: 'revoked', reason: 'Netlify: unauthorized (the token is not valid)', httpStatus: 401 };
  }
  return unexpectedResponse(res);
}

/** Attribution of `GET /api/v1/user`: the user's name and email. */
export function attributeUser(body: Record<string, unknown>): ProviderOwner {
  const email = stringField(body, 'email');
  return compact({ user: stringField(body, 'full_name') ?? stringField(body, 'slug') ?? email, email });
}
