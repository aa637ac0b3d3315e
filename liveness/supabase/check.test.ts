import { describe, expect, it } from 'vitest';
import { examples } from '../../detectors/supabase-personal-access-token/examples.js';
import { SUPABASE_UNAUTHORIZED, supabaseRoutes } from '../../test/support/providers/supabase.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeOrganizations, supabaseCheck } from './check.js';

const t = new TokenFactory('liveness-supabase');
const token = examples.generate!(t);
const input = secretInput('supabase-personal-access-token', token);

describeProviderCheck({
  check: supabaseCheck,
  routes: supabaseRoutes,
  cases: [{ input, credential: token, expectLive: (v) => expect(v.owner).toEqual({ account: 'Acme Analytics, acme-staging' }) }],
});

describe('supabase liveness check, provider-specific answers', () => {
  it('is revoked on the documented 401', async () => {
    const { verdict } = await checkOnce({ check: supabaseCheck, routes: supabaseRoutes.map((r) => ({ ...r, live: () => SUPABASE_UNAUTHORIZED })), input, valid: [token] });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Supabase: Unauthorized', httpStatus: 401 });
  });

  it('is live, without an owner, for a user in no organization', async () => {
    const { verdict } = await checkOnce({ check: supabaseCheck, routes: supabaseRoutes.map((r) => ({ ...r, live: () => ({ status: 200, body: [] }) })), input, valid: [token] });
    expect(verdict).toEqual({ outcome: 'live', reason: 'Supabase accepted the token', httpStatus: 200 });
  });

  it('is unknown on a 403', async () => {
    const forbidden = { status: 403, body: { message: 'Forbidden resource' } };
    const { verdict } = await checkOnce({ check: supabaseCheck, routes: supabaseRoutes.map((r) => ({ ...r, live: () => forbidden, revoked: () => forbidden })), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
  });

  it('attributes organization names, else ids', () => {
    expect(attributeOrganizations([{ id: 'a', name: 'A' }, { id: 'b' }, null])).toEqual({ account: 'A, b' });
    expect(attributeOrganizations([])).toBeUndefined();
  });
});
