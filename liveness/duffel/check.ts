import { jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck } from '../types.js';

/**
 * Duffel access tokens. `GET /air/airlines?limit=1` reads one row of Duffel's
 * public airline reference data: every token may read it, read-only tokens
 * included, and it touches nothing of the account. Duffel reads the token
 * from `Authorization: Bearer <token>` and needs `Duffel-Version` and
 * `Accept: application/json` on every request
 * (https://duffel.com/docs/api/overview/making-requests/authentication).
 * 200 with a `data` list: live. 401 means "an access token wasn't provided,
 * or the provided token was invalid" (https://duffel.com/docs/api/overview/errors);
 * with Duffel's error body (`errors[].type` `authentication_error`) it is
 * revoked. 403 ("a valid access token ... without sufficient permissions"),
 * 429, 5xx and anything else are unknown. Duffel tells nothing about the
 * token's organisation on this call, so no attribution.
 */
const AIRLINES_PATH = '/air/airlines?limit=1';
const DUFFEL_VERSION = 'v2';

export const duffelCheck: ProviderCheck = {
  id: 'duffel',
  provider: 'Duffel',
  detectors: ['duffel-live-access-token'],
  apiReference: 'https://duffel.com/docs/api/v2/airlines/get-airlines',
  defaultBaseUrl: 'https://api.duffel.com',
  // Duffel's documented per-token limit is a few hundred requests a minute; a check is one call.
  rateLimit: { max: 2, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const headers = {
      authorization: `Bearer ${input.secret.reveal()}`,
      'duffel-version': DUFFEL_VERSION,
      accept: 'application/json',
    };
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl}${AIRLINES_PATH}`, headers });
    return readAirlines(res);
  },
};

function readAirlines(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && Array.isArray(body.data)) {
    return { outcome: 'live', reason: 'Duffel accepted the token', httpStatus: 200 };
  }
  const error = firstError(body);
  if (res.status === 401 && error?.type === 'authentication_error') {
    return { outcome: 'revoked', reason: `Duffel: ${error.message ?? error.code ?? 'authentication error'}`, httpStatus: 401 };
  }
  if ((res.status === 401 || res.status === 403) && error !== undefined) {
    return { outcome: 'unknown', reason: `Duffel refused the request without saying the token is invalid: ${error.message ?? error.type ?? 'no message'}`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

interface DuffelError {
  readonly type?: string;
  readonly code?: string;
  readonly message?: string;
}

/** Duffel error bodies: `{"meta":{...},"errors":[{"type","title","message","code","documentation_url"}]}`. */
function firstError(body: Record<string, unknown> | null): DuffelError | undefined {
  const errors = Array.isArray(body?.errors) ? (body.errors as unknown[]) : [];
  const first = errors[0];
  if (first === null || typeof first !== 'object') return undefined;
  const e = first as Record<string, unknown>;
  const out: { type?: string; code?: string; message?: string } = {};
  const type = stringField(e, 'type');
  const code = stringField(e, 'code');
  const message = stringField(e, 'message');
  if (type !== undefined) out.type = type;
  if (code !== undefined) out.code = code;
  if (message !== undefined) out.message = message;
  return out;
}
