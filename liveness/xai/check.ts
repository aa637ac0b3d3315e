import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * xAI API keys. `GET /v1/api-key` describes the key that calls it (name,
 * creator, team, ACLs, and whether it is blocked or disabled); it spends no
 * tokens. 200: live, unless the answer says the key is disabled or blocked,
 * which the owner can undo: then unknown, never revoked. xAI answers an
 * unknown key with 400 (not 401) and `"error":"Incorrect API key provided:
 * xa***…"`: revoked; the message echoes part of the key, so the verdict
 * never repeats it. Anything else (401/403 without that message, 429, 5xx,
 * HTML) is unknown.
 */
const INVALID_KEY = /incorrect api key provided/i;

export const xaiCheck: ProviderCheck = {
  id: 'xai',
  provider: 'xAI',
  detectors: ['xai-api-key'],
  apiReference: 'https://docs.x.ai/docs/api-reference#api-key',
  defaultBaseUrl: 'https://api.x.ai',
  // Per-key limits are set by the team (qps/qpm); one check a second stays under any sensible one.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl}/v1/api-key`,
      headers: { authorization: `Bearer ${input.secret.reveal()}` },
    });
    return readKey(res);
  },
};

function readKey(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && stringField(body, 'api_key_id')) {
    const owner = attributeKey(body);
    const scopes = Array.isArray(body.acls) ? body.acls.filter((a): a is string => typeof a === 'string') : undefined;
    const off = [body.api_key_disabled === true && 'disabled', body.api_key_blocked === true && 'blocked', body.team_blocked === true && 'team blocked'].filter(
      (s): s is string => typeof s === 'string',
    );
    if (off.length > 0) {
      return compact({ outcome: 'unknown', reason: `xAI knows the key but it is ${off.join(', ')} (can be re-enabled)`, httpStatus: 200, owner, scopes });
    }
    return compact({ outcome: 'live', reason: 'xAI accepted the key', httpStatus: 200, owner, scopes });
  }
  const error = stringField(body, 'error');
  if ((res.status === 400 || res.status === 401) && error !== undefined && INVALID_KEY.test(error)) {
    return { outcome: 'revoked', reason: 'xAI: incorrect API key', httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

/**
 * Attribution of `GET /v1/api-key`: the creating user's id, the team's id
 * and the key's name. `redacted_api_key` is left out: it repeats key characters.
 */
export function attributeKey(body: Record<string, unknown>): ProviderOwner {
  return compact({ user: stringField(body, 'user_id'), team: stringField(body, 'team_id'), tokenName: stringField(body, 'name') });
}
