import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Mailchimp Marketing API keys (`<32 hex>-us<N>`). A key only works on its
 * data center, the `usN` after the dash, which names the API host
 * (`https://usN.api.mailchimp.com`). `GET /3.0/` ("List API root resources")
 * returns the account the key belongs to and changes nothing; every key may
 * call it. The key goes in HTTP basic auth with any user name.
 *
 * - 200 with `account_id`: live (account name, login, email).
 * - 401 problem JSON titled "API Key Invalid" ("Your API key may be invalid,
 *   or you've attempted to access the wrong datacenter."): the key's own
 *   data center does not know it: revoked.
 * - 403 ("User Disabled", "Forbidden": a disabled or suspended account),
 *   any other 401, 429, 5xx: unknown.
 */
const DC_PLACEHOLDER = '{dc}';
const KEY_SHAPE = /^[0-9a-f]{32}-(us[0-9]{1,2})$/;
/** Only the account fields the attribution reads. */
const FIELDS = 'account_id,account_name,email,username,login_id';

export const mailchimpCheck: ProviderCheck = {
  id: 'mailchimp',
  provider: 'Mailchimp',
  detectors: ['mailchimp-api-key'],
  apiReference: 'https://mailchimp.com/developer/marketing/api/root/list-api-root-resources/',
  defaultBaseUrl: `https://${DC_PLACEHOLDER}.api.mailchimp.com`,
  // Mailchimp allows 10 simultaneous connections per key; one request per check.
  rateLimit: { max: 2, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const key = input.secret.reveal();
    const dc = KEY_SHAPE.exec(key)?.[1];
    // The data center comes from the key's own suffix, fixed in shape: the key only ever goes to <usN>.api.mailchimp.com.
    if (dc === undefined) return { outcome: 'unknown', reason: 'the key has no -usN data-center suffix' };
    const res = await env.http.request({
      method: 'GET',
      url: `${dataCenterBaseUrl(env.baseUrl, dc)}/3.0/?fields=${FIELDS}`,
      headers: { authorization: `Basic ${Buffer.from(`pushgate:${key}`).toString('base64')}` },
    });
    return readAnswer(res);
  },
};

/** The default base URL names the data center as `{dc}`; a configured one without it (a proxy, a stand-in) is used as is. */
export function dataCenterBaseUrl(baseUrl: string, dc: string): string {
  return baseUrl.replace(/\/+$/, '').split(DC_PLACEHOLDER).join(dc);
}

function readAnswer(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && stringField(body, 'account_id')) {
    return compact({ outcome: 'live', reason: 'Mailchimp accepted the key', httpStatus: 200, owner: attributeRoot(body) });
  }
  const title = stringField(body, 'title');
  if (res.status === 401 && title !== undefined && /api key invalid/i.test(title)) {
    return { outcome: 'revoked', reason: `Mailchimp: ${title}`, httpStatus: 401 };
  }
  if ((res.status === 401 || res.status === 403) && title !== undefined) {
    return { outcome: 'unknown', reason: `Mailchimp refused the request without saying the key is invalid: ${title}`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

/** Attribution of `GET /3.0/`: the account name, the login's user name and email. */
export function attributeRoot(body: Record<string, unknown>): ProviderOwner {
  return compact({ account: stringField(body, 'account_name') ?? stringField(body, 'account_id'), user: stringField(body, 'username'), email: stringField(body, 'email') });
}
