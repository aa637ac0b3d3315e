import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import { askRegion, HOST_PLACEHOLDER, regionBaseUrls, type Region, type RegionAnswer } from '../http/regions.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * PostHog personal API keys (`phx_`), bearer tokens. `GET /api/users/@me/`
 * returns the key's user and current organization and changes nothing.
 *
 * Regions: PostHog Cloud serves US projects at us.posthog.com and EU
 * projects at eu.posthog.com, and a key is only known to its own cloud. The
 * check asks both (in parallel, so it takes one request's time).
 *
 * This check never says `revoked`: `phx_` keys are also issued by
 * self-hosted PostHog instances, and the finding does not name a host, so a
 * key that both clouds refuse may still work on an instance we cannot know.
 * It answers:
 * - 200 with the user in any region: live (name, email, organization).
 * - 403 `permission_denied` "API key missing required scope 'user:read'"
 *   in any region: live (PostHog authenticated the key before checking its
 *   scopes; a scoped key without `user:read`), without attribution.
 * - 401 `authentication_failed` ("Personal API key found in request
 *   Authorization header is invalid.") from every cloud: unknown, saying so
 *   (revoked, or a self-hosted key).
 * - anything else (429, 5xx, HTML, a timeout) and no live region: unknown (a
 *   rate-limited region's Retry-After is kept).
 *
 * Base URL: the default is `https://{host}`; `{host}` is replaced by each
 * cloud's host. A configured base URL may place `{host}` anywhere (a proxy
 * or the tests' stand-in: `http://127.0.0.1:9999/{host}` gives
 * `/eu.posthog.com/api/users/@me/`, so the stand-in knows which cloud was
 * asked); a configured base URL without `{host}` (a self-hosted instance) is
 * one host, asked once, and its refusal is still unknown.
 */
export const POSTHOG_REGIONS: readonly Region[] = [
  { region: 'US', host: 'us.posthog.com' },
  { region: 'EU', host: 'eu.posthog.com' },
];
const MISSING_SCOPE = /missing required scope/i;

export const posthogCheck: ProviderCheck = {
  id: 'posthog',
  provider: 'PostHog',
  detectors: ['posthog-personal-api-key'],
  apiReference: 'https://posthog.com/docs/api/users',
  defaultBaseUrl: `https://${HOST_PLACEHOLDER}`,
  // PostHog's private API allows 480 requests a minute (4,800 an hour) per key for CRUD endpoints: one check (two regional requests) a second.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const authorization = `Bearer ${input.secret.reveal()}`;
    const answers = await Promise.all(
      regionBaseUrls(env.baseUrl, POSTHOG_REGIONS).map(async ({ region, baseUrl }) => ({
        region,
        verdict: await askRegion(async () => readAnswer(await env.http.request({ method: 'GET', url: `${baseUrl}/api/users/@me/`, headers: { authorization } }))),
      })),
    );
    return combineRegions(answers);
  },
};

/**
 * Per-region readings: `live`, `unknown`, or `revoked` meaning only "this
 * PostHog refused the key". Combined: the region that accepted; never
 * revoked (see above); a rate-limited region first among unknowns.
 */
export function combineRegions(answers: readonly RegionAnswer[]): LivenessVerdict {
  const live = answers.find((a) => a.verdict.outcome === 'live');
  if (live) return { ...live.verdict, reason: live.region ? `${live.verdict.reason} (${live.region})` : live.verdict.reason };
  const first = answers[0];
  if (first && answers.every((a) => a.verdict.outcome === 'revoked')) {
    const regions = answers.map((a) => a.region).filter((r): r is string => r !== undefined);
    const where = regions.length > 0 ? `PostHog Cloud (${regions.join(', ')})` : 'the configured PostHog';
    return compact({
      outcome: 'unknown',
      reason: `${where} refused the key as invalid; it may be revoked or belong to a self-hosted PostHog`,
      httpStatus: first.verdict.httpStatus,
    });
  }
  const unknown = answers.find((a) => a.verdict.retryAfterMs !== undefined) ?? answers.find((a) => a.verdict.outcome === 'unknown');
  if (!unknown) return { outcome: 'unknown', reason: 'no region answered' };
  return { ...unknown.verdict, reason: unknown.region ? `${unknown.region}: ${unknown.verdict.reason}` : unknown.verdict.reason };
}

/** One PostHog's answer. `revoked` here only means this instance refused the key; combineRegions never passes it on. */
function readAnswer(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && (stringField(body, 'uuid') || stringField(body, 'email'))) {
    return compact({ outcome: 'live', reason: 'PostHog accepted the key', httpStatus: 200, owner: attributeUser(body) });
  }
  const code = stringField(body, 'code');
  const detail = stringField(body, 'detail');
  if (res.status === 401 && code === 'authentication_failed') {
    return { outcome: 'revoked', reason: `PostHog: ${detail ?? 'authentication failed'}`, httpStatus: 401 };
  }
  if (res.status === 403 && code === 'permission_denied' && detail !== undefined && MISSING_SCOPE.test(detail)) {
    return { outcome: 'live', reason: `PostHog accepted the key, which lacks a scope: ${detail}`, httpStatus: 403 };
  }
  if ((res.status === 401 || res.status === 403) && code !== undefined) {
    return { outcome: 'unknown', reason: `PostHog refused the request without saying the key is invalid: ${code}`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

/** Attribution of `/api/users/@me/`: the user's name and email, the current organization's name. */
export function attributeUser(body: Record<string, unknown>): ProviderOwner {
  const name = [stringField(body, 'first_name'), stringField(body, 'last_name')].filter((n): n is string => n !== undefined).join(' ');
  const organization = objectField(body, 'organization');
  return compact({
    user: name.length > 0 ? name : stringField(body, 'uuid'),
    email: stringField(body, 'email'),
    account: stringField(organization, 'name') ?? stringField(organization, 'id'),
  });
}
