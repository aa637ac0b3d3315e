import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { TOGETHER_INVALID_KEY, togetherRoutes } from '../../test/support/providers/together.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { togetherCheck } from './check.js';

const t = new TokenFactory('liveness-together');
const key = TABLE_ENTRIES.find((e) => e.row.id === 'together-api-key')!.examples.generate!(t);
const input = secretInput('together-api-key', key);

describeProviderCheck({
  check: togetherCheck,
  routes: togetherRoutes,
  cases: [{ input, credential: key, expectLive: (v) => expect(v).toEqual({ outcome: 'live', reason: 'Together AI accepted the key', httpStatus: 200 }) }],
});

function answering(reply: () => StandInReply): StandInRoute[] {
  return togetherRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));
}

describe('together liveness check, provider-specific answers', () => {
  it('is revoked for the documented invalid_api_key body, without echoing it', async () => {
    const { verdict } = await checkOnce({ check: togetherCheck, routes: answering(() => TOGETHER_INVALID_KEY), input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Together AI: invalid API key', httpStatus: 401 });
  });

  it('is unknown for a 401 without the invalid_api_key code', async () => {
    const { verdict } = await checkOnce({ check: togetherCheck, routes: answering(() => ({ status: 401, body: { error: { message: 'Unauthorized' } } })), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
  });

  it('is unknown for a 200 that is not a model list', async () => {
    const { verdict } = await checkOnce({ check: togetherCheck, routes: answering(() => ({ status: 200, body: { ok: true } })), input, valid: [key] });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 200 });
  });

  it('is unknown for a 403, which says nothing about the key', async () => {
    const { verdict } = await checkOnce({
      check: togetherCheck,
      routes: answering(() => ({ status: 403, body: { error: { message: 'Forbidden', type: 'invalid_request_error', code: null } } })),
      input,
    });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
  });
});
