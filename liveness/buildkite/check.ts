import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Buildkite API access tokens (`bkua_`, with or without a shard id).
 * `GET /v2/access-token` ("Get the current token") describes the token that
 * calls it: its scopes, description and user. Any token may call it,
 * whatever its scopes; it reads nothing else. (The same path with DELETE
 * revokes the token: this check only ever sends GET.) 200 with the token's
 * `uuid`: live. 401 with Buildkite's "Authentication required. Please supply
 * a valid API Access Token" message: revoked. 403 (an IP allowlist, an
 * organization that removed the token's access) and everything else: unknown.
 */
const INVALID_TOKEN_MESSAGE = /authentication required|valid api access token/i;

export const buildkiteCheck: ProviderCheck = {
  id: 'buildkite',
  provider: 'Buildkite',
  detectors: ['buildkite-api-access-token', 'buildkite-api-access-token-sharded'],
  apiReference: 'https://buildkite.com/docs/apis/rest-api/access-token#get-the-current-token',
  defaultBaseUrl: 'https://api.buildkite.com',
  // Buildkite allows 200 REST requests a minute per organization.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl}/v2/access-token`, headers: { authorization: `Bearer ${input.secret.reveal()}` } });
    return readToken(res);
  },
};

function readToken(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && stringField(body, 'uuid')) {
    const owner = attributeToken(body);
    const scopes = Array.isArray(body.scopes) ? body.scopes.filter((s): s is string => typeof s === 'string') : undefined;
    return compact({ outcome: 'live', reason: 'Buildkite accepted the token', httpStatus: 200, owner: Object.keys(owner).length > 0 ? owner : undefined, scopes });
  }
  const message = stringField(body, 'message');
  if (res.status === 401 && message !== undefined && INVALID_TOKEN_MESSAGE.test(message)) {
    return { outcome: 'revoked', reason: 'Buildkite: authentication required (the token is not valid)', httpStatus: 401 };
  }
  return unexpectedResponse(res);
}

/** Attribution of `GET /v2/access-token`: the token's user and its description. */
export function attributeToken(body: Record<string, unknown>): ProviderOwner {
  const user = objectField(body, 'user');
  return compact({ user: stringField(user, 'name'), email: stringField(user, 'email'), tokenName: stringField(body, 'description') });
}
