import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * RubyGems.org API keys (`rubygems_…`), sent bare in the `Authorization`
 * header as RubyGems.org documents. RubyGems.org has no call that reads a key
 * itself (`GET /api/v1/api_key` is retired, `GET /api/v1/profile/me` wants
 * the password); `GET /api/v1/gems.json` ("List your gems") lists the gems of
 * the key's owner and changes nothing. Its answers come from
 * Api::BaseController of rubygems/rubygems.org (messages in
 * config/locales/en.yml):
 *
 * - 200 with a JSON array: live, with the `index_rubygems` scope; the gem
 *   names stand for the owner.
 * - 401, plain text "Access Denied. Please sign up for an account at
 *   https://rubygems.org": no unexpired key has this value (never issued,
 *   deleted or expired): revoked.
 * - 403 `{"error":"An invalid API key cannot be used. Please delete it and
 *   create a new one."}`: a soft-deleted key (its gem's ownership was
 *   removed, which invalidates the keys scoped to that gem): revoked.
 * - 403 `{"error":"This API key cannot perform the specified action on this
 *   gem."}` (no `index_rubygems` scope), "The API key doesn't have access"
 *   (a key without a user, e.g. a trusted-publisher key) or "Please confirm
 *   your email address…": RubyGems.org found the key, which only may not
 *   list gems: live.
 * - Any other 401 or 403 (a firewall page), 429, 5xx: unknown.
 */
const ACCESS_DENIED = /^Access Denied\. Please sign up for an account at https:\/\/rubygems\.org/;
const SOFT_DELETED = /^An invalid API key cannot be used/;
const KNOWN_KEY_REFUSALS: readonly [RegExp, string][] = [
  [/^This API key cannot perform the specified action/, 'the key lacks the index_rubygems scope'],
  [/^The API key doesn't have access/, 'the key has no user (a trusted-publisher key)'],
  [/^Please confirm your email address/, "the owner's email address is not confirmed"],
];
/** How many gem names the attribution lists. */
const MAX_GEM_NAMES = 10;

export const rubygemsCheck: ProviderCheck = {
  id: 'rubygems',
  provider: 'RubyGems.org',
  detectors: ['rubygems-api-key'],
  apiReference: 'https://guides.rubygems.org/rubygems-org-api/#gem-methods',
  defaultBaseUrl: 'https://rubygems.org',
  // RubyGems.org allows 10 API requests a second per client; one request per check.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl.replace(/\/+$/, '')}/api/v1/gems.json`,
      headers: { authorization: input.secret.reveal(), accept: 'application/json' },
    });
    return readGems(res);
  },
};

function readGems(res: LivenessResponse): LivenessVerdict {
  const list = res.status === 200 ? res.json() : undefined;
  if (res.status === 200 && Array.isArray(list)) {
    return compact({ outcome: 'live', reason: `RubyGems.org accepted the key (it lists ${list.length} gem${list.length === 1 ? '' : 's'})`, httpStatus: 200, owner: attributeGems(list), scopes: ['index_rubygems'] });
  }
  if (res.status === 401 && ACCESS_DENIED.test(res.text.trim())) {
    return { outcome: 'revoked', reason: 'RubyGems.org: Access Denied (no such key, or it expired)', httpStatus: 401 };
  }
  const error = res.status === 403 ? stringField(jsonObject(res), 'error') : undefined;
  if (error !== undefined && SOFT_DELETED.test(error)) {
    return { outcome: 'revoked', reason: 'RubyGems.org: the key was invalidated (soft-deleted)', httpStatus: 403 };
  }
  const refusal = error === undefined ? undefined : KNOWN_KEY_REFUSALS.find(([pattern]) => pattern.test(error));
  if (refusal) {
    return { outcome: 'live', reason: `RubyGems.org recognised the key, but ${refusal[1]}`, httpStatus: 403 };
  }
  return unexpectedResponse(res);
}

/** Attribution of `GET /api/v1/gems.json`: the owner's gem names, as the account. */
export function attributeGems(list: readonly unknown[]): ProviderOwner | undefined {
  const names = list
    .filter((g): g is Record<string, unknown> => g !== null && typeof g === 'object')
    .map((g) => stringField(g, 'name'))
    .filter((n): n is string => n !== undefined);
  if (names.length === 0) return undefined;
  const shown = names.slice(0, MAX_GEM_NAMES).join(', ');
  return { account: names.length > MAX_GEM_NAMES ? `${shown} (+${names.length - MAX_GEM_NAMES} more)` : shown };
}
