import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * GitLab tokens. Personal, project and group access tokens (all `glpat-`)
 * call `GET /api/v4/personal_access_tokens/self`, which describes the token
 * that calls it and which GitLab opens to every scope, so any live token can
 * read it and nothing else is touched: 200 gives the token's name, scopes
 * and user id, 401 means the token is unknown, revoked or expired. When the
 * scopes allow reading the user (`read_user`, `read_api`, `api`), one
 * `GET /api/v4/user` adds the username; if that fails the verdict stays
 * live without it.
 *
 * The other GitLab tokens have no read-only call this check could make
 * (listed so their findings get a reason rather than silence): `unknown`.
 */
const UNCHECKABLE: Readonly<Record<string, string>> = {
  'gitlab-deploy-token': 'a deploy token works only with Git and the registries, not the REST API; there is no read-only call to test it',
  'gitlab-pipeline-trigger-token': 'a pipeline trigger token can only start pipelines; there is no read-only call to test it',
  'gitlab-runner-registration-token': 'a runner registration token can only register a runner; there is no read-only call to test it',
  'gitlab-runner-token': 'a runner token is only tested by POST /runners/verify, which records a runner contact; not called',
  'gitlab-scim-token': 'a SCIM token is tested against its group SCIM endpoint, whose group path the finding does not carry',
};

/** Scopes that may read `GET /user`. */
const USER_READING_SCOPES = new Set(['api', 'read_api', 'read_user']);

export const gitlabCheck: ProviderCheck = {
  id: 'gitlab',
  provider: 'GitLab',
  detectors: ['gitlab-pat', ...Object.keys(UNCHECKABLE)],
  apiReference: 'https://docs.gitlab.com/api/personal_access_tokens/#self-inform',
  defaultBaseUrl: 'https://gitlab.com',
  // GitLab.com allows 2,000 authenticated API requests a minute per user; two calls a check.
  rateLimit: { max: 5, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const uncheckable = UNCHECKABLE[input.detector];
    if (uncheckable) return { outcome: 'unknown', reason: uncheckable };
    if (input.detector !== 'gitlab-pat') return { outcome: 'unknown', reason: `no GitLab check for ${input.detector}` };
    const headers = { 'private-token': input.secret.reveal() };
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl}/api/v4/personal_access_tokens/self`, headers });
    const body = jsonObject(res);
    if (res.status === 401 && body) return { outcome: 'revoked', reason: `GitLab: ${gitlabError(body) ?? '401 Unauthorized'}`, httpStatus: 401 };
    if (res.status !== 200 || !body) return unexpectedResponse(res);
    if (body.revoked === true || body.active === false) return { outcome: 'revoked', reason: 'GitLab reports the token revoked or inactive', httpStatus: 200 };
    const scopes = stringList(body.scopes);
    const user = scopes?.some((s) => USER_READING_SCOPES.has(s)) ? await readUser(env, headers) : null;
    return compact({ outcome: 'live', reason: 'GitLab accepted the token', httpStatus: 200, owner: attributeGitlabToken(body, user), scopes });
  },
};

/** The current user, or null when the call does not answer 200 (the token verdict does not depend on it). */
async function readUser(env: CheckEnvironment, headers: Record<string, string>): Promise<Record<string, unknown> | null> {
  try {
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl}/api/v4/user`, headers });
    return res.status === 200 ? jsonObject(res) : null;
  } catch {
    return null;
  }
}

/**
 * Attribution: the token's name, and its user: the username and email of
 * `GET /user` when read, else the numeric `user_id` of the token.
 */
export function attributeGitlabToken(token: Record<string, unknown>, user: Record<string, unknown> | null = null): ProviderOwner {
  return compact({
    user: stringField(user, 'username') ?? stringField(token, 'user_id'),
    email: stringField(user, 'email'),
    tokenName: stringField(token, 'name'),
  });
}

function gitlabError(body: Record<string, unknown>): string | undefined {
  return stringField(body, 'error_description') ?? stringField(body, 'message') ?? stringField(body, 'error');
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}
