import { jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Supabase personal access tokens (`sbp_`), the bearer tokens of the
 * Management API. `GET /v1/organizations` lists the organizations the
 * token's user belongs to and changes nothing; every personal access token
 * may call it.
 *
 * - 200 with a list: live; the organizations name the account.
 * - 401 (the Management API's `{"message":"Unauthorized"}`): the token is
 *   unknown, expired or deleted: revoked.
 * - 403 (a scoped token, or a request Supabase will not serve), 429, 5xx and
 *   anything else: unknown.
 */
export const supabaseCheck: ProviderCheck = {
  id: 'supabase',
  provider: 'Supabase',
  detectors: ['supabase-personal-access-token'],
  apiReference: 'https://supabase.com/docs/reference/api/v1-list-all-organizations',
  defaultBaseUrl: 'https://api.supabase.com',
  // The Management API allows 120 requests a minute per user; one request per check.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl.replace(/\/+$/, '')}/v1/organizations`,
      headers: { authorization: `Bearer ${input.secret.reveal()}` },
    });
    return readAnswer(res);
  },
};

function readAnswer(res: LivenessResponse): LivenessVerdict {
  const list = res.status === 200 ? res.json() : undefined;
  if (res.status === 200 && Array.isArray(list)) {
    const owner = attributeOrganizations(list);
    return { outcome: 'live', reason: 'Supabase accepted the token', httpStatus: 200, ...(owner ? { owner } : {}) };
  }
  const body = jsonObject(res);
  if (res.status === 401 && body) {
    return { outcome: 'revoked', reason: `Supabase: ${stringField(body, 'message') ?? 'Unauthorized'}`, httpStatus: 401 };
  }
  if (res.status === 403 && body) {
    return { outcome: 'unknown', reason: 'Supabase refused the request without saying the token is invalid', httpStatus: 403 };
  }
  return unexpectedResponse(res);
}

/** Attribution: the organizations' names (ids when unnamed), comma-separated, as the account. */
export function attributeOrganizations(list: readonly unknown[]): ProviderOwner | undefined {
  const names = list
    .filter((o): o is Record<string, unknown> => o !== null && typeof o === 'object')
    .map((o) => stringField(o, 'name') ?? stringField(o, 'id'))
    .filter((n): n is string => n !== undefined);
  return names.length > 0 ? { account: names.join(', ') } : undefined;
}
