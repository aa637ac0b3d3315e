import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { GROQ_INVALID_KEY, groqRoutes } from '../../test/support/providers/groq.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { groqCheck } from './check.js';

const t = new TokenFactory('liveness-groq');
const key = TABLE_ENTRIES.find((e) => e.row.id === 'groq-api-key')!.examples.generate!(t);
const input = secretInput('groq-api-key', key);

describeProviderCheck({
  check: groqCheck,
  routes: groqRoutes,
  cases: [{ input, credential: key, expectLive: (v) => expect(v).toEqual({ outcome: 'live', reason: 'Groq accepted the key', httpStatus: 200 }) }],
});

function answering(reply: () => StandInReply): StandInRoute[] {
  return groqRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));
}

describe('groq liveness check, provider-specific answers', () => {
  it('is revoked for the documented invalid-key body, naming it', async () => {
    const { verdict } = await checkOnce({ check: groqCheck, routes: answering(() => GROQ_INVALID_KEY), input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Groq: Invalid API Key', httpStatus: 401 });
  });

  it('is unknown for a 401 without the invalid_api_key code', async () => {
    const { verdict } = await checkOnce({ check: groqCheck, routes: answering(() => ({ status: 401, body: { error: { message: 'Unauthorized' } } })), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
  });

  it('is unknown for a 403 (organisation or network restriction)', async () => {
    const { verdict } = await checkOnce({
      check: groqCheck,
      routes: answering(() => ({ status: 403, body: { error: { message: 'Forbidden', type: 'permissions_error' } } })),
      input,
    });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
  });

  it('is unknown for a 200 that is not a model list', async () => {
    const { verdict } = await checkOnce({ check: groqCheck, routes: answering(() => ({ status: 200, body: { ok: true } })), input, valid: [key] });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 200 });
  });
});
