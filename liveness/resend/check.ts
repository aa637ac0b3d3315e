import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Resend API keys (`re_`), bearer tokens. Resend keys have one of two
 * permissions, full access or sending access, and Resend documents no call
 * that reads the key itself. `GET /domains` lists the account's domains and
 * changes nothing; Resend's documented answers tell all three cases apart
 * for both permissions, without sending anything:
 *
 * - 200 with the domain list: a full-access key: live (the domains name the
 *   account).
 * - 401 `restricted_api_key` ("This API key is restricted to only send
 *   emails"): Resend recognised a sending-access key: live.
 * - "API key is invalid" (`invalid_api_key` 403, or `validation_error` 400 /
 *   401 in the current error reference): the key does not exist or was
 *   deleted: revoked.
 * - 401 `missing_api_key`, 403 without that body (Cloudflare error 1010, a
 *   missing User-Agent), 429, 5xx: unknown.
 */
const INVALID_KEY = /api key is invalid/i;

export const resendCheck: ProviderCheck = {
  id: 'resend',
  provider: 'Resend',
  detectors: ['resend-api-key'],
  apiReference: 'https://resend.com/docs/api-reference/domains/list-domains',
  defaultBaseUrl: 'https://api.resend.com',
  // Resend allows 2 requests a second per team by default.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl.replace(/\/+$/, '')}/domains`,
      headers: { authorization: `Bearer ${input.secret.reveal()}` },
    });
    return readAnswer(res);
  },
};

function readAnswer(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && Array.isArray(body.data)) {
    return compact({ outcome: 'live', reason: 'Resend accepted the key (full access)', httpStatus: 200, owner: attributeDomains(body.data), scopes: ['full_access'] });
  }
  const name = stringField(body, 'name');
  const message = stringField(body, 'message') ?? '';
  if (res.status === 401 && name === 'restricted_api_key') {
    return { outcome: 'live', reason: 'Resend recognised a sending-only key', httpStatus: 401, scopes: ['sending_access'] };
  }
  if ([400, 401, 403].includes(res.status) && (name === 'invalid_api_key' || ((name === 'validation_error' || name === undefined) && INVALID_KEY.test(message)))) {
    return { outcome: 'revoked', reason: 'Resend: API key is invalid', httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

/** Attribution: the account's sending domains, comma-separated, as the account. */
export function attributeDomains(data: readonly unknown[]): ProviderOwner | undefined {
  const names = data
    .filter((d): d is Record<string, unknown> => d !== null && typeof d === 'object')
    .map((d) => stringField(d, 'name'))
    .filter((n): n is string => n !== undefined);
  return names.length > 0 ? { account: names.join(', ') } : undefined;
}
