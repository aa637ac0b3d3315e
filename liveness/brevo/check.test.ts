import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import { BREVO_UNRECOGNISED_IP, brevoRoutes } from '../../test/support/providers/brevo.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeAccount, brevoCheck } from './check.js';

const t = new TokenFactory('liveness-brevo');
const key = TABLE_ENTRIES.find((e) => e.row.id === 'brevo-api-key')!.examples.generate!(t);
const input = secretInput('brevo-api-key', key);

describeProviderCheck({
  check: brevoCheck,
  routes: brevoRoutes,
  cases: [{ input, credential: key, expectLive: (v) => expect(v.owner).toEqual({ account: 'Acme Mail', email: 'ops@acme-mail.example', user: 'Ada Lovelace' }) }],
});

describe('brevo liveness check, provider-specific answers', () => {
  it('sends the key in the api-key header only', async () => {
    const { requests } = await checkOnce({ check: brevoCheck, routes: brevoRoutes, input, valid: [key] });
    expect(requests[0]!.headers['api-key']).toBe(key);
    expect(requests[0]!.headers.authorization).toBeUndefined();
  });

  it('is revoked on 401 "Key not found"', async () => {
    const { verdict } = await checkOnce({ check: brevoCheck, routes: brevoRoutes, input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Brevo: Key not found', httpStatus: 401 });
  });

  it('is unknown on the 401 for an address outside the authorized IPs', async () => {
    const routes = brevoRoutes.map((r) => ({ ...r, live: () => BREVO_UNRECOGNISED_IP, revoked: () => BREVO_UNRECOGNISED_IP }));
    const { verdict } = await checkOnce({ check: brevoCheck, routes, input, valid: [key] });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
  });

  it('attributes company, email and name', () => {
    expect(attributeAccount({ email: 'a@b.example', firstName: 'A', companyName: 'C' })).toEqual({ account: 'C', email: 'a@b.example', user: 'A' });
    expect(attributeAccount({ email: 'a@b.example' })).toEqual({ email: 'a@b.example' });
  });
});
