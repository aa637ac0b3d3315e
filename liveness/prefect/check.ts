import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Prefect Cloud user API keys (`pnu_`), bearer tokens. `GET /api/me/` returns
 * the user the key belongs to and changes nothing; it is the call Prefect's
 * own troubleshooting guide gives to check a key
 * (https://docs.prefect.io/v3/how-to-guides/cloud/troubleshoot-cloud#cloud).
 *
 * - 200 with the user (`id`, `handle`, `email`): live.
 * - 401 `{"detail":"Invalid authentication credentials"}`: Prefect documents
 *   this answer for missing, incorrect or expired keys, and the key is always
 *   sent: revoked.
 * - 403 (an account's IP allowlist refusing our address; "Only users (not
 *   service accounts) can access this endpoint" for a `pnb_` key), any
 *   other 401, 429, 5xx, HTML: unknown.
 */
const INVALID_CREDENTIALS = /^invalid authentication credentials\.?$/i;

export const prefectCheck: ProviderCheck = {
  id: 'prefect',
  provider: 'Prefect',
  detectors: ['prefect-api-key'],
  apiReference: 'https://docs.prefect.io/v3/how-to-guides/cloud/troubleshoot-cloud#cloud',
  defaultBaseUrl: 'https://api.prefect.cloud',
  // Prefect Cloud rate-limits per account (limits published for flow and task runs only): stay small.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl.replace(/\/+$/, '')}/api/me/`,
      headers: { authorization: `Bearer ${input.secret.reveal()}` },
    });
    return readMe(res);
  },
};

function readMe(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && (stringField(body, 'id') || stringField(body, 'handle') || stringField(body, 'email'))) {
    return compact({ outcome: 'live' as const, reason: 'Prefect Cloud accepted the key', httpStatus: 200, owner: attributeMe(body) });
  }
  const detail = stringField(body, 'detail');
  if (res.status === 401 && detail !== undefined && INVALID_CREDENTIALS.test(detail.trim())) {
    return { outcome: 'revoked', reason: `Prefect Cloud: ${detail}`, httpStatus: 401 };
  }
  if ((res.status === 401 || res.status === 403) && detail !== undefined) {
    return { outcome: 'unknown', reason: `Prefect Cloud refused the request without saying the key is invalid: ${detail}`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

/** Attribution of `GET /api/me/`: the user's handle (id when there is none) and email. */
export function attributeMe(body: Record<string, unknown>): ProviderOwner | undefined {
  const owner = compact({ user: stringField(body, 'handle') ?? stringField(body, 'id'), email: stringField(body, 'email') });
  return Object.keys(owner).length > 0 ? owner : undefined;
}
