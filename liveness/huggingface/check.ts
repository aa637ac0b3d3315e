import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Hugging Face tokens (user access tokens `hf_`, legacy organization tokens
 * `api_org_`). `GET /api/whoami-v2` is what the Hub's own clients call to
 * identify a token (`huggingface-cli whoami`): it reads only the caller and
 * its token. 200 names the user or organization and the token's name and
 * role; 401 with the Hub's JSON error ("Invalid credentials in Authorization
 * header") means the token is invalid or was revoked.
 */
export const huggingfaceCheck: ProviderCheck = {
  id: 'huggingface',
  provider: 'Hugging Face',
  detectors: ['huggingface-user-access-token', 'huggingface-org-api-token'],
  apiReference: 'https://huggingface.co/docs/huggingface_hub/package_reference/hf_api#huggingface_hub.HfApi.whoami',
  defaultBaseUrl: 'https://huggingface.co',
  // The Hub rate-limits API calls per token over 5-minute windows; checks are rare.
  rateLimit: { max: 5, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl}/api/whoami-v2`,
      headers: { authorization: `Bearer ${input.secret.reveal()}` },
    });
    return readAnswer(res);
  },
};

function readAnswer(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && stringField(body, 'name')) {
    const role = stringField(objectField(objectField(body, 'auth'), 'accessToken'), 'role');
    return compact({ outcome: 'live', reason: 'Hugging Face accepted the token', httpStatus: 200, owner: attributeWhoami(body), scopes: role ? [role] : undefined });
  }
  if (res.status === 401 && body) {
    return { outcome: 'revoked', reason: `Hugging Face: ${stringField(body, 'error') ?? 'invalid credentials'}`, httpStatus: 401 };
  }
  return unexpectedResponse(res);
}

/**
 * Attribution of `GET /api/whoami-v2`: a user token names the user (and
 * email, when the token may read it), an organization token the
 * organization; `auth.accessToken.displayName` is the token's name.
 */
export function attributeWhoami(body: Record<string, unknown>): ProviderOwner {
  const name = stringField(body, 'name');
  const tokenName = stringField(objectField(objectField(body, 'auth'), 'accessToken'), 'displayName');
  if (stringField(body, 'type') === 'org') return compact({ account: name, tokenName });
  return compact({ user: name, email: stringField(body, 'email'), tokenName });
}
