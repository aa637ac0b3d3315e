import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import { askInTurn, combineInTurn, HOST_PLACEHOLDER, regionBaseUrls, type Region } from '../http/regions.js';
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
 * the first does not accept it (one stack not answering does not hide the
 * other's answer).
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
 *   token without `accounts:read`), 429, 5xx, HTML, a timeout: unknown (the
 *   first stack's that could not tell).
 *
 * Base URL: the default is `https://{host}`; `{host}` is replaced by each
 * stack's API host. A configured base URL without it (a proxy, a stand-in)
 * is used as is, and asked once.
 */
const REFUSED_CODES = new Set(['AUTHENTICATION_ERROR', 'INVALID_AUTHORIZATION']);

export const TYPEFORM_STACKS: readonly Region[] = [
  { region: 'typeform.com', host: 'api.typeform.com' },
  { region: 'typeform.eu', host: 'api.typeform.eu' },
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
    const targets = regionBaseUrls(env.baseUrl, TYPEFORM_STACKS);
    const answers = await askInTurn(targets, async ({ region, baseUrl }) =>
      readMe(
        await env.http.request({ method: 'GET', url: `${baseUrl}/me`, headers: { authorization: `Bearer ${input.secret.reveal()}` } }),
        targets.length > 1 ? region : undefined,
      ),
    );
    return combineInTurn(answers, { everyRefused: `Typeform: both ${targets.map((t) => t.region).join(' and ')} refused the token` });
  },
};

function readMe(res: LivenessResponse, stack: string | undefined): LivenessVerdict {
  const body = jsonObject(res);
  const where = stack ? ` (${stack})` : '';
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
