import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Doppler tokens. `GET /v3/me` describes the token that calls it (its name,
 * type and workplace); it reads no secret. Personal (`dp.pt.`), CLI
 * (`dp.ct.`), service (`dp.st.`) and service-account (`dp.sa.`) tokens may
 * call it. 200 with a `workplace`: live. 401 with Doppler's error body
 * (`{"messages":["Invalid Auth token"],"success":false}`): revoked.
 * Anything else (403, 429, 5xx, HTML) is unknown.
 *
 * SCIM (`dp.scim.`) and audit (`dp.audit.`) tokens only serve the SCIM and
 * audit APIs; Doppler documents no read-only call that tells an invalid one
 * from a valid one refused by `/v3/me`, so they are unknown without a request.
 */
const CHECKED_KINDS = new Set(['pt', 'ct', 'st', 'sa']);

export const dopplerCheck: ProviderCheck = {
  id: 'doppler',
  provider: 'Doppler',
  detectors: ['doppler-token'],
  apiReference: 'https://docs.doppler.com/reference/auth-me',
  defaultBaseUrl: 'https://api.doppler.com',
  // Doppler allows 240 requests a minute per token and per IP address.
  rateLimit: { max: 2, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const secret = input.secret.reveal();
    const kind = input.context.kind?.split('.')[0] ?? secret.split('.')[1] ?? '';
    if (!CHECKED_KINDS.has(kind)) {
      return { outcome: 'unknown', reason: `no read-only check is documented for Doppler ${kind || 'unrecognised'} tokens` };
    }
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl}/v3/me`, headers: { authorization: `Bearer ${secret}` } });
    return readMe(res);
  },
};

function readMe(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && objectField(body, 'workplace')) {
    const type = stringField(body, 'type');
    return { outcome: 'live', reason: type ? `Doppler accepted the ${type} token` : 'Doppler accepted the token', httpStatus: 200, owner: attributeMe(body) };
  }
  const messages = Array.isArray(body?.messages) ? body.messages.filter((m): m is string => typeof m === 'string') : [];
  if (res.status === 401 && messages.length > 0) {
    return { outcome: 'revoked', reason: `Doppler: ${messages.join('; ')}`, httpStatus: 401 };
  }
  return unexpectedResponse(res);
}

/**
 * Attribution of `GET /v3/me`: the workplace and the token's name.
 * `token_preview` is left out: it repeats characters of the token.
 */
export function attributeMe(body: Record<string, unknown>): ProviderOwner {
  const workplace = objectField(body, 'workplace');
  return compact({ account: stringField(workplace, 'name') ?? stringField(workplace, 'slug'), tokenName: stringField(body, 'name') });
}
