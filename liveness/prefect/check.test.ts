import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { PREFECT_INVALID_CREDENTIALS, prefectRoutes } from '../../test/support/providers/prefect.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeMe, prefectCheck } from './check.js';

const t = new TokenFactory('liveness-prefect');
const key = TABLE_ENTRIES.find((e) => e.row.id === 'prefect-api-key')!.examples.generate!(t);
const input = secretInput('prefect-api-key', key);
const OWNER = { user: 'marvin', email: 'marvin@example.com' };

describeProviderCheck({
  check: prefectCheck,
  routes: prefectRoutes,
  cases: [{ input, credential: key, expectLive: (v) => expect(v.owner).toEqual(OWNER) }],
});

/** The stand-in answering `reply` to every credential. */
function answering(reply: StandInReply): StandInRoute[] {
  return prefectRoutes.map((r) => ({ ...r, live: () => reply, revoked: () => reply }));
}

describe('prefect liveness check, provider-specific answers', () => {
  it('only ever reads: one GET /api/me/ with the key as a bearer header', async () => {
    const { verdict, requests } = await checkOnce({ check: prefectCheck, routes: prefectRoutes, input, valid: [key] });
    expect(verdict).toMatchObject({ outcome: 'live', owner: OWNER });
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/me/']);
    expect(requests[0]!.headers.authorization === `Bearer ${key}`).toBe(true);
  });

  it('is revoked for the documented 401 "Invalid authentication credentials"', async () => {
    const { verdict } = await checkOnce({ check: prefectCheck, routes: answering(PREFECT_INVALID_CREDENTIALS), input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Prefect Cloud: Invalid authentication credentials', httpStatus: 401 });
  });

  it('is unknown for an IP allowlist refusal, a service-account refusal, another 401 and a 200 without a user', async () => {
    const answers: StandInReply[] = [
      { status: 403, body: { detail: 'Forbidden: IP address not in allowlist' } },
      { status: 403, body: { detail: 'Only users (not service accounts) can access this endpoint.' } },
      { status: 401, body: { detail: 'Not authenticated' } },
      { status: 200, body: { detail: 'Invalid authentication credentials' } },
      { status: 404, body: { detail: 'Not Found' } },
    ];
    for (const reply of answers) {
      const { verdict } = await checkOnce({ check: prefectCheck, routes: answering(reply), input });
      expect(verdict, JSON.stringify(reply.body)).toMatchObject({ outcome: 'unknown', httpStatus: reply.status });
    }
  });

  it('does not follow the 307 Prefect answers a path without its trailing slash', async () => {
    const reply = { status: 307, headers: { location: 'https://api.prefect.cloud/api/me/' } };
    const { verdict } = await checkOnce({ check: prefectCheck, routes: answering(reply), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 307 });
  });

  it('attributes the handle and email', () => {
    expect(attributeMe({ id: 'u1', handle: 'ada', email: 'ada@example.com', first_name: 'Ada' })).toEqual({ user: 'ada', email: 'ada@example.com' });
    expect(attributeMe({ id: 'u1' })).toEqual({ user: 'u1' });
    expect(attributeMe({})).toBeUndefined();
  });
});
