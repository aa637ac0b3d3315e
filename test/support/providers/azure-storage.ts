import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * Azure Blob service stand-in for Get Account Information
 * (https://learn.microsoft.com/rest/api/storageservices/get-account-information).
 * It verifies Shared Key the way the service does
 * (https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key):
 * it rebuilds the string-to-sign from the request it received (verb, the
 * eleven standard headers, every `x-ms-` header, the canonicalized resource
 * from the path and every query parameter), signs it with the key it holds
 * for the account named in `Authorization: SharedKey <account>:<signature>`
 * (`issueStorageAccountKey`), and compares. So a check that signs wrongly
 * (another key, a header or parameter left out, a wrong resource) never
 * gets the live answer.
 *
 * Errors follow https://learn.microsoft.com/rest/api/storageservices/common-rest-api-error-codes
 * in the XML error format of
 * https://learn.microsoft.com/rest/api/storageservices/status-and-error-codes2;
 * `AuthenticationErrorDetail` is the extra element the Blob service adds to
 * `AuthenticationFailed` (its wording is from observed answers, not the docs).
 *
 * The path may start with `/<account>` for tests that configure a base URL
 * with `{account}` in its path (a proxy in front of the account's host): the
 * stand-in then serves that account, as the account's own host does, and
 * signs the path without the prefix.
 */
const keys = new Map<string, string>();

/** Makes the stand-in know an account and one of its keys, as Azure does once the account exists. */
export function issueStorageAccountKey(account: string, key: string): void {
  keys.set(account, key);
}

export const STORAGE_ACCOUNT_PATH = /^(?:\/([a-z0-9]{3,24}))?\/$/;
const AUTHORIZATION = /^SharedKey ([a-z0-9]{3,24}):([A-Za-z0-9+/]+={0,2})$/;
const STANDARD = ['content-encoding', 'content-language', 'content-length', 'content-md5', 'content-type', 'date', 'if-modified-since', 'if-match', 'if-none-match', 'if-unmodified-since', 'range'];

function xml(status: number, body: string, headers: Record<string, string> = {}): StandInReply {
  return { status, headers: { 'content-type': 'application/xml', 'x-ms-request-id': 'c3a8e5a0-701e-0062-1b1c-5e1a24000000', ...headers }, body };
}

export function storageError(status: number, code: string, message: string, extra = ''): StandInReply {
  return xml(
    status,
    `\uFEFF<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}\nRequestId:c3a8e5a0-701e-0062-1b1c-5e1a24000000\nTime:2024-05-02T10:15:32.4417361Z</Message>${extra}</Error>`,
    { 'x-ms-error-code': code },
  );
}

export const STORAGE_AUTHENTICATION_FAILED: StandInReply = storageError(
  403,
  'AuthenticationFailed',
  'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.',
  "<AuthenticationErrorDetail>The MAC signature found in the HTTP request 'bm90LXRoZS1zaWduYXR1cmU=' is not the same as any computed signature. Server used following string to sign: 'GET'.</AuthenticationErrorDetail>",
);

/** The request's Shared Key signature, checked as the service checks it; undefined when it carries none. */
export function verifyStorageSignature(request: RecordedRequest): { account: string; key?: string; valid: boolean } | undefined {
  const m = AUTHORIZATION.exec(request.headers.authorization ?? '');
  if (!m) return undefined;
  const account = m[1]!;
  const prefix = STORAGE_ACCOUNT_PATH.exec(request.path)?.[1];
  const key = keys.get(account);
  // The host (here: the path prefix) names the account; a signature for another account does not count.
  if (key === undefined || (prefix !== undefined && prefix !== account)) return { account, valid: false };
  if (!request.headers['x-ms-date'] && !request.headers.date) return { account, key, valid: false };
  const path = prefix !== undefined ? request.path.slice(prefix.length + 1) : request.path;
  const standard = STANDARD.map((h) => (h === 'content-length' && request.headers[h] === '0' ? '' : (request.headers[h] ?? '')));
  const msHeaders = Object.keys(request.headers)
    .filter((h) => h.startsWith('x-ms-'))
    .sort()
    .map((h) => `${h}:${request.headers[h]!.trim()}\n`)
    .join('');
  const params = new Map<string, string[]>();
  for (const [name, value] of request.query) params.set(name.toLowerCase(), [...(params.get(name.toLowerCase()) ?? []), value]);
  const resource = `/${account}${path}${[...params.keys()]
    .sort()
    .map((name) => `\n${name}:${params.get(name)!.sort().join(',')}`)
    .join('')}`;
  const stringToSign = `${request.method}\n${standard.join('\n')}\n${msHeaders}${resource}`;
  const expected = createHmac('sha256', Buffer.from(key, 'base64')).update(stringToSign, 'utf8').digest();
  const given = Buffer.from(m[2]!, 'base64');
  return { account, key, valid: given.length === expected.length && timingSafeEqual(given, expected) };
}

function accountInformation(request: RecordedRequest): StandInReply {
  if (request.query.get('restype') !== 'account' || request.query.get('comp') !== 'properties') {
    return storageError(400, 'InvalidQueryParameterValue', 'Value for one of the query parameters specified in the request URI is invalid.');
  }
  if ((request.headers['x-ms-version'] ?? '') < '2018-03-28') {
    return storageError(400, 'InvalidHeaderValue', 'The value for one of the HTTP headers is not in the correct format.');
  }
  return {
    status: 200,
    headers: {
      'x-ms-request-id': 'c3a8e5a0-701e-0062-1b1c-5e1a24000000',
      'x-ms-version': request.headers['x-ms-version']!,
      'x-ms-sku-name': 'Standard_RAGRS',
      'x-ms-account-kind': 'StorageV2',
      'x-ms-is-hns-enabled': 'false',
    },
  };
}

export const azureStorageRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: STORAGE_ACCOUNT_PATH,
    credential: (request) => {
      const signature = verifyStorageSignature(request);
      return signature?.valid ? signature.key : undefined;
    },
    live: (request) => accountInformation(request),
    revoked: (request) =>
      request.headers.authorization
        ? STORAGE_AUTHENTICATION_FAILED
        : storageError(401, 'NoAuthenticationInformation', 'Server failed to authenticate the request. Please refer to the information in the www-authenticate header.'),
  },
];
