import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Mapbox secret (`sk.`) and temporary (`tk.`) access tokens. Mapbox
 * documents `GET /tokens/v2?access_token=…` ("Retrieve a token") as the way
 * to validate a token: it reads nothing but the token's own metadata and any
 * token may call it, whatever its scopes. Mapbox reads the token from the
 * `access_token` query parameter only.
 *
 * The answer carries a `code`: `TokenValid` is live (with the token's user
 * and scopes). `TokenInvalid`, `TokenExpired`, `TokenRevoked` and
 * `TokenMalformed` are Mapbox saying the token does not work: revoked,
 * whether it comes with 200 or 401. A 401 without a code but with Mapbox's
 * "Not Authorized - Invalid Token" message (a deleted token) is revoked too.
 * Anything else (403, 422, 429, 5xx, HTML, a body without a known code) is
 * unknown.
 */
const TOKEN_PATH = '/tokens/v2';
const INVALID_CODES = new Set(['TokenInvalid', 'TokenExpired', 'TokenRevoked', 'TokenMalformed']);
const INVALID_TOKEN_MESSAGE = /invalid token/i;

export const mapboxCheck: ProviderCheck = {
  id: 'mapbox',
  provider: 'Mapbox',
  detectors: ['mapbox-secret-token', 'mapbox-temporary-token'],
  apiReference: 'https://docs.mapbox.com/api/accounts/tokens/#retrieve-a-token',
  defaultBaseUrl: 'https://api.mapbox.com',
  // The Tokens API allows 100 requests a minute; a check is one.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const query = new URLSearchParams({ access_token: input.secret.reveal() });
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl}${TOKEN_PATH}?${query.toString()}` });
    return readToken(res);
  },
};

function readToken(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  const code = stringField(body, 'code');
  if (res.status === 200 && code === 'TokenValid') {
    const token = objectField(body, 'token') ?? {};
    const scopes = Array.isArray(token.scopes) ? token.scopes.filter((s): s is string => typeof s === 'string') : undefined;
    const owner = attributeToken(token);
    return compact({
      outcome: 'live' as const,
      reason: 'Mapbox says the token is valid',
      httpStatus: 200,
      owner: Object.keys(owner).length > 0 ? owner : undefined,
      scopes,
    });
  }
  if ((res.status === 200 || res.status === 401) && code !== undefined && INVALID_CODES.has(code)) {
    return { outcome: 'revoked', reason: `Mapbox: ${code}`, httpStatus: res.status };
  }
  const message = stringField(body, 'message');
  if (res.status === 401 && message !== undefined && INVALID_TOKEN_MESSAGE.test(message)) {
    return { outcome: 'revoked', reason: `Mapbox: ${message}`, httpStatus: 401 };
  }
  if ((res.status === 401 || res.status === 403) && message !== undefined) {
    return { outcome: 'unknown', reason: `Mapbox refused the request without saying the token is invalid: ${message}`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

/** Attribution of the token metadata: the Mapbox user (account) and the token's note. */
export function attributeToken(token: Record<string, unknown>): ProviderOwner {
  return compact({ user: stringField(token, 'user'), tokenName: stringField(token, 'note') });
}
