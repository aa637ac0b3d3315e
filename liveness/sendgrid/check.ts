import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * SendGrid API keys. `GET /v3/scopes` returns the scopes of the key that
 * calls it; every key may call it, whatever its permissions, and it reads
 * nothing but the key's own grant: the least a key can be asked. 200 lists
 * the scopes: live. 401 with SendGrid's `errors` body saying the key is
 * unknown ("authorization required") or "The provided authorization grant is
 * invalid, expired, or revoked" (a deleted key): revoked. SendGrid also
 * answers 401 for valid keys ("Maximum credits exceeded", "Authenticated user
 * is not authorized"), and 403 "access forbidden" for keys it will not serve
 * from our address (IP Access Management): those say nothing about the key,
 * so they are unknown.
 *
 * When the scopes include `user.username.read`, `GET /v3/user/username` names
 * the account (read-only too); a failure there never changes the verdict.
 */
const SCOPES_PATH = '/v3/scopes';
const USERNAME_PATH = '/v3/user/username';
const USERNAME_SCOPE = 'user.username.read';

/** The 401 messages SendGrid gives for a key it does not know (any more). */
const INVALID_KEY_MESSAGES = [/authorization required/i, /authorization grant is invalid, expired, or revoked/i];

export const sendgridCheck: ProviderCheck = {
  id: 'sendgrid',
  provider: 'Twilio SendGrid',
  detectors: ['sendgrid-api-key'],
  apiReference: 'https://www.twilio.com/docs/sendgrid/api-reference/api-key-permissions/retrieve-a-list-of-scopes-for-which-this-user-has-access',
  defaultBaseUrl: 'https://api.sendgrid.com',
  // The v3 API allows hundreds of requests a minute per endpoint; a check is one or two.
  rateLimit: { max: 5, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const headers = { authorization: `Bearer ${input.secret.reveal()}` };
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl}${SCOPES_PATH}`, headers });
    const verdict = readScopes(res);
    if (verdict.outcome !== 'live' || !verdict.scopes?.includes(USERNAME_SCOPE)) return verdict;
    const owner = await fetchOwner(env, headers);
    return owner ? { ...verdict, owner } : verdict;
  },
};

function readScopes(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && Array.isArray(body.scopes)) {
    const scopes = body.scopes.filter((s): s is string => typeof s === 'string');
    return { outcome: 'live', reason: 'SendGrid accepted the key', httpStatus: 200, scopes };
  }
  const message = firstErrorMessage(body);
  if (res.status === 401 && message !== undefined && INVALID_KEY_MESSAGES.some((m) => m.test(message))) {
    return { outcome: 'revoked', reason: `SendGrid: ${message}`, httpStatus: 401 };
  }
  if ((res.status === 401 || res.status === 403) && message !== undefined) {
    return { outcome: 'unknown', reason: `SendGrid refused the request without saying the key is invalid: ${message}`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

/** The owner from `GET /v3/user/username`, or undefined on any failure (the key is live either way). */
async function fetchOwner(env: CheckEnvironment, headers: Record<string, string>): Promise<ProviderOwner | undefined> {
  try {
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl}${USERNAME_PATH}`, headers });
    const body = jsonObject(res);
    if (res.status !== 200 || !body) return undefined;
    const owner = attributeUsername(body);
    return Object.keys(owner).length > 0 ? owner : undefined;
  } catch {
    return undefined;
  }
}

/** SendGrid error bodies: `{"errors":[{"field":null,"message":"..."}]}`. */
function firstErrorMessage(body: Record<string, unknown> | null): string | undefined {
  const errors = Array.isArray(body?.errors) ? (body.errors as unknown[]) : [];
  const first = errors[0];
  return first !== null && typeof first === 'object' ? stringField(first as Record<string, unknown>, 'message') : undefined;
}

/** Attribution: the account's username from `GET /v3/user/username`. */
export function attributeUsername(body: Record<string, unknown>): ProviderOwner {
  return compact({ user: stringField(body, 'username') });
}
