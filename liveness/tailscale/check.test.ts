import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply } from '../../test/support/provider-stand-in.js';
import { tailscaleRoutes } from '../../test/support/providers/tailscale.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { tailscaleCheck } from './check.js';

const t = new TokenFactory('liveness-tailscale');
const token = TABLE_ENTRIES.find((e) => e.row.id === 'tailscale-api-key')!.examples.generate!(t);
const input = secretInput('tailscale-api-key', token);

describeProviderCheck({
  check: tailscaleCheck,
  routes: tailscaleRoutes,
  cases: [{ input, credential: token, expectLive: (v) => expect(v).toEqual({ outcome: 'live', reason: 'Tailscale accepted the token', httpStatus: 200 }) }],
});

const answering = (reply: () => StandInReply) => tailscaleRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));

describe('tailscale liveness check, provider-specific answers', () => {
  it('is revoked for "API token invalid"', async () => {
    const { verdict } = await checkOnce({ check: tailscaleCheck, routes: tailscaleRoutes, input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Tailscale: API token invalid', httpStatus: 401 });
  });

  it('is unknown for a 403 or a 200 without keys', async () => {
    for (const reply of [{ status: 403, body: { message: 'calling actor does not have enough permissions to perform this function' } }, { status: 200, body: { ok: true } }]) {
      const { verdict } = await checkOnce({ check: tailscaleCheck, routes: answering(() => reply), input });
      expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: reply.status });
    }
  });

  it('claims only API access tokens', () => {
    expect(tailscaleCheck.detectors).toEqual(['tailscale-api-key']);
  });
});
