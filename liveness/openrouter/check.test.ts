import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { OPENROUTER_UNKNOWN_KEY, openrouterRoutes } from '../../test/support/providers/openrouter.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeKey, openrouterCheck } from './check.js';

const t = new TokenFactory('liveness-openrouter');
const key = TABLE_ENTRIES.find((e) => e.row.id === 'openrouter-api-key')!.examples.generate!(t);
const input = secretInput('openrouter-api-key', key);

describeProviderCheck({
  check: openrouterCheck,
  routes: openrouterRoutes,
  cases: [{ input, credential: key, expectLive: (v) => expect(v.owner).toEqual({ user: 'user_2dHFtVWx2n56w6HkM0000000000', tokenName: 'ci-pipeline' }) }],
});

function answering(reply: () => StandInReply): StandInRoute[] {
  return openrouterRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));
}

describe('openrouter liveness check, provider-specific answers', () => {
  it('is revoked for the documented 401 body', async () => {
    const { verdict } = await checkOnce({ check: openrouterCheck, routes: answering(() => OPENROUTER_UNKNOWN_KEY), input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'OpenRouter: User not found.', httpStatus: 401 });
  });

  it('is unknown for a 403 (a key OpenRouter will not serve here)', async () => {
    const { verdict } = await checkOnce({ check: openrouterCheck, routes: answering(() => ({ status: 403, body: { error: { message: 'Forbidden', code: 403 } } })), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
  });

  it('is unknown for a 401 without an error body', async () => {
    const { verdict } = await checkOnce({ check: openrouterCheck, routes: answering(() => ({ status: 401, body: 'Unauthorized' })), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
  });

  it('leaves out a default label that is a shortened form of the key', () => {
    expect(attributeKey({ label: 'sk-or-v1-au7...890', creator_user_id: 'user_1' })).toEqual({ user: 'user_1' });
    expect(attributeKey({})).toEqual({});
  });
});
