import { describe, expect, it } from 'vitest';
import { examples } from '../../detectors/mailchimp-api-key/examples.js';
import { MAILCHIMP_USER_DISABLED, mailchimpRoutes } from '../../test/support/providers/mailchimp.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeRoot, dataCenterBaseUrl, mailchimpCheck } from './check.js';

const t = new TokenFactory('liveness-mailchimp');
const key = examples.generate!(t);
const dc = key.slice(key.lastIndexOf('-') + 1);
const input = secretInput('mailchimp-api-key', key);

describeProviderCheck({
  check: mailchimpCheck,
  routes: mailchimpRoutes,
  cases: [{ input, credential: key, expectLive: (v) => expect(v.owner).toEqual({ account: "Freddie's Jokes", user: 'freddiesjokes', email: 'freddie@mailchimp.example' }) }],
});

describe('mailchimp liveness check, provider-specific answers', () => {
  it('calls the data center named by the key: {dc} in the base URL is its -usN suffix', async () => {
    const { verdict, requests } = await checkOnce({ check: mailchimpCheck, routes: mailchimpRoutes, input, valid: [key], baseUrl: (url) => `${url}/{dc}` });
    expect(verdict.outcome).toBe('live');
    expect(requests.map((r) => r.path)).toEqual([`/${dc}/3.0/`]);
    expect(requests[0]!.query.get('fields')).toBe('account_id,account_name,email,username,login_id');
  });

  it('builds the default base URL from the data center', () => {
    expect(dataCenterBaseUrl(mailchimpCheck.defaultBaseUrl, 'us21')).toBe('https://us21.api.mailchimp.com');
    expect(dataCenterBaseUrl('http://127.0.0.1:9999/', 'us21')).toBe('http://127.0.0.1:9999');
  });

  it('is unknown, without a request, for a key without a data-center suffix', async () => {
    const { verdict, requests } = await checkOnce({ check: mailchimpCheck, routes: mailchimpRoutes, input: secretInput('mailchimp-api-key', `${key.slice(0, 32)}-eu1`) });
    expect(verdict.outcome).toBe('unknown');
    expect(requests).toEqual([]);
  });

  it('is revoked on 401 "API Key Invalid"', async () => {
    const { verdict } = await checkOnce({ check: mailchimpCheck, routes: mailchimpRoutes, input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Mailchimp: API Key Invalid', httpStatus: 401 });
  });

  it('is unknown for a disabled account (403 User Disabled)', async () => {
    const routes = mailchimpRoutes.map((r) => ({ ...r, live: () => MAILCHIMP_USER_DISABLED, revoked: () => MAILCHIMP_USER_DISABLED }));
    const { verdict } = await checkOnce({ check: mailchimpCheck, routes, input, valid: [key] });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
  });

  it('attributes account, user name and email', () => {
    expect(attributeRoot({ account_id: 'a1', username: 'u' })).toEqual({ account: 'a1', user: 'u' });
  });
});
