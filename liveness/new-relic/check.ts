import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import { askRegion, combineRegions, HOST_PLACEHOLDER, regionBaseUrls, type Region } from '../http/regions.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * New Relic user API keys (`NRAK-`), read by NerdGraph (New Relic's GraphQL
 * API) from the `API-Key` header. The check POSTs one read-only query,
 * `{ actor { user { id name email } } }` (no mutation), which names the
 * key's user.
 *
 * Regions: an organization's data lives in the US or the EU data center, and
 * a user key is only known to its own region's NerdGraph
 * (api.newrelic.com, api.eu.newrelic.com); the other region refuses it just
 * as it refuses a deleted key. The check asks both regions (in parallel, so
 * it takes one request's time) and decides:
 * - 200 with `data.actor.user` in any region: live (user name, email).
 * - in every region, NerdGraph's invalid-key error: a GraphQL error whose
 *   `extensions.error_code` is `BAD_API_KEY` ("Bad API Key or no API Key
 *   provided"), HTTP 401 (or 200, as New Relic's own Go client also reads
 *   it): revoked.
 * - anything else in any region (other GraphQL errors, 403, 429, 5xx, HTML,
 *   a timeout) and no live region: unknown (a rate-limited region's
 *   Retry-After is kept).
 *
 * Base URL: the default is `https://{host}`; `{host}` is replaced by each
 * region's NerdGraph host. A configured base URL may place `{host}` anywhere
 * (a proxy or the tests' stand-in: `http://127.0.0.1:9999/{host}` gives
 * `/api.eu.newrelic.com/graphql`, so the stand-in knows which region was
 * asked); a configured base URL without `{host}` is one host, asked once.
 */
export const NEW_RELIC_REGIONS: readonly Region[] = [
  { region: 'US', host: 'api.newrelic.com' },
  { region: 'EU', host: 'api.eu.newrelic.com' },
];
export const USER_QUERY = '{ actor { user { id name email } } }';

export const newRelicCheck: ProviderCheck = {
  id: 'new-relic',
  provider: 'New Relic',
  detectors: ['new-relic-user-api-key'],
  apiReference: 'https://docs.newrelic.com/docs/apis/nerdgraph/get-started/introduction-new-relic-nerdgraph/',
  defaultBaseUrl: `https://${HOST_PLACEHOLDER}`,
  // NerdGraph limits concurrent requests per user (25); one check (two regional requests) a second stays far below.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const key = input.secret.reveal();
    const answers = await Promise.all(
      regionBaseUrls(env.baseUrl, NEW_RELIC_REGIONS).map(async ({ region, baseUrl }) => ({
        region,
        verdict: await askRegion(async () =>
          readAnswer(
            await env.http.request({
              method: 'POST',
              url: `${baseUrl}/graphql`,
              headers: { 'api-key': key, 'content-type': 'application/json' },
              body: JSON.stringify({ query: USER_QUERY }),
            }),
          ),
        ),
      })),
    );
    return combineRegions(answers);
  },
};

function readAnswer(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  const user = objectField(objectField(objectField(body, 'data'), 'actor'), 'user');
  if (res.status === 200 && user && stringField(user, 'id')) {
    return compact({ outcome: 'live', reason: 'New Relic accepted the user key', httpStatus: 200, owner: attributeUser(user) });
  }
  const errors = Array.isArray(body?.errors) ? (body.errors as unknown[]).filter((e): e is Record<string, unknown> => e !== null && typeof e === 'object') : [];
  const badKey = errors.find((e) => stringField(objectField(e, 'extensions'), 'error_code') === 'BAD_API_KEY');
  if ((res.status === 401 || res.status === 200) && badKey) {
    return { outcome: 'revoked', reason: `New Relic: ${stringField(badKey, 'message') ?? 'BAD_API_KEY'}`, httpStatus: res.status };
  }
  if (errors.length > 0 && res.status < 500 && res.status !== 429) {
    const first = errors[0];
    const code = stringField(objectField(first, 'extensions'), 'error_code') ?? stringField(objectField(first, 'extensions'), 'errorClass');
    return { outcome: 'unknown', reason: `NerdGraph answered with an error that does not say the key is invalid: ${code ?? stringField(first, 'message') ?? 'error'}`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

/** Attribution of `actor.user`: the user's name (or id) and email. */
export function attributeUser(user: Record<string, unknown>): ProviderOwner {
  return compact({ user: stringField(user, 'name') ?? stringField(user, 'id'), email: stringField(user, 'email') });
}
