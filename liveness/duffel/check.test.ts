import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { DUFFEL_FORBIDDEN, DUFFEL_INVALID_TOKEN, duffelRoutes } from '../../test/support/providers/duffel.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { duffelCheck } from './check.js';

const t = new TokenFactory('liveness-duffel');
const token = TABLE_ENTRIES.find((e) => e.row.id === 'duffel-live-access-token')!.examples.generate!(t);
const input = secretInput('duffel-live-access-token', token);

describeProviderCheck({
  check: duffelCheck,
  routes: duffelRoutes,
  cases: [{ input, credential: token, expectLive: (v) => expect(v).toEqual({ outcome: 'live', reason: 'Duffel accepted the token', httpStatus: 200 }) }],
});

function answering(reply: () => StandInReply): StandInRoute[] {
  return duffelRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));
}

describe('duffel liveness check, provider-specific answers', () => {
  it('sends the bearer token with a Duffel-Version and reads one airline', async () => {
    const { verdict, requests } = await checkOnce({ check: duffelCheck, routes: duffelRoutes, input, valid: [token] });
    expect(verdict.outcome).toBe('live');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers['duffel-version']).toBe('v2');
    expect(requests[0]!.headers.accept).toBe('application/json');
    expect(requests[0]!.query.get('limit')).toBe('1');
  });

  it('is revoked for a 401 authentication_error', async () => {
    const { verdict } = await checkOnce({ check: duffelCheck, routes: answering(() => DUFFEL_INVALID_TOKEN), input });
    expect(verdict).toMatchObject({ outcome: 'revoked', httpStatus: 401 });
    expect(verdict.reason).toMatch(/invalid or has been revoked/);
  });

  it('is unknown for a 403: the token is valid but may not read this', async () => {
    const { verdict } = await checkOnce({ check: duffelCheck, routes: answering(() => DUFFEL_FORBIDDEN), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
  });

  it('is unknown for a 401 without Duffel\'s error body', async () => {
    const { verdict } = await checkOnce({ check: duffelCheck, routes: answering(() => ({ status: 401, body: 'Unauthorized' })), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
  });
});
