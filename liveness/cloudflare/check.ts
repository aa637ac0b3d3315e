import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck } from '../types.js';

/**
 * Cloudflare API tokens. `GET /client/v4/user/tokens/verify` ("Verify
 * Token") tests the token that calls it and reads nothing else; every token
 * may call it, whatever its permissions. 200 with `result.status` "active":
 * live; "disabled" or "expired": revoked (Cloudflare says the token no
 * longer works). 401 with Cloudflare's error envelope, code 1000 "Invalid API
 * Token": revoked. Everything else is unknown, including 403 (a token's
 * Client IP Address Filter refusing our address, code 9109) and 400 code
 * 6003 (the header was not read as a token at all).
 *
 * Account-owned tokens (`cfat_`) are verified per account, at
 * `GET /client/v4/accounts/{account_id}/tokens/verify`; the user endpoint does
 * not know them, so its "invalid" answer says nothing about an account token.
 * When the finding carries the account id (context `account_id`), that
 * endpoint is asked; otherwise the verdict is unknown and no request is sent.
 *
 * Cloudflare answers with the token's id only: there is no owner to report.
 */
const USER_VERIFY_PATH = '/client/v4/user/tokens/verify';
const accountVerifyPath = (accountId: string): string => `/client/v4/accounts/${encodeURIComponent(accountId)}/tokens/verify`;
const ACCOUNT_TOKEN_DETECTOR = 'cloudflare-account-api-token';
/** Cloudflare's error code for a token it does not know (any more). */
const INVALID_TOKEN_CODE = 1000;
/** Cloudflare account ids are 32 hex characters. */
const ACCOUNT_ID = /^[0-9a-f]{32}$/i;

export const cloudflareCheck: ProviderCheck = {
  id: 'cloudflare',
  provider: 'Cloudflare',
  detectors: ['cloudflare-user-api-token', ACCOUNT_TOKEN_DETECTOR],
  apiReference: 'https://developers.cloudflare.com/api/resources/user/subresources/tokens/methods/verify/',
  defaultBaseUrl: 'https://api.cloudflare.com',
  // Cloudflare allows 1200 requests per five minutes per user; checks are rare.
  rateLimit: { max: 4, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    let path = USER_VERIFY_PATH;
    if (input.detector === ACCOUNT_TOKEN_DETECTOR) {
      const accountId = input.context.account_id;
      if (!accountId || !ACCOUNT_ID.test(accountId)) {
        return { outcome: 'unknown', reason: 'Cloudflare verifies account-owned tokens per account, and the finding names no account id' };
      }
      path = accountVerifyPath(accountId);
    }
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl}${path}`, headers: { authorization: `Bearer ${input.secret.reveal()}` } });
    return readVerify(res);
  },
};

function readVerify(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  const result = objectField(body, 'result');
  const status = stringField(result, 'status');
  if (res.status === 200 && body?.success === true && status) {
    if (status === 'active') return compact({ outcome: 'live', reason: 'Cloudflare: the token is valid and active', httpStatus: 200 });
    if (status === 'disabled' || status === 'expired') return { outcome: 'revoked', reason: `Cloudflare: the token is ${status}`, httpStatus: 200 };
  }
  const error = firstError(body);
  if (res.status === 401 && error?.code === INVALID_TOKEN_CODE) {
    return { outcome: 'revoked', reason: `Cloudflare: ${error.message ?? 'Invalid API Token'}`, httpStatus: 401 };
  }
  if ((res.status === 400 || res.status === 401 || res.status === 403) && error) {
    return { outcome: 'unknown', reason: `Cloudflare refused the request without saying the token is invalid (code ${error.code ?? '?'})`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

/** Cloudflare's envelope: `{"success":false,"errors":[{"code":1000,"message":"..."}],...}`. */
function firstError(body: Record<string, unknown> | null): { code?: number; message?: string } | undefined {
  const errors = Array.isArray(body?.errors) ? (body.errors as unknown[]) : [];
  const first = errors[0];
  if (first === null || typeof first !== 'object') return undefined;
  const record = first as Record<string, unknown>;
  return compact({ code: typeof record.code === 'number' ? record.code : undefined, message: stringField(record, 'message') });
}
