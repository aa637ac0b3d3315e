import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Typeform personal access tokens (`tfp_`), bearer tokens. `GET /me`
 * ("Retrieve your own account", scope `accounts:read`) returns the token
 * owner's alias, email and language; it reads no form or response.
 *
 * Typeform has two separate stacks: typeform.com (api.typeform.com; accounts
 * whose responses live in the EU Responses Data Center use
 * api.eu.typeform.com, which Typeform documents as giving the same answers
 * for the Accounts API, so it is not asked separately) and typeform.eu
 * (api.typeform.eu, its own accounts and tokens). A token works on its own
 * stack only, so the check asks api.typeform.com, then api.typeform.eu when
 * the first refuses it.
 *
 * - 200 with the account (`alias`, `email`, `user_id`): live.
 * - 401/403 with Typeform's authentication error object: `code`
 *   `AUTHENTICATION_ERROR` or `INVALID_AUTHORIZATION` ("The access token is
 *   incorrect in your request", https://www.typeform.com/developers/troubleshooting/),
 *   or `AUTHENTICATION_FAILED` with "Authentication failed" (what the API
 *   answers an unknown or deleted token): that stack refused the token.
 *   Revoked only when both stacks refused it so.
 * - 401 `AUTHENTICATION_FAILED` "Authentication credentials not found on
 *   the Request Headers" (the token did not arrive), any other 401/403 (a
 *   token without `accounts:read`), 429, 5xx, HTML: unknown.
 */
const HOST_PLACEHOLDER = '{host}';
const REFUSED_CODES = new Set(['AUTHENTICATION_ERROR', 'INVALID_AUTHORIZATION']);

interface Stack {
  readonly name: string;
  readonly host: string;
}
export const TYPEFORM_STACKS: readonly Stack[] = [
  { name: 'typeform.com', host: 'api.typeform.com' },
  { name: 'typeform.eu', host: 'api.typeform.eu' },
];

export const typeformCheck: ProviderCheck = {
  id: 'typeform',
  provider: 'Typeform',
  detectors: ['typeform-personal-access-token'],
  apiReference: 'https://www.typeform.com/developers/create/reference/retrieve-own-account/',
  defaultBaseUrl: `https://${HOST_PLACEHOLDER}`,
  // Typeform allows 2 requests a second per account (Create and Responses APIs); up to two requests a check.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const targets = stackTargets(env.baseUrl);
    let unknown: LivenessVerdict | undefined;
    let refusal: LivenessVerdict | undefined;
    for (const target of targets) {
      const res = await env.http.request({
        method: 'GET',
        url: `${target.url}/me`,
        headers: { authorization: `Bearer ${input.secret.reveal()}` },
      });
      const verdict = readMe(res, targets.length > 1 ? target.stack : undefined);
      if (verdict.outcome === 'live') return verdict;
      if (verdict.outcome === 'revoked') refusal ??= verdict;
      else unknown ??= verdict;
    }
    if (unknown) return unknown;
    if (refusal && targets.length > 1) {
      return { ...refusal, reason: `Typeform: both ${targets.map((t) => t.stack.name).join(' and ')} refused the token` };
    }
    return refusal ?? { outcome: 'unknown', reason: 'no Typeform stack was asked' };
  },
};

/**
 * The base URL of each stack to ask. The default names the host as
 * `{host}`; a configured base URL without it (a proxy, a stand-in) is used
 * as is, and asked once.
 */
export function stackTargets(baseUrl: string): Array<{ stack: Stack; url: string }> {
  const targets: Array<{ stack: Stack; url: string }> = [];
  for (const stack of TYPEFORM_STACKS) {
    const url = baseUrl.replace(/\/+$/, '').split(HOST_PLACEHOLDER).join(stack.host);
    if (!targets.some((t) => t.url === url)) targets.push({ stack, url });
  }
  return targets;
}

function readMe(res: LivenessResponse, stack: Stack | undefined): LivenessVerdict {
  const body = jsonObject(res);
  const where = stack ? ` (${stack.name})` : '';
  if (res.status === 200 && body && (stringField(body, 'alias') || stringField(body, 'email') || stringField(body, 'user_id'))) {
    return compact({ outcome: 'live' as const, reason: `Typeform accepted the token${where}`, httpStatus: 200, owner: attributeMe(body) });
  }
  const code = stringField(body, 'code');
  const description = stringField(body, 'description') ?? '';
  const refused = code !== undefined && (REFUSED_CODES.has(code) || (code === 'AUTHENTICATION_FAILED' && /^authentication failed\.?$/i.test(description.trim())));
  if ((res.status === 401 || res.status === 403) && refused) {
    return { outcome: 'revoked', reason: `Typeform${where}: ${code}`, httpStatus: res.status };
  }
  if ((res.status === 401 || res.status === 403) && code !== undefined) {
    return { outcome: 'unknown', reason: `Typeform refused the request without saying the token is invalid: ${code}`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

/** Attribution of `GET /me`: the account alias (user id when there is none) and email. */
export function attributeMe(body: Record<string, unknown>): ProviderOwner | undefined {
  const owner = compact({ user: stringField(body, 'alias') ?? stringField(body, 'user_id'), email: stringField(body, 'email') });
  return Object.keys(owner).length > 0 ? owner : undefined;
}
