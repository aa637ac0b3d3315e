import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../detectors/engine/engine.js';
import { detector } from '../../detectors/azure-cosmosdb-connection-string/detector.js';
import { examples } from '../../detectors/azure-cosmosdb-connection-string/examples.js';
import { SecretValue } from '../../scanner/secret-value.js';
import type { StandInReply } from '../../test/support/provider-stand-in.js';
import { azureCosmosDbRoutes, COSMOS_LOCAL_AUTH_DISABLED, COSMOS_WRONG_KEY, issueCosmosKey } from '../../test/support/providers/azure-cosmos-db.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import type { CheckInput } from '../types.js';
import { accountBaseUrl, attributeCosmosAccount, azureCosmosDbCheck, COSMOS_API_VERSION, masterKeyAuthorization } from './check.js';

const t = new TokenFactory('liveness-azure-cosmos-db');
const engine = createEngine([detector]);
const positives = examples.positives(t);

/** The finding the detector makes of `text`, as the check gets it. */
function finding(text: string): CheckInput {
  const matches = engine.scan(Buffer.from(text, 'utf8'));
  expect(matches).toHaveLength(1);
  const m = matches[0]!;
  return { detector: m.detector.id, secret: new SecretValue(m.secret), context: m.context };
}

const findings = positives.map((p) => ({ example: p, input: finding(p.text) }));
for (const f of findings) issueCosmosKey(f.example.secret);
const [first, second] = findings;
const input = first!.input;
const key = first!.example.secret;
const account = input.context['account']!;

describeProviderCheck({
  check: azureCosmosDbCheck,
  routes: azureCosmosDbRoutes,
  cases: [
    { name: 'connection string', input, credential: key, expectLive: (v) => expect(v.owner).toEqual({ account }) },
    { name: 'connection string (another account)', input: second!.input, credential: second!.example.secret, expectLive: (v) => expect(v.owner).toEqual({ account: second!.input.context['account'] }) },
  ],
});

/** The stand-in answering `reply` to every credential. */
function answering(reply: StandInReply): typeof azureCosmosDbRoutes {
  return azureCosmosDbRoutes.map((r) => ({ ...r, live: () => reply, revoked: () => reply }));
}

