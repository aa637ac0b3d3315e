import { createHmac } from 'node:crypto';
import { jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Azure Cosmos DB account keys found in a connection string
 * (`AccountEndpoint=https://<account>.documents.azure.com:443/;AccountKey=...`).
 * A key only works on its account's endpoint, which the detector captures
 * (the `account` group); without it the key cannot be tested: unknown,
 * without a request.
 *
 * The call is List Databases (`GET /dbs`, one item asked for): it reads the
 * account's database list and changes nothing; read-only keys may make it
 * too. It carries a master-key authorization token: the HMAC-SHA256, keyed
 * by the base64-decoded key, of `get\ndbs\n\n<x-ms-date, lower case>\n\n`
 * (verb, resource type, resource link, date), sent URL-encoded as
 * `type=master&ver=1.0&sig=<signature>`; the key itself never leaves this
 * process.
 *
 * - 200 with `Databases`: live (the account).
 * - 401 "The input authorization token can't serve the request" / "The MAC
 *   signature found in the HTTP request is not the same as the computed
 *   signature": the key is not one of the account's keys (regenerated):
 *   revoked. (Right after a rotation Azure may refuse the new key this way
 *   for a while; a revoked verdict is confirmed later before a finding
 *   closes.)
 * - 401 "Local Authorization is disabled" (sub-status 5202: the account
 *   accepts only Microsoft Entra tokens; the key may still exist and come
 *   back), any other 401, 403 (the authorization token expired, i.e. our
 *   clock is off, or the account's firewall refused our address), 429, 5xx,
 *   HTML pages: unknown. An account name no DNS knows fails to connect:
 *   unknown.
 *
 * Known limit: the detector takes `documents.azure.com`, `.us` and `.cn`
 * endpoints but captures only the account name, so the check asks the
 * public cloud's host. A key of a sovereign-cloud account whose name is also
 * taken in the public cloud would be refused there with the 401 above.
 */
const ACCOUNT_PLACEHOLDER = '{account}';
/** Cosmos DB account names: 3 to 50 lower-case letters, digits and hyphens, not starting or ending with a hyphen. It becomes a host name. */
const ACCOUNT_NAME = /^[a-z0-9](?:[a-z0-9-]{1,48})[a-z0-9]$/;
const ACCOUNT_KEY = /^[A-Za-z0-9+/]{86}==$/;
export const COSMOS_API_VERSION = '2018-12-31';
const WRONG_KEY = /input authorization token can'?t serve the request|MAC signature found in the HTTP request/i;
const LOCAL_AUTH_DISABLED = /local authorization is disabled/i;
/** x-ms-substatus of a 401 for an account that refuses keys (local authorization disabled). */
const SUBSTATUS_LOCAL_AUTH_DISABLED = '5202';

export const azureCosmosDbCheck: ProviderCheck = {
  id: 'azure-cosmos-db',
  provider: 'Microsoft Azure',
  detectors: ['azure-cosmosdb-connection-string'],
  apiReference: 'https://learn.microsoft.com/rest/api/cosmos-db/list-databases',
  defaultBaseUrl: `https://${ACCOUNT_PLACEHOLDER}.documents.azure.com`,
  // Metadata requests (List Databases is one) have their own, low, per-account limit; one request per check.
  rateLimit: { max: 5, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const account = input.context['account'];
    if (account === undefined) return { outcome: 'unknown', reason: 'Cosmos DB account endpoint not found beside the key' };
    if (!ACCOUNT_NAME.test(account)) return { outcome: 'unknown', reason: 'the endpoint beside the key does not name a Cosmos DB account' };
    const key = input.secret.reveal();
    if (!ACCOUNT_KEY.test(key)) return { outcome: 'unknown', reason: 'not a 64-byte base64 Cosmos DB account key' };
    const date = new Date().toUTCString();
    const res = await env.http.request({
      method: 'GET',
      url: `${accountBaseUrl(env.baseUrl, account)}/dbs`,
      headers: {
        authorization: masterKeyAuthorization(key, 'GET', 'dbs', '', date),
        'x-ms-date': date,
        'x-ms-version': COSMOS_API_VERSION,
        'x-ms-max-item-count': '1',
      },
    });
    return readAnswer(res, account);
  },
};

/** The default base URL names the account as `{account}`; a configured one without it (a proxy, a stand-in) is used as is. */
export function accountBaseUrl(baseUrl: string, account: string): string {
  return baseUrl.replace(/\/+$/, '').split(ACCOUNT_PLACEHOLDER).join(account);
}

/**
 * The master-key authorization header
 * (https://learn.microsoft.com/rest/api/cosmos-db/access-control-on-cosmosdb-resources):
 * `type=master&ver=1.0&sig=<base64 HMAC-SHA256 of "verb\nresourceType\nresourceLink\ndate\n\n">`,
 * verb, resource type and date in lower case, URL-encoded.
 */
export function masterKeyAuthorization(key: string, verb: string, resourceType: string, resourceLink: string, date: string): string {
  const payload = `${verb.toLowerCase()}\n${resourceType.toLowerCase()}\n${resourceLink}\n${date.toLowerCase()}\n\n`;
  const signature = createHmac('sha256', Buffer.from(key, 'base64')).update(payload, 'utf8').digest('base64');
  return encodeURIComponent(`type=master&ver=1.0&sig=${signature}`);
}

function readAnswer(res: LivenessResponse, account: string): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && Array.isArray(body['Databases'])) {
    return { outcome: 'live', reason: 'Azure Cosmos DB accepted the account key', httpStatus: 200, owner: attributeCosmosAccount(account) };
  }
  const message = stringField(body, 'message') ?? '';
  if (res.status === 401 && body) {
    if (LOCAL_AUTH_DISABLED.test(message) || res.headers['x-ms-substatus'] === SUBSTATUS_LOCAL_AUTH_DISABLED) {
      return { outcome: 'unknown', reason: 'the account accepts only Microsoft Entra tokens (local authorization disabled); Azure does not say whether the key still exists', httpStatus: 401 };
    }
    if (WRONG_KEY.test(message)) {
      return { outcome: 'revoked', reason: 'Azure Cosmos DB: the authorization token does not match the account\'s keys (key regenerated)', httpStatus: 401 };
    }
    return { outcome: 'unknown', reason: 'Azure Cosmos DB refused the request without saying the key is wrong', httpStatus: 401 };
  }
  if (res.status === 403 && body) {
    return { outcome: 'unknown', reason: 'Azure Cosmos DB refused the request (expired token: clock skew, or the account\'s firewall), not the key', httpStatus: 403 };
  }
  return unexpectedResponse(res);
}

/** Attribution: the Cosmos DB account the key opens (List Databases names no person). */
export function attributeCosmosAccount(account: string): ProviderOwner {
  return { account };
}
