import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { SHIPPO_NO_CREDENTIALS, SHIPPO_TOKEN_DOES_NOT_EXIST, shippoRoutes } from '../../test/support/providers/shippo.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { shippoCheck } from './check.js';

const t = new TokenFactory('liveness-shippo');
const token = TABLE_ENTRIES.find((e) => e.row.id === 'shippo-live-api-token')!.examples.generate!(t);
const input = secretInput('shippo-live-api-token', token);

describeProviderCheck({
  check: shippoCheck,
  routes: shippoRoutes,
  cases: [{ input, credential: token, expectLive: (v) => expect(v).toEqual({ outcome: 'live', reason: 'Shippo accepted the token', httpStatus: 200 }) }],
});

function answering(reply: () => StandInReply): StandInRoute[] {
  return shippoRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));
}

describe('shippo liveness check, provider-specific answers', () => {
  it('sends the token with the ShippoToken scheme and asks for one address at most', async () => {
    const { verdict, requests } = await checkOnce({ check: shippoCheck, routes: shippoRoutes, input, valid: [token] });
    expect(verdict.outcome).toBe('live');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers.authorization).toBe(`ShippoToken ${token}`);
    expect(requests[0]!.query.get('results')).toBe('1');
  });

  it('is revoked for the documented "Token does not exist" answer', async () => {
    const { verdict } = await checkOnce({ check: shippoCheck, routes: answering(() => SHIPPO_TOKEN_DOES_NOT_EXIST), input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Shippo: Token does not exist', httpStatus: 401 });
  });

  it('is unknown when Shippo says no credentials arrived (the header was lost, not the token invalid)', async () => {
    const { verdict } = await checkOnce({ check: shippoCheck, routes: answering(() => SHIPPO_NO_CREDENTIALS), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
  });

  it('is unknown for a 403', async () => {
    const { verdict } = await checkOnce({
      check: shippoCheck,
      routes: answering(() => ({ status: 403, body: { detail: 'You do not have permission to perform this action.' } })),
      input,
    });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
  });

  it('is unknown for a 200 without a results list', async () => {
    const { verdict } = await checkOnce({ check: shippoCheck, routes: answering(() => ({ status: 200, body: { ok: true } })), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 200 });
  });
});
