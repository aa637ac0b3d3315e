import { describe, expect, it } from 'vitest';
import { createEngine } from '../../detectors/engine/engine.js';
import { detector } from '../../detectors/azure-storage-connection-string/detector.js';
import { examples } from '../../detectors/azure-storage-connection-string/examples.js';
import { SecretValue } from '../../scanner/secret-value.js';
import type { StandInReply } from '../../test/support/provider-stand-in.js';
import {
  azureStorageRoutes,
  issueStorageAccountKey,
  STORAGE_AUTHENTICATION_FAILED,
  storageError,
} from '../../test/support/providers/azure-storage.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import type { CheckInput } from '../types.js';
import {
  accountBaseUrl,
  attributeStorageAccount,
  AZURE_STORAGE_API_VERSION,
  azureStorageCheck,
  sharedKeySignature,
  sharedKeyStringToSign,
} from './check.js';

const t = new TokenFactory('liveness-azure-storage');
const engine = createEngine([detector]);
const positives = examples.positives(t);

/** The finding the detector makes of `text`, as the check gets it. */
function finding(text: string): CheckInput {
  const matches = engine.scan(Buffer.from(text, 'utf8'));
  expect(matches).toHaveLength(1);
  const m = matches[0]!;
  return { detector: m.detector.id, secret: new SecretValue(m.secret), context: m.context };
}

/** The detector's examples with the account name before the key (the ones that can be tested). */
const withAccount = positives.map((p) => ({ example: p, input: finding(p.text) })).filter((f) => f.input.context['account'] !== undefined);
for (const { input, example } of withAccount) issueStorageAccountKey(input.context['account']!, example.secret);
const [first, second] = withAccount;
const input = first!.input;
const key = first!.example.secret;
const account = input.context['account']!;

describeProviderCheck({
  check: azureStorageCheck,
  routes: azureStorageRoutes,
  cases: [
    { name: 'connection string', input, credential: key, expectLive: (v) => expect(v.owner).toEqual({ account }) },
    { name: 'connection string (another account)', input: second!.input, credential: second!.example.secret, expectLive: (v) => expect(v.owner).toEqual({ account: second!.input.context['account'] }) },
  ],
});

/** The stand-in answering `reply` to every credential. */
function answering(reply: StandInReply): typeof azureStorageRoutes {
  return azureStorageRoutes.map((r) => ({ ...r, live: () => reply, revoked: () => reply }));
}

