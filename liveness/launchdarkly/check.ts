import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import { askInTurn, combineInTurn, HOST_PLACEHOLDER, regionBaseUrls, type Region } from '../http/regions.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * LaunchDarkly API access tokens (`api-<uuid>`: personal and service
 * tokens). LaunchDarkly reads the token from the `Authorization` header as
 * it is, without a `Bearer` prefix. `GET /api/v2/caller-identity`
 * ("Identify the caller") returns the account, member and token name behind
 * the token and changes nothing.
 *
 * LaunchDarkly runs three separate instances with the same token format:
 * commercial (app.launchdarkly.com), federal (app.launchdarkly.us) and EU
 * (app.eu.launchdarkly.com); a token works only on the instance that issued
 * it. The check asks them in that order and stops at the first that accepts
 * the token (one instance not answering does not hide the next one's answer).
 *
 * - 200 with the caller identity: live (account id, member id, token name,
 *   scopes), from the instance that answered.
 * - 401 `{"code":"unauthorized","message":"Invalid access token"}` (the
 *   documented answer of this endpoint): that instance does not know the
 *   token. Revoked only when every instance answered so.
 * - Any other 401 or 403 (LaunchDarkly also uses 401 for a missing
 *   permission), 429, 5xx, HTML, a timeout: unknown (the first instance's
 *   that could not tell).
 *
 * Base URL: the default is `https://{host}`; `{host}` is replaced by each
 * instance's host. A configured base URL without it (a proxy, a stand-in) is
 * used as is, and asked once.
 */
export const LAUNCHDARKLY_INSTANCES: readonly Region[] = [
  { region: 'commercial', host: 'app.launchdarkly.com' },
  { region: 'federal', host: 'app.launchdarkly.us' },
  { region: 'EU', host: 'app.eu.launchdarkly.com' },
];

export const launchdarklyCheck: ProviderCheck = {
  id: 'launchdarkly',
  provider: 'LaunchDarkly',
  detectors: ['launchdarkly-access-token'],
  apiReference: 'https://launchdarkly.com/docs/api/other/get-caller-identity',
  defaultBaseUrl: `https://${HOST_PLACEHOLDER}`,
  // All tokens of an account share a global limit per ten seconds (not published); up to three requests a check.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const targets = regionBaseUrls(env.baseUrl, LAUNCHDARKLY_INSTANCES);
    const answers = await askInTurn(targets, async ({ region, baseUrl }) =>
      readIdentity(
        await env.http.request({ method: 'GET', url: `${baseUrl}/api/v2/caller-identity`, headers: { authorization: input.secret.reveal() } }),
        targets.length > 1 ? region : undefined,
      ),
    );
    return combineInTurn(answers, { everyRefused: `LaunchDarkly: every instance (${targets.map((t) => t.region).join(', ')}) answered "Invalid access token"` });
  },
};

function readIdentity(res: LivenessResponse, instance: string | undefined): LivenessVerdict {
  const body = jsonObject(res);
  const where = instance ? ` (${instance} instance)` : '';
  if (res.status === 200 && body && (stringField(body, 'accountId') || stringField(body, 'tokenId') || stringField(body, 'memberId'))) {
    const kind = body.serviceToken === true ? 'service token' : 'token';
    return compact({ outcome: 'live' as const, reason: `LaunchDarkly accepted the ${kind}${where}`, httpStatus: 200, owner: attributeIdentity(body), scopes: scopesOf(body) });
  }
  const code = stringField(body, 'code');
  const message = stringField(body, 'message') ?? '';
  if (res.status === 401 && code === 'unauthorized' && /invalid access token/i.test(message)) {
    return { outcome: 'revoked', reason: `LaunchDarkly${where}: Invalid access token`, httpStatus: 401 };
  }
  if ((res.status === 401 || res.status === 403) && code !== undefined) {
    return { outcome: 'unknown', reason: `LaunchDarkly refused the request without saying the token is invalid: ${code}`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

function scopesOf(body: Record<string, unknown>): string[] | undefined {
  if (!Array.isArray(body.scopes)) return undefined;
  const scopes = body.scopes.filter((s): s is string => typeof s === 'string');
  return scopes.length > 0 ? scopes : undefined;
}

/** Attribution of the caller identity: the account, the member who owns the token (personal tokens), and the token's name. */
export function attributeIdentity(body: Record<string, unknown>): ProviderOwner | undefined {
  const owner = compact({ account: stringField(body, 'accountId'), user: stringField(body, 'memberId'), tokenName: stringField(body, 'tokenName') });
  return Object.keys(owner).length > 0 ? owner : undefined;
}
