import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * HubSpot private app access tokens (`pat-na1-…`, `pat-eu1-…`; both are
 * served by api.hubapi.com). `GET /account-info/v3/details` returns the
 * portal (account) the token belongs to and reads no CRM record. 200 with a
 * `portalId`: live. 401 with HubSpot's error body whose `category` is
 * `INVALID_AUTHENTICATION` or `EXPIRED_AUTHENTICATION` (a rotated or deleted
 * token): revoked. 403 (`MISSING_SCOPES`, a portal that blocks the call) and
 * everything else (429, 5xx, HTML) is unknown.
 */
const REVOKED_CATEGORIES = new Set(['INVALID_AUTHENTICATION', 'EXPIRED_AUTHENTICATION']);

export const hubspotCheck: ProviderCheck = {
  id: 'hubspot',
  provider: 'HubSpot',
  detectors: ['hubspot-private-app-token-na1', 'hubspot-private-app-token-eu1'],
  apiReference: 'https://developers.hubspot.com/docs/api-reference/legacy/account/account-information/get-account-details',
  defaultBaseUrl: 'https://api.hubapi.com',
  // Private apps get 100-190 requests per 10 seconds, shared with the integration itself: stay small.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl}/account-info/v3/details`,
      headers: { authorization: `Bearer ${input.secret.reveal()}` },
    });
    return readDetails(res);
  },
};

function readDetails(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && stringField(body, 'portalId')) {
    return { outcome: 'live', reason: 'HubSpot accepted the token', httpStatus: 200, owner: attributeDetails(body) };
  }
  const category = stringField(body, 'category');
  if (res.status === 401 && category !== undefined && REVOKED_CATEGORIES.has(category)) {
    return { outcome: 'revoked', reason: `HubSpot: ${category}`, httpStatus: 401 };
  }
  if ((res.status === 401 || res.status === 403) && category !== undefined) {
    return { outcome: 'unknown', reason: `HubSpot refused the request without saying the token is invalid: ${category}`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

/** Attribution of the account details: the portal (Hub) id, and its UI domain where given. */
export function attributeDetails(body: Record<string, unknown>): ProviderOwner {
  const portalId = stringField(body, 'portalId');
  const domain = stringField(body, 'uiDomain');
  return compact({ account: portalId && domain ? `${portalId} (${domain})` : portalId });
}
