import { jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck } from '../types.js';

/**
 * Shippo API tokens. `GET /addresses?results=1` lists (at most one of) the
 * account's saved addresses: a read that any token may make and that changes
 * nothing. The token travels as `Authorization: ShippoToken <token>`.
 * 200 with a `results` list: live. Shippo documents the answer for a deleted
 * or expired token as 401 `{"detail":"Token does not exist"}`
 * (https://docs.goshippo.com/docs/guides_general/authentication): revoked.
 * Any other 401 ("Authentication credentials were not provided", which would
 * mean the header was lost on the way), 403, 429, 5xx and HTML are unknown.
 * Shippo tells nothing about the token's owner on this call, so no attribution.
 */
const ADDRESSES_PATH = '/addresses?results=1';

/** The 401 detail Shippo gives for a token it does not know (any more). */
const INVALID_TOKEN_DETAIL = /token does not exist/i;

export const shippoCheck: ProviderCheck = {
  id: 'shippo',
  provider: 'Shippo',
  detectors: ['shippo-live-api-token'],
  apiReference: 'https://docs.goshippo.com/shippoapi/public-api/addresses/listaddresses',
  defaultBaseUrl: 'https://api.goshippo.com',
  // Shippo's live-mode limit for GET list calls is tens a minute; a check is one call.
  rateLimit: { max: 2, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const headers = { authorization: `ShippoToken ${input.secret.reveal()}`, accept: 'application/json' };
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl}${ADDRESSES_PATH}`, headers });
    return readAddresses(res);
  },
};

function readAddresses(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && Array.isArray(body.results)) {
    return { outcome: 'live', reason: 'Shippo accepted the token', httpStatus: 200 };
  }
  const detail = stringField(body, 'detail');
  if (res.status === 401 && detail !== undefined && INVALID_TOKEN_DETAIL.test(detail)) {
    return { outcome: 'revoked', reason: `Shippo: ${detail}`, httpStatus: 401 };
  }
  if ((res.status === 401 || res.status === 403) && detail !== undefined) {
    return { outcome: 'unknown', reason: `Shippo refused the request without saying the token is invalid: ${detail}`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}
