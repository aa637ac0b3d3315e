import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import { askRegion, combineRegions, HOST_PLACEHOLDER, regionBaseUrls, type Region } from '../http/regions.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Intercom access tokens (base64 of `tok:<uuid>:1:0`), bearer tokens.
 * `GET /me` ("Identify an admin") returns the admin the token acts for and
 * the workspace ("app") it belongs to, and changes nothing; the check pins
 * `Intercom-Version: 2.14`.
 *
 * Regions: a workspace is hosted in the US, the EU or Australia, and its
 * tokens are only known to that region's API (api.intercom.io,
 * api.eu.intercom.io, api.au.intercom.io, the servers of Intercom's OpenAPI
 * description); the other regions refuse them just as they refuse a revoked
 * token. The check asks all three (in parallel, so it takes one request's
 * time) and decides:
 * - 200 with `type: admin` in any region: live (admin name and email,
 *   workspace name and id).
 * - in every region, 401 with Intercom's error list whose code is
 *   `unauthorized` ("Access Token Invalid"): revoked.
 * - anything else in any region (403 `forbidden`, a 401 with another code,
 *   429, 5xx, HTML, a timeout) and no live region: unknown (a rate-limited
 *   region's Retry-After is kept).
 *
 * Base URL: the default is `https://{host}`; `{host}` is replaced by each
 * region's API host. A configured base URL may place `{host}` anywhere (a
 * proxy or the tests' stand-in: `http://127.0.0.1:9999/{host}` gives
 * `/api.eu.intercom.io/me`, so the stand-in knows which region was asked);
 * a configured base URL without `{host}` is one host, asked once.
 */
export const INTERCOM_REGIONS: readonly Region[] = [
  { region: 'US', host: 'api.intercom.io' },
  { region: 'EU', host: 'api.eu.intercom.io' },
  { region: 'AU', host: 'api.au.intercom.io' },
];
export const INTERCOM_VERSION = '2.14';

export const intercomCheck: ProviderCheck = {
  id: 'intercom',
  provider: 'Intercom',
  detectors: ['intercom-access-token'],
  apiReference: 'https://developers.intercom.com/docs/references/rest-api/api.intercom.io/admins/identifyadmin',
  defaultBaseUrl: `https://${HOST_PLACEHOLDER}`,
  // Private apps get 10,000 calls a minute, shared with the integration itself: one check (three regional requests) a second.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const authorization = `Bearer ${input.secret.reveal()}`;
    const answers = await Promise.all(
      regionBaseUrls(env.baseUrl, INTERCOM_REGIONS).map(async ({ region, baseUrl }) => ({
        region,
        verdict: await askRegion(async () =>
          readAnswer(await env.http.request({ method: 'GET', url: `${baseUrl}/me`, headers: { authorization, 'intercom-version': INTERCOM_VERSION } })),
        ),
      })),
    );
    return combineRegions(answers);
  },
};

function readAnswer(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && stringField(body, 'type') === 'admin' && stringField(body, 'id')) {
    return compact({ outcome: 'live', reason: 'Intercom accepted the token', httpStatus: 200, owner: attributeAdmin(body) });
  }
  if (stringField(body, 'type') === 'error.list') {
    const errors = Array.isArray(body?.errors) ? (body.errors as unknown[]).filter((e): e is Record<string, unknown> => e !== null && typeof e === 'object') : [];
    const code = stringField(errors[0], 'code');
    const message = stringField(errors[0], 'message');
    if (res.status === 401 && code === 'unauthorized') return { outcome: 'revoked', reason: `Intercom: ${message ?? 'unauthorized'}`, httpStatus: 401 };
    if ((res.status === 401 || res.status === 403) && code !== undefined) {
      return { outcome: 'unknown', reason: `Intercom refused the request without saying the token is invalid: ${code}`, httpStatus: res.status };
    }
  }
  return unexpectedResponse(res);
}

/** Attribution of `/me`: the admin's name and email, the workspace's name and id code. */
export function attributeAdmin(body: Record<string, unknown>): ProviderOwner {
  const app = objectField(body, 'app');
  const appName = stringField(app, 'name');
  const appId = stringField(app, 'id_code');
  return compact({
    user: stringField(body, 'name') ?? stringField(body, 'id'),
    email: stringField(body, 'email'),
    account: appName && appId ? `${appName} (${appId})` : (appName ?? appId),
  });
}
