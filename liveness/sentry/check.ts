import { jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Sentry auth tokens: user auth tokens (`sntryu_`) and organization auth
 * tokens (`sntrys_`), both bearer tokens of the web API.
 * `GET /api/0/organizations/` ("List Your Organizations") reads the
 * organizations the token can see and changes nothing.
 *
 * Sentry authenticates before it authorizes:
 * - 200 with a list: live; the organization slugs name the account.
 * - 403 with a `detail` ("You do not have permission to perform this
 *   action."): Sentry accepted the token but its scopes do not cover the
 *   list (an organization token has only `org:ci`): live.
 * - 401 with a `detail` ("Invalid token", "Token expired"): Sentry did not
 *   authenticate the token: revoked.
 * - 429, 5xx, HTML and anything else: unknown.
 *
 * Self-hosted Sentry is checked through a configured base URL.
 */
export const sentryCheck: ProviderCheck = {
  id: 'sentry',
  provider: 'Sentry',
  detectors: ['sentry-user-auth-token', 'sentry-org-auth-token'],
  apiReference: 'https://docs.sentry.io/api/organizations/list-your-organizations/',
  defaultBaseUrl: 'https://sentry.io',
  // Sentry rate-limits per token and endpoint (a few requests a second); one request per check.
  rateLimit: { max: 2, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl.replace(/\/+$/, '')}/api/0/organizations/`,
      headers: { authorization: `Bearer ${input.secret.reveal()}` },
    });
    return readAnswer(res);
  },
};

function readAnswer(res: LivenessResponse): LivenessVerdict {
  const list = res.status === 200 ? res.json() : undefined;
  if (res.status === 200 && Array.isArray(list)) {
    const owner = attributeOrganizations(list);
    return { outcome: 'live', reason: 'Sentry accepted the token', httpStatus: 200, ...(owner ? { owner } : {}) };
  }
  const detail = stringField(jsonObject(res), 'detail');
  if (res.status === 403 && detail !== undefined) {
    return { outcome: 'live', reason: 'Sentry accepted the token but its scopes do not allow listing organizations', httpStatus: 403 };
  }
  if (res.status === 401 && detail !== undefined) {
    return { outcome: 'revoked', reason: `Sentry: ${detail}`, httpStatus: 401 };
  }
  return unexpectedResponse(res);
}

/** Attribution: the organizations' slugs, comma-separated, as the account. */
export function attributeOrganizations(list: readonly unknown[]): ProviderOwner | undefined {
  const slugs = list
    .filter((o): o is Record<string, unknown> => o !== null && typeof o === 'object')
    .map((o) => stringField(o, 'slug') ?? stringField(o, 'name'))
    .filter((s): s is string => s !== undefined);
  return slugs.length > 0 ? { account: slugs.join(', ') } : undefined;
}
