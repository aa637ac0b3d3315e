import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Google API keys (`AIza...`). A key is not bound to one API, so the check
 * needs a call that Google's front end authenticates for any key and that
 * costs nothing: `GET /v1beta/models?pageSize=1` of the Generative Language
 * API lists public model metadata, is free, creates nothing and reads no
 * project data (Maps, Places and most other key-authenticated APIs bill per
 * request). The key goes in the `x-goog-api-key` header, which Google
 * accepts everywhere it accepts `?key=`, so it stays out of URLs and logs.
 *
 * Google checks the key before the API: an unknown or deleted key gets 400
 * INVALID_ARGUMENT with ErrorInfo reason `API_KEY_INVALID` ("API key not
 * valid. Please pass a valid API key."): revoked. A valid key gets 200 when
 * its project may use the API, otherwise 403 PERMISSION_DENIED with a reason
 * naming why this API is refused (`SERVICE_DISABLED`: the project has not
 * enabled it; `API_KEY_SERVICE_BLOCKED`: the key is restricted to other
 * APIs; `API_KEY_*_BLOCKED`: referrer, IP or app restrictions): the key
 * exists, so live, and the reason says so. A suspended project
 * (`CONSUMER_SUSPENDED`) is unknown.
 */
const REVOKED_REASONS = new Set(['API_KEY_INVALID', 'API_KEY_EXPIRED']);
const UNKNOWN_REASONS = new Set(['CONSUMER_SUSPENDED', 'CONSUMER_INVALID']);

export const googleApiKeyCheck: ProviderCheck = {
  id: 'google-api-key',
  provider: 'Google Cloud',
  detectors: ['google-api-key'],
  apiReference: 'https://ai.google.dev/api/models#method:-models.list',
  defaultBaseUrl: 'https://generativelanguage.googleapis.com',
  // models.list has a generous per-project quota; one request per check.
  rateLimit: { max: 5, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl}/v1beta/models?pageSize=1`,
      headers: { 'x-goog-api-key': input.secret.reveal() },
    });
    return readAnswer(res);
  },
};

function readAnswer(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && Array.isArray(body.models)) {
    return { outcome: 'live', reason: 'Google accepted the key (Generative Language API)', httpStatus: 200 };
  }
  const error = objectField(body, 'error');
  if (!error) return unexpectedResponse(res);
  const info = errorInfo(error);
  const reason = stringField(info, 'reason');
  const status = stringField(error, 'status');
  if (res.status === 400 && ((reason && REVOKED_REASONS.has(reason)) || (status === 'INVALID_ARGUMENT' && /API key (not valid|expired)/i.test(stringField(error, 'message') ?? '')))) {
    // Google's message may quote the key: only the reason code goes into the verdict.
    return { outcome: 'revoked', reason: `Google: ${reason ?? 'API key not valid'}`, httpStatus: 400 };
  }
  if (res.status === 403 && status === 'PERMISSION_DENIED') {
    if (reason && UNKNOWN_REASONS.has(reason)) return { outcome: 'unknown', reason: `Google: ${reason} (the key's project cannot be used)`, httpStatus: 403 };
    return compact({
      outcome: 'live',
      reason: `Google accepted the key but refused this API (${reason ?? 'permission denied'})`,
      httpStatus: 403,
      owner: attributeErrorInfo(info),
    });
  }
  return unexpectedResponse(res);
}

/** The `google.rpc.ErrorInfo` entry of an error's details, or null. */
function errorInfo(error: Record<string, unknown>): Record<string, unknown> | null {
  const details = Array.isArray(error.details) ? (error.details as unknown[]) : [];
  const info = details.find((d) => d !== null && typeof d === 'object' && String((d as Record<string, unknown>)['@type']).endsWith('google.rpc.ErrorInfo'));
  return (info as Record<string, unknown> | undefined) ?? null;
}

/**
 * Attribution: a 200 names nobody, but the refusals of a valid key name its
 * project (`ErrorInfo.metadata.consumer`, `projects/<number>`).
 */
export function attributeErrorInfo(info: Record<string, unknown> | null): ProviderOwner | undefined {
  const consumer = stringField(objectField(info, 'metadata'), 'consumer');
  return consumer?.startsWith('projects/') ? { account: consumer } : undefined;
}
