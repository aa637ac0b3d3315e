import { describe, expect, it } from 'vitest';
import { examples } from '../../detectors/doppler-token/examples.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { DOPPLER_INVALID_TOKEN, dopplerRoutes } from '../../test/support/providers/doppler.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeMe, dopplerCheck } from './check.js';

const t = new TokenFactory('liveness-doppler');
/** A generated token of another kind: the generator's personal token with its kind swapped. */
function tokenOf(kind: string): string {
  return examples.generate!(t).replace(/^dp\.pt\./, `dp.${kind}.`);
}
const personal = tokenOf('pt');
const service = tokenOf('st.prd');
const input = secretInput('doppler-token', personal);

describeProviderCheck({
  check: dopplerCheck,
  routes: dopplerRoutes,
  cases: [
    { name: 'personal token', input, credential: personal, expectLive: (v) => expect(v.owner).toEqual({ account: 'Acme', tokenName: 'laptop-cli' }) },
    { name: 'service token', input: secretInput('doppler-token', service), credential: service },
  ],
});

function answering(reply: () => StandInReply): StandInRoute[] {
  return dopplerRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));
}

describe('doppler liveness check, provider-specific answers', () => {
  it('is revoked for the documented 401 body', async () => {
    const { verdict } = await checkOnce({ check: dopplerCheck, routes: answering(() => DOPPLER_INVALID_TOKEN), input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Doppler: Invalid Auth token', httpStatus: 401 });
  });

  it('is unknown for a 403 (a token Doppler will not serve from here)', async () => {
    const { verdict } = await checkOnce({ check: dopplerCheck, routes: answering(() => ({ status: 403, body: { messages: ['Forbidden'], success: false } })), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
  });

  it('does not ask about SCIM or audit tokens, and says so', async () => {
    for (const kind of ['scim', 'audit']) {
      const token = tokenOf(kind);
      const { verdict, requests } = await checkOnce({ check: dopplerCheck, routes: dopplerRoutes, input: secretInput('doppler-token', token, { context: { kind } }), valid: [token] });
      expect(verdict.outcome).toBe('unknown');
      expect(verdict.reason).toContain(kind);
      expect(requests).toHaveLength(0);
    }
  });

  it('leaves the token preview out of the owner', () => {
    expect(attributeMe({ workplace: { slug: 'w' }, token_preview: 'dp.pt.abc', name: 'n' })).toEqual({ account: 'w', tokenName: 'n' });
  });
});
