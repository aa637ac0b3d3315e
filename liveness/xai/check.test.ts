import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { XAI_INCORRECT_KEY, xaiKeyInfo, xaiRoutes } from '../../test/support/providers/xai.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { xaiCheck } from './check.js';

const t = new TokenFactory('liveness-xai');
const key = TABLE_ENTRIES.find((e) => e.row.id === 'xai-api-key')!.examples.generate!(t);
const input = secretInput('xai-api-key', key);

describeProviderCheck({
  check: xaiCheck,
  routes: xaiRoutes,
  cases: [
    {
      input,
      credential: key,
      expectLive: (v) => {
        expect(v.owner).toEqual({ user: '59fbe5f2-040b-46d5-8325-868bb8f23eb2', team: '5ea6f6bd-7815-4b8a-9135-28b2d7ba6722', tokenName: 'My API Key' });
        expect(v.scopes).toEqual(['api-key:model:*', 'api-key:endpoint:*']);
      },
    },
  ],
});

function answering(reply: () => StandInReply): StandInRoute[] {
  return xaiRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));
}

describe('xai liveness check, provider-specific answers', () => {
  it('is revoked for the documented 400 "Incorrect API key", without echoing the shortened key', async () => {
    const { verdict } = await checkOnce({ check: xaiCheck, routes: answering(() => XAI_INCORRECT_KEY), input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'xAI: incorrect API key', httpStatus: 400 });
  });

  it('is unknown, not revoked, for a disabled or blocked key', async () => {
    for (const flag of ['api_key_disabled', 'api_key_blocked', 'team_blocked']) {
      const { verdict } = await checkOnce({ check: xaiCheck, routes: answering(() => xaiKeyInfo({ [flag]: true })), input, valid: [key] });
      expect(verdict, flag).toMatchObject({ outcome: 'unknown', httpStatus: 200 });
    }
  });

  it('is unknown for another 400 and for a 403', async () => {
    const bad = await checkOnce({ check: xaiCheck, routes: answering(() => ({ status: 400, body: { code: 'Client specified an invalid argument', error: 'Malformed request' } })), input });
    expect(bad.verdict).toMatchObject({ outcome: 'unknown', httpStatus: 400 });
    const forbidden = await checkOnce({ check: xaiCheck, routes: answering(() => ({ status: 403, body: { code: 'The caller does not have permission', error: 'Team is blocked' } })), input });
    expect(forbidden.verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
  });
});
