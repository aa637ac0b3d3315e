import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck } from '../types.js';

/**
 * Tailscale API access tokens (`tskey-api-`). `GET /api/v2/tailnet/-/keys`
 * ("List tailnet keys") lists the caller's own keys' metadata (ids,
 * descriptions, expiry: never a key's secret) for the token's default
 * tailnet `-`; it changes nothing. 200 with a `keys` list: live. 401 with
 * Tailscale's `{"message":"API token invalid"}` (a wrong, expired or revoked
 * token): revoked. 403 and everything else: unknown.
 *
 * Auth keys, OAuth client secrets, SCIM keys and webhook secrets have no
 * read-only check: an auth key is only ever consumed by registering a device,
 * an OAuth client secret only by minting an access token, and webhook secrets
 * never authenticate to the API.
 */
const INVALID_TOKEN_MESSAGE = /api token invalid/i;

export const tailscaleCheck: ProviderCheck = {
  id: 'tailscale',
  provider: 'Tailscale',
  detectors: ['tailscale-api-key'],
  apiReference: 'https://tailscale.com/api#tag/keys/GET/tailnet/{tailnet}/keys',
  defaultBaseUrl: 'https://api.tailscale.com',
  rateLimit: { max: 2, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl}/api/v2/tailnet/-/keys`, headers: { authorization: `Bearer ${input.secret.reveal()}` } });
    return readKeys(res);
  },
};

function readKeys(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && Array.isArray(body.keys)) {
    return compact({ outcome: 'live', reason: 'Tailscale accepted the token', httpStatus: 200 });
  }
  const message = stringField(body, 'message');
  if (res.status === 401 && message !== undefined && INVALID_TOKEN_MESSAGE.test(message)) {
    return { outcome: 'revoked', reason: `Tailscale: ${message}`, httpStatus: 401 };
  }
  return unexpectedResponse(res);
}
