import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * Azure Cosmos DB (SQL API) stand-in for List Databases
 * (https://learn.microsoft.com/rest/api/cosmos-db/list-databases; the live
 * body is that page's example). It checks the master-key authorization token
 * the way the service does
 * (https://learn.microsoft.com/rest/api/cosmos-db/access-control-on-cosmosdb-resources):
 * it URL-decodes `type=master&ver=1.0&sig=...`, rebuilds the payload from
 * the request it received (verb, resource type and resource link read from
 * the path, `x-ms-date`), signs it with each key it holds
 * (`issueCosmosKey`) and compares. So a check that signs wrongly never gets
 * the live answer.
 *
 * The 401 answer is the one the docs describe for a wrong key
 * (https://learn.microsoft.com/rest/api/cosmos-db/http-status-codes-for-cosmosdb,
 * https://learn.microsoft.com/azure/cosmos-db/troubleshoot-unauthorized);
 * its `{code, message}` body and wording are from observed answers.
 *
 * The path may start with `/<account>` for tests that configure a base URL
 * with `{account}` in its path; it is not part of the signed resource link.
 */
const keys = new Set<string>();

/** Makes the stand-in hold a key as one of an account's keys. */
export function issueCosmosKey(key: string): void {
  keys.add(key);
}

export const COSMOS_DBS_PATH = /^(?:\/([a-z0-9-]+))?\/dbs$/;

export const COSMOS_WRONG_KEY: StandInReply = {
  status: 401,
  headers: { 'x-ms-activity-id': '4a8e9e4e-6f5f-4e3a-8d52-1f0c2f3c8b61', 'x-ms-substatus': '0' },
  body: {
    code: 'Unauthorized',
    message:
      "The input authorization token can't serve the request. The wrong key is being used or the expected payload is not built as per the protocol. For more info: https://aka.ms/cosmosdb-tsg-mac-signature. Server used the following payload to sign: 'get\ndbs\n\nthu, 02 may 2024 10:15:32 gmt\n\n'\r\nActivityId: 4a8e9e4e-6f5f-4e3a-8d52-1f0c2f3c8b61, Microsoft.Azure.Documents.Common/2.14.0",
  },
};

export const COSMOS_LOCAL_AUTH_DISABLED: StandInReply = {
  status: 401,
  headers: { 'x-ms-substatus': '5202' },
  body: { code: 'Unauthorized', message: 'Local Authorization is disabled. Use an AAD token to authorize all requests.\r\nActivityId: 4a8e9e4e-6f5f-4e3a-8d52-1f0c2f3c8b61, Microsoft.Azure.Documents.Common/2.14.0' },
};

const MISSING_AUTHORIZATION: StandInReply = {
  status: 401,
  body: { code: 'Unauthorized', message: 'Required Header authorization is missing. Ensure a valid Authorization token is passed.' },
};

/** Resource type and link of a path, as the access-control page defines them (`dbs` and `` for `/dbs`). */
function resourceOf(path: string): { type: string; link: string } {
  const parts = path.split('/').filter((p) => p.length > 0);
  if (parts.length % 2 === 1) return { type: parts[parts.length - 1]!, link: parts.slice(0, -1).join('/') };
  return { type: parts[parts.length - 2] ?? '', link: parts.join('/') };
}

/** The key that signed the request, or undefined when none of the held keys did. */
export function verifyCosmosToken(request: RecordedRequest): string | undefined {
  let token: string;
  try {
    token = decodeURIComponent(request.headers.authorization ?? '');
  } catch {
    return undefined;
  }
  const params = new URLSearchParams(token.replace(/\+/g, '%2B'));
  const sig = params.get('sig');
  const date = request.headers['x-ms-date'];
  if (params.get('type') !== 'master' || params.get('ver') !== '1.0' || !sig || !date) return undefined;
  const prefix = COSMOS_DBS_PATH.exec(request.path)?.[1];
  const { type, link } = resourceOf(prefix !== undefined ? request.path.slice(prefix.length + 1) : request.path);
  const payload = `${request.method.toLowerCase()}\n${type.toLowerCase()}\n${link}\n${date.toLowerCase()}\n\n`;
  const given = Buffer.from(sig, 'base64');
  for (const key of keys) {
    const expected = createHmac('sha256', Buffer.from(key, 'base64')).update(payload, 'utf8').digest();
    if (given.length === expected.length && timingSafeEqual(given, expected)) return key;
  }
  return undefined;
}

function listDatabases(request: RecordedRequest): StandInReply {
  if (!request.headers['x-ms-version']) return { status: 400, body: { code: 'BadRequest', message: 'The request is missing the x-ms-version header.' } };
  return {
    status: 200,
    headers: { 'x-ms-item-count': '1', 'x-ms-request-charge': '2', 'x-ms-activity-id': '4a8e9e4e-6f5f-4e3a-8d52-1f0c2f3c8b61' },
    body: {
      _rid: '',
      Databases: [
        {
          id: 'volcanodb',
          _rid: 'nEAMAA==',
          _self: 'dbs/nEAMAA==/',
          _etag: '"00006100-0000-0000-0000-5b39e7b00000"',
          _colls: 'colls/',
          _users: 'users/',
          _ts: 1530521520,
        },
      ],
      _count: 1,
    },
  };
}

export const azureCosmosDbRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: COSMOS_DBS_PATH,
    credential: verifyCosmosToken,
    live: (request) => listDatabases(request),
    revoked: (request) => (request.headers.authorization ? COSMOS_WRONG_KEY : MISSING_AUTHORIZATION),
  },
];
