import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { EASYPOST_INACTIVE_KEY, EASYPOST_KEY_REQUIRED, easypostRoutes } from '../../test/support/providers/easypost.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { easypostCheck } from './check.js';

const t = new TokenFactory('liveness-easypost');
const key = TABLE_ENTRIES.find((e) => e.row.id === 'easypost-production-api-key')!.examples.generate!(t);
const input = secretInput('easypost-production-api-key', key);

describeProviderCheck({
  check: easypostCheck,
  routes: easypostRoutes,
  cases: [{ input, credential: key, expectLive: (v) => expect(v).toEqual({ outcome: 'live', reason: 'EasyPost accepted the key', httpStatus: 200 }) }],
});

function answering(reply: () => StandInReply): StandInRoute[] {
  return easypostRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));
}

describe('easypost liveness check, provider-specific answers', () => {
  it('sends the key as the basic user with no password, and asks for one address', async () => {
    const { verdict, requests } = await checkOnce({ check: easypostCheck, routes: easypostRoutes, input, valid: [key] });
    expect(verdict.outcome).toBe('live');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('GET');
    expect(requests[0]!.query.get('page_size')).toBe('1');
  });

  it('is revoked for a disabled key (APIKEY.INACTIVE), without the key in the reason', async () => {
    const { verdict } = await checkOnce({ check: easypostCheck, routes: answering(() => EASYPOST_INACTIVE_KEY), input });
    expect(verdict).toMatchObject({ outcome: 'revoked', httpStatus: 401 });
    expect(verdict.reason).toMatch(/APIKEY\.INACTIVE/);
    expect(verdict.reason).not.toContain(key);
  });

  it('is unknown for another 401 code (APIKEY.REQUIRED)', async () => {
    const { verdict } = await checkOnce({ check: easypostCheck, routes: answering(() => EASYPOST_KEY_REQUIRED), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
  });

  it('is unknown for 402 payment required', async () => {
    const { verdict } = await checkOnce({
      check: easypostCheck,
      routes: answering(() => ({ status: 402, body: { error: { code: 'PAYMENT_REQUIRED', message: 'Insufficient funds.', errors: [] } } })),
      input,
    });
    expect(verdict.outcome).toBe('unknown');
  });
});