describe('azure-cosmos-db liveness check, Azure-specific answers', () => {
  it('gets the account from the detector: every example carries it', () => {
    for (const f of findings) expect(f.input.context['account']).toMatch(/^[a-z0-9-]{3,50}$/);
  });

  it('only ever reads: one GET /dbs with a master-key token, the key never sent', async () => {
    const { verdict, requests } = await checkOnce({ check: azureCosmosDbCheck, routes: azureCosmosDbRoutes, input, valid: [key] });
    expect(verdict).toEqual({ outcome: 'live', reason: 'Azure Cosmos DB accepted the account key', httpStatus: 200, owner: { account } });
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /dbs']);
    const r = requests[0]!;
    expect(decodeURIComponent(r.headers.authorization!)).toMatch(/^type=master&ver=1\.0&sig=[A-Za-z0-9+/]{43}=$/);
    expect(r.headers['x-ms-version']).toBe(COSMOS_API_VERSION);
    expect(r.headers['x-ms-max-item-count']).toBe('1');
    expect(Date.now() - Date.parse(r.headers['x-ms-date']!)).toBeLessThan(60_000);
    expect(JSON.stringify(r)).not.toContain(key);
  });

  it('calls the account named beside the key: {account} in the base URL is replaced by it', async () => {
    const { verdict, requests } = await checkOnce({ check: azureCosmosDbCheck, routes: azureCosmosDbRoutes, input, valid: [key], baseUrl: (url) => `${url}/{account}` });
    expect(verdict.outcome).toBe('live');
    expect(requests.map((r) => r.path)).toEqual([`/${account}/dbs`]);
  });

  it('builds the default base URL from the account name', () => {
    expect(accountBaseUrl(azureCosmosDbCheck.defaultBaseUrl, account)).toBe(`https://${account}.documents.azure.com`);
  });

  it('is revoked when the key is not the account\'s (regenerated): 401 with the wrong-key message', async () => {
    const { verdict } = await checkOnce({ check: azureCosmosDbCheck, routes: azureCosmosDbRoutes, input: { ...input, secret: new SecretValue(examples.positives(new TokenFactory('not issued'))[0]!.secret) }, valid: [key] });
    expect(verdict).toMatchObject({ outcome: 'revoked', httpStatus: 401 });
  });

  it('is revoked for the troubleshooting guide\'s wording of the same 401', async () => {
    const reply = { status: 401, body: { code: 'Unauthorized', message: 'The MAC signature found in the HTTP request is not the same as the computed signature.' } };
    const { verdict } = await checkOnce({ check: azureCosmosDbCheck, routes: answering(reply), input });
    expect(verdict).toMatchObject({ outcome: 'revoked', httpStatus: 401 });
  });

  it('is unknown when the account refuses keys altogether (local authorization disabled)', async () => {
    for (const reply of [COSMOS_LOCAL_AUTH_DISABLED, { ...COSMOS_WRONG_KEY, headers: { 'x-ms-substatus': '5202' } }]) {
      const { verdict } = await checkOnce({ check: azureCosmosDbCheck, routes: answering(reply), input });
      expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
      expect(verdict.reason).toMatch(/local authorization disabled/);
    }
  });

  it('is unknown for refusals that do not say the key is wrong', async () => {
    const replies: StandInReply[] = [
      { status: 401, body: { code: 'Unauthorized', message: 'Required Header authorization is missing. Ensure a valid Authorization token is passed.' } },
      { status: 403, body: { code: 'Forbidden', message: 'The authorization token is not valid at the current time. Please create another token and retry (token start time: Thu, 02 May 2024 09:15:32 GMT, token expiry time: Thu, 02 May 2024 09:30:32 GMT, current server time: Thu, 02 May 2024 10:15:32 GMT).' } },
      { status: 403, body: { code: 'Forbidden', message: 'Request originated from IP 203.0.113.7 through public internet. This is blocked by your Cosmos DB account firewall settings.' } },
      { status: 401, body: 'not json' },
      // A 200 without the database list.
      { status: 200, body: { code: 'Unauthorized', message: "The input authorization token can't serve the request." } },
    ];
    for (const reply of replies) {
      const { verdict } = await checkOnce({ check: azureCosmosDbCheck, routes: answering(reply), input });
      expect(verdict, JSON.stringify(reply.body)).toMatchObject({ outcome: 'unknown', httpStatus: reply.status });
    }
  });

  it('is unknown, without a request, without a Cosmos DB account name', async () => {
    const contexts: Array<Record<string, string>> = [{}, { account: 'evil.example' }, { account: '-acme' }, { account: 'ab' }, { account: 'acme/x?' }];
    for (const context of contexts) {
      const { verdict, requests } = await checkOnce({
        check: azureCosmosDbCheck,
        routes: azureCosmosDbRoutes,
        input: secretInput('azure-cosmosdb-connection-string', key, { context }),
        valid: [key],
        baseUrl: (url) => `${url}/{account}`,
      });
      expect(verdict.outcome, JSON.stringify(context)).toBe('unknown');
      expect(requests, JSON.stringify(context)).toEqual([]);
    }
  });

  it('builds the documented master-key token', () => {
    // HMAC-SHA256 keyed by the decoded key over "get\ndbs\n\n<date>\n\n": checked against an independent computation.
    const date = 'Thu, 27 Apr 2017 00:51:12 GMT';
    const token = decodeURIComponent(masterKeyAuthorization(Buffer.from('Jefe').toString('base64'), 'GET', 'dbs', '', date));
    expect(token).toMatch(/^type=master&ver=1\.0&sig=/);
    const expected = createHmac('sha256', 'Jefe').update('get\ndbs\n\nthu, 27 apr 2017 00:51:12 gmt\n\n').digest('base64');
    expect(token).toBe(`type=master&ver=1.0&sig=${expected}`);
  });

  it('attributes the Cosmos DB account', () => {
    expect(attributeCosmosAccount('acme-orders')).toEqual({ account: 'acme-orders' });
  });
});
