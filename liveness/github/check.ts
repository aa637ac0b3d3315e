import { compact, jsonObject, scopeList, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * GitHub tokens. User-bound tokens (classic and fine-grained PATs, OAuth and
 * user-to-server tokens) call `GET /user`, which any valid token may read:
 * 200 names the account, `X-OAuth-Scopes` lists a classic token's scopes,
 * 401 "Bad credentials" means the token is invalid. Installation tokens
 * (`ghs_`) cannot read /user, so they call `GET /installation/repositories`
 * (one item), which is what an installation token exists for. Refresh tokens
 * (`ghr_`) only work with the app's client secret: `unknown`.
 *
 * A 403 that is not a rate limit means GitHub accepted the token but it may
 * not read this resource: live. A live user token is also asked for its
 * user's organisations (`GET /user/orgs`), what it can reach beyond the user.
 */
const USER_TOKENS = ['github-pat-classic', 'github-fine-grained-pat', 'github-oauth-token', 'github-user-to-server-token'];

export const githubCheck: ProviderCheck = {
  id: 'github',
  provider: 'GitHub',
  detectors: [...USER_TOKENS, 'github-server-to-server-token', 'github-refresh-token'],
  apiReference: 'https://docs.github.com/en/rest/users/users#get-the-authenticated-user',
  defaultBaseUrl: 'https://api.github.com',
  // Authenticated callers get 5,000 requests/hour per token; stay well under the secondary limits.
  rateLimit: { max: 10, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    if (input.detector === 'github-refresh-token') {
      return { outcome: 'unknown', reason: 'a refresh token can only be tested with its app client secret' };
    }
    const installation = input.detector === 'github-server-to-server-token';
    const headers = { authorization: `Bearer ${input.secret.reveal()}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl}${installation ? '/installation/repositories?per_page=1' : '/user'}`, headers });
    const verdict = readAnswer(res, installation);
    if (verdict.outcome !== 'live' || installation || res.status !== 200) return verdict;
    // Reach: the organisations the token's user belongs to (where it may act with the user's rights). Best effort: any other answer leaves the verdict as it is.
    const orgs = await organisations(env, headers);
    return orgs.length > 0 ? { ...verdict, reach: { resources: [verdict.owner?.user, ...orgs].filter((r): r is string => !!r) } } : verdict;
  },
};

/** `GET /user/orgs` (read:org or a fine-grained token's membership access): the logins, or none. */
async function organisations(env: CheckEnvironment, headers: Readonly<Record<string, string>>): Promise<string[]> {
  try {
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl}/user/orgs?per_page=100`, headers });
    const list = res.status === 200 ? res.json() : undefined;
    if (!Array.isArray(list)) return [];
    return list.map((o) => (o && typeof o === 'object' ? stringField(o as Record<string, unknown>, 'login') : undefined)).filter((l): l is string => l !== undefined);
  } catch {
    return [];
  }
}

function readAnswer(res: LivenessResponse, installation: boolean): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body) {
    const owner = installation ? attributeInstallation(body) : attributeUser(body);
    const scopes = scopeList(res.headers['x-oauth-scopes']);
    // An installation token reaches the repositories the installation was granted: GitHub counts them.
    const reach = installation && typeof body.total_count === 'number' ? { resources: installationRepositories(body), resourceCount: body.total_count } : undefined;
    return compact({ outcome: 'live', reason: 'GitHub accepted the token', httpStatus: 200, owner, scopes, reach });
  }
  if (res.status === 401 && body) return { outcome: 'revoked', reason: `GitHub: ${stringField(body, 'message') ?? 'bad credentials'}`, httpStatus: 401 };
  if (res.status === 403 && body && res.headers['x-ratelimit-remaining'] !== '0' && !res.headers['retry-after']) {
    return { outcome: 'live', reason: 'GitHub accepted the token but denied this resource', httpStatus: 403 };
  }
  if (res.status === 403 && res.headers['x-ratelimit-remaining'] === '0') {
    const reset = Number(res.headers['x-ratelimit-reset']);
    const retryAfterMs = Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - Date.now()) : undefined;
    return compact({ outcome: 'unknown', reason: 'rate limited by GitHub', httpStatus: 403, retryAfterMs });
  }
  return unexpectedResponse(res);
}

/** Attribution: the login (and name, email when public) of `GET /user`. */
export function attributeUser(body: Record<string, unknown>): ProviderOwner {
  return compact({ user: stringField(body, 'login'), email: stringField(body, 'email'), account: stringField(body, 'type') === 'Organization' ? stringField(body, 'login') : undefined });
}

/** Attribution of an installation token: the owner of its first repository. */
export function attributeInstallation(body: Record<string, unknown>): ProviderOwner {
  const repos = Array.isArray(body.repositories) ? (body.repositories as Array<Record<string, unknown>>) : [];
  const owner = repos[0]?.owner as Record<string, unknown> | undefined;
  return compact({ account: owner ? stringField(owner, 'login') : undefined });
}

/** The repository names of an installation's answer (`per_page=1`: the first one). */
function installationRepositories(body: Record<string, unknown>): string[] {
  const repos = Array.isArray(body.repositories) ? (body.repositories as Array<Record<string, unknown>>) : [];
  return repos.map((r) => stringField(r, 'full_name')).filter((n): n is string => n !== undefined);
}