describe('azure-storage liveness check, Azure-specific answers', () => {
  it('gets the account name from the detector: every example with AccountName before the key carries it', () => {
    expect(withAccount.length).toBeGreaterThanOrEqual(2);
    for (const { input: i } of withAccount) expect(i.context['account']).toMatch(/^[a-z0-9]{3,24}$/);
  });

  it('only ever reads: one signed GET of Get Account Information, the key never sent', async () => {
    const { verdict, requests } = await checkOnce({ check: azureStorageCheck, routes: azureStorageRoutes, input, valid: [key] });
    expect(verdict).toMatchObject({ outcome: 'live', httpStatus: 200, owner: { account } });
    expect(verdict.reason).toContain('StorageV2, Standard_RAGRS');
    expect(requests.map((r) => `${r.method} ${r.path}?${r.query.toString()}`)).toEqual(['GET /?restype=account&comp=properties']);
    const r = requests[0]!;
    expect(r.headers.authorization).toMatch(new RegExp(`^SharedKey ${account}:[A-Za-z0-9+/]{43}=$`));
    expect(r.headers['x-ms-version']).toBe(AZURE_STORAGE_API_VERSION);
    expect(Date.now() - Date.parse(r.headers['x-ms-date']!)).toBeLessThan(60_000);
    expect(JSON.stringify(r)).not.toContain(key);
  });

  it('calls the account named beside the key: {account} in the base URL is replaced by it', async () => {
    const { verdict, requests } = await checkOnce({ check: azureStorageCheck, routes: azureStorageRoutes, input, valid: [key], baseUrl: (url) => `${url}/{account}` });
    expect(verdict.outcome).toBe('live');
    expect(requests.map((r) => r.path)).toEqual([`/${account}/`]);
  });

  it('builds the default base URL from the account name', () => {
    expect(accountBaseUrl(azureStorageCheck.defaultBaseUrl, account)).toBe(`https://${account}.blob.core.windows.net`);
    expect(accountBaseUrl('http://127.0.0.1:9999/', account)).toBe('http://127.0.0.1:9999');
  });

  it('is revoked when the key is not one of the account\'s keys (rotated): 403 AuthenticationFailed', async () => {
    const rotated = positives.find((p) => p.secret !== key)!.secret;
    const { verdict, requests } = await checkOnce({ check: azureStorageCheck, routes: azureStorageRoutes, input: { ...input, secret: new SecretValue(rotated) }, valid: [key] });
    expect(verdict).toEqual({ outcome: 'revoked', reason: "Azure Storage: AuthenticationFailed (the key is not one of the account's current keys)", httpStatus: 403 });
    expect(requests).toHaveLength(1);
  });

  it('is unknown, without a request, when no account name sits beside the key (AccountName after AccountKey)', async () => {
    const reversed = positives.map((p) => finding(p.text)).find((i) => i.context['account'] === undefined);
    expect(reversed).toBeDefined();
    const { verdict, requests } = await checkOnce({ check: azureStorageCheck, routes: azureStorageRoutes, input: reversed!, valid: [reversed!.secret.reveal()] });
    expect(verdict).toEqual({ outcome: 'unknown', reason: 'storage account name not found beside the key' });
    expect(requests).toEqual([]);
  });

  it('never builds a host from anything but a storage account name', async () => {
    for (const name of ['evil.example', 'a', 'acme/x?', 'UPPER', 'acme.blob.core.windows.net']) {
      const { verdict, requests } = await checkOnce({
        check: azureStorageCheck,
        routes: azureStorageRoutes,
        input: secretInput('azure-storage-connection-string', key, { context: { account: name } }),
        valid: [key],
        baseUrl: (url) => `${url}/{account}`,
      });
      expect(verdict.outcome, name).toBe('unknown');
      expect(requests, name).toEqual([]);
    }
  });

  it('is unknown when Azure refuses the request date rather than the signature (clock skew)', async () => {
    const reply = storageError(
      403,
      'AuthenticationFailed',
      'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.',
      '<AuthenticationErrorDetail>Request date header too old: \'Fri, 01 Mar 2024 10:00:00 GMT\'</AuthenticationErrorDetail>',
    );
    const { verdict } = await checkOnce({ check: azureStorageCheck, routes: answering(reply), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
    expect(verdict.reason).toMatch(/clock/);
  });

  it('is revoked for AuthenticationFailed read from the x-ms-error-code header alone', async () => {
    const reply = { status: 403, headers: { 'x-ms-error-code': 'AuthenticationFailed' } };
    const { verdict } = await checkOnce({ check: azureStorageCheck, routes: answering(reply), input });
    expect(verdict).toMatchObject({ outcome: 'revoked', httpStatus: 403 });
  });

  it('is unknown for refusals that do not say the key is wrong', async () => {
    const replies: StandInReply[] = [
      storageError(403, 'KeyBasedAuthenticationNotPermitted', 'Key based authentication is not permitted on this storage account.'),
      storageError(403, 'AccountIsDisabled', 'The specified account is disabled.'),
      storageError(403, 'AuthorizationFailure', 'This request is not authorized to perform this operation.'),
      storageError(401, 'InvalidAuthenticationInfo', 'Server failed to authenticate the request. Please refer to the information in the www-authenticate header.'),
      storageError(503, 'ServerBusy', 'The server is currently unable to receive requests. Please retry your request.'),
      // A 200 that is not Get Account Information's answer.
      { status: 200, body: '' },
      // AuthenticationFailed with a status Azure does not document for it.
      { ...STORAGE_AUTHENTICATION_FAILED, status: 400 },
    ];
    for (const reply of replies) {
      const { verdict } = await checkOnce({ check: azureStorageCheck, routes: answering(reply), input });
      expect(verdict, `${reply.status} ${String(reply.body)}`).toMatchObject({ outcome: 'unknown', httpStatus: reply.status });
    }
  });

  it('signs the documented string-to-sign', () => {
    const headers = { 'x-ms-version': '2021-12-02', 'x-ms-date': 'Thu, 02 May 2024 10:15:32 GMT' };
    expect(sharedKeyStringToSign('GET', headers, 'acmeprodlogs', '/', { restype: 'account', comp: 'properties' })).toBe(
      'GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Thu, 02 May 2024 10:15:32 GMT\nx-ms-version:2021-12-02\n/acmeprodlogs/\ncomp:properties\nrestype:account',
    );
    // HMAC-SHA256 keyed by the decoded key: a known vector (RFC 4231 test case 2, key "Jefe").
    expect(sharedKeySignature(Buffer.from('Jefe').toString('base64'), 'what do ya want for nothing?')).toBe(
      Buffer.from('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843', 'hex').toString('base64'),
    );
  });

  it('attributes the storage account', () => {
    expect(attributeStorageAccount('acmeprodlogs')).toEqual({ account: 'acmeprodlogs' });
  });
});
