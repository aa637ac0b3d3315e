import { createHmac } from 'node:crypto';
import { isHtml, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Azure Storage account keys found in a connection string
 * (`AccountName=...;AccountKey=...`). A key only means something for its
 * account, and the account's own host (`<account>.blob.core.windows.net`)
 * answers for it, so the check needs the account name the detector captures
 * beside the key (the `account` group of the match). Without it (a
 * connection string whose AccountName comes after the key, or a bare key)
 * the key cannot be tested: unknown, without a request.
 *
 * The call is Get Account Information
 * (`GET /?restype=account&comp=properties`): it returns only the account's
 * SKU name and kind, in headers, with no body; it reads no data and changes
 * nothing. It is signed with Shared Key: an HMAC-SHA256, keyed by the
 * base64-decoded account key, of the documented string-to-sign (verb, the
 * eleven standard headers, the canonicalized `x-ms-` headers and the
 * canonicalized resource `/<account>/\ncomp:properties\nrestype:account`);
 * the key itself never leaves this process.
 *
 * - 200: the account accepted the signature: live (the account, its SKU
 *   and kind).
 * - 403 `AuthenticationFailed` ("Server failed to authenticate the request.
 *   Make sure the value of the Authorization header is formed correctly
 *   including the signature."): the signature does not match either of the
 *   account's two current keys, so the key was rotated (regenerated):
 *   revoked. When Azure's detail names the request date instead of the
 *   signature ("Request date header too old"), our clock is off: unknown.
 * - 403 `KeyBasedAuthenticationNotPermitted` (Shared Key access turned off
 *   on the account: the key may still exist and come back),
 *   `AccountIsDisabled`, `AuthorizationFailure` (the account's firewall
 *   refused our address), 401 `InvalidAuthenticationInfo`, 429/503, 5xx,
 *   HTML pages, redirects: unknown. An account name no DNS knows (deleted,
 *   or in a sovereign cloud) fails to connect: unknown.
 *
 * Known limit: the detector does not capture the connection string's
 * `EndpointSuffix`, so the check asks the public cloud's host only. A key of
 * an account in a sovereign cloud (`core.chinacloudapi.cn`,
 * `core.usgovcloudapi.net`) whose name is also taken in the public cloud
 * would be refused there with `AuthenticationFailed`.
 */
const ACCOUNT_PLACEHOLDER = '{account}';
/** Storage account names: 3 to 24 lower-case letters and digits. The name becomes a host name, so nothing else may pass. */
const ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;
/** An account key: 64 random bytes, base64. */
const ACCOUNT_KEY = /^[A-Za-z0-9+/]{86}==$/;
/** Get Account Information needs 2018-03-28 or later. */
export const AZURE_STORAGE_API_VERSION = '2021-12-02';
const QUERY: Readonly<Record<string, string>> = { restype: 'account', comp: 'properties' };

export const azureStorageCheck: ProviderCheck = {
  id: 'azure-storage',
  provider: 'Microsoft Azure',
  detectors: ['azure-storage-connection-string'],
  apiReference: 'https://learn.microsoft.com/rest/api/storageservices/get-account-information',
  defaultBaseUrl: `https://${ACCOUNT_PLACEHOLDER}.blob.core.windows.net`,
  // A storage account takes 20,000 requests a second; one request per check, conservatively few.
  rateLimit: { max: 5, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const account = input.context['account'];
    if (account === undefined) return { outcome: 'unknown', reason: 'storage account name not found beside the key' };
    if (!ACCOUNT_NAME.test(account)) return { outcome: 'unknown', reason: 'the account name beside the key is not a storage account name' };
    const key = input.secret.reveal();
    if (!ACCOUNT_KEY.test(key)) return { outcome: 'unknown', reason: 'not a 64-byte base64 storage account key' };
    const headers: Record<string, string> = { 'x-ms-date': new Date().toUTCString(), 'x-ms-version': AZURE_STORAGE_API_VERSION };
    const signature = sharedKeySignature(key, sharedKeyStringToSign('GET', headers, account, '/', QUERY));
    const res = await env.http.request({
      method: 'GET',
      url: `${accountBaseUrl(env.baseUrl, account)}/?${new URLSearchParams(QUERY).toString()}`,
      headers: { ...headers, authorization: `SharedKey ${account}:${signature}` },
    });
    return readAnswer(res, account);
  },
};

/** The default base URL names the account as `{account}`; a configured one without it (a proxy, a stand-in) is used as is. */
export function accountBaseUrl(baseUrl: string, account: string): string {
  return baseUrl.replace(/\/+$/, '').split(ACCOUNT_PLACEHOLDER).join(account);
}

/** Standard headers of the Shared Key string-to-sign, in their documented order (version 2015-02-21 and later). */
const SIGNED_STANDARD_HEADERS = [
  'content-encoding',
  'content-language',
  'content-length',
  'content-md5',
  'content-type',
  'date',
  'if-modified-since',
  'if-match',
  'if-none-match',
  'if-unmodified-since',
  'range',
] as const;

/**
 * The Shared Key string-to-sign for the Blob, Queue and File services
 * (https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key):
 * `headers` are the request's headers with lower-case names; `path` is the
 * URI path as the account's host sees it.
 */
export function sharedKeyStringToSign(
  method: string,
  headers: Readonly<Record<string, string>>,
  account: string,
  path: string,
  query: Readonly<Record<string, string>>,
): string {
  const standard = SIGNED_STANDARD_HEADERS.map((name) => (name === 'content-length' && headers[name] === '0' ? '' : (headers[name] ?? '')));
  const canonicalHeaders = Object.keys(headers)
    .filter((name) => name.startsWith('x-ms-'))
    .sort()
    .map((name) => `${name}:${headers[name]!.trim()}\n`)
    .join('');
  const canonicalQuery = Object.keys(query)
    .map((name) => [name.toLowerCase(), query[name]!] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `\n${name}:${value}`)
    .join('');
  return `${[method.toUpperCase(), ...standard].join('\n')}\n${canonicalHeaders}/${account}${path}${canonicalQuery}`;
}

/** Base64 of the HMAC-SHA256 of the string-to-sign, keyed by the base64-decoded account key. */
export function sharedKeySignature(accountKey: string, stringToSign: string): string {
  return createHmac('sha256', Buffer.from(accountKey, 'base64')).update(stringToSign, 'utf8').digest('base64');
}

function readAnswer(res: LivenessResponse, account: string): LivenessVerdict {
  if (isHtml(res)) return unexpectedResponse(res);
  if (res.status === 200) {
    const sku = res.headers['x-ms-sku-name'];
    const kind = res.headers['x-ms-account-kind'];
    if (sku !== undefined || kind !== undefined) {
      const details = [kind, sku].filter((d): d is string => d !== undefined).join(', ');
      return { outcome: 'live', reason: `Azure Storage accepted the account key (${details})`, httpStatus: 200, owner: attributeStorageAccount(account) };
    }
    return unexpectedResponse(res);
  }
  const code = res.status >= 400 && res.status < 500 ? storageErrorCode(res) : undefined;
  if (res.status === 403 && code === 'AuthenticationFailed') {
    const detail = xmlText(res.text, 'AuthenticationErrorDetail') ?? '';
    if (/request date|x-ms-date|clock/i.test(detail) && !/signature/i.test(detail)) {
      return { outcome: 'unknown', reason: 'Azure Storage refused the request date (clock skew), not the key', httpStatus: 403 };
    }
    return { outcome: 'revoked', reason: 'Azure Storage: AuthenticationFailed (the key is not one of the account\'s current keys)', httpStatus: 403 };
  }
  if (code === 'KeyBasedAuthenticationNotPermitted') {
    return { outcome: 'unknown', reason: 'Shared Key access is turned off on the account; Azure does not say whether the key still exists', httpStatus: res.status };
  }
  if (code) return { outcome: 'unknown', reason: `Azure Storage: ${code}`, httpStatus: res.status };
  return unexpectedResponse(res);
}

/** Attribution: the storage account the key opens (Get Account Information names no person). */
export function attributeStorageAccount(account: string): ProviderOwner {
  return { account };
}

/** The error code of a Storage error: the XML body's `<Code>`, or the `x-ms-error-code` header (HEAD answers have no body). */
function storageErrorCode(res: LivenessResponse): string | undefined {
  return xmlText(res.text, 'Code') ?? res.headers['x-ms-error-code'];
}

/** Text of the first `<tag>…</tag>` of a small, flat XML answer; undefined when absent or empty. */
function xmlText(xml: string, tag: string): string | undefined {
  const raw = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1]?.trim();
  return raw ? raw : undefined;
}
