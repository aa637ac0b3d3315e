import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { REPLICATE_INVALID_TOKEN, replicateRoutes } from '../../test/support/providers/replicate.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeAccount, replicateCheck } from './check.js';

const t = new TokenFactory('liveness-replicate');
const token = TABLE_ENTRIES.find((e) => e.row.id === 'replicate-api-token')!.examples.generate!(t);
const input = secretInput('replicate-api-token', token);

describeProviderCheck({
  check: replicateCheck,
  routes: replicateRoutes,
  cases: [{ input, credential: token, expectLive: (v) => expect(v.owner).toEqual({ user: 'aron' }) }],
});

function answering(reply: () => StandInReply): StandInRoute[] {
  return replicateRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));
}

describe('replicate liveness check, provider-specific answers', () => {
  it('is revoked for the documented 401 body', async () => {
    const { verdict } = await checkOnce({ check: replicateCheck, routes: answering(() => REPLICATE_INVALID_TOKEN), input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Replicate: You did not pass a valid authentication token', httpStatus: 401 });
  });

  it('names the organization of an organization token', async () => {
    const routes = answering(() => ({ status: 200, body: { type: 'organization', username: 'acme', name: 'Acme Corp, Inc.' } }));
    const { verdict } = await checkOnce({ check: replicateCheck, routes, input, valid: [token] });
    expect(verdict).toMatchObject({ outcome: 'live', owner: { account: 'acme' } });
  });

  it('is unknown for a 403 and for a 401 that is not the problem body', async () => {
    const forbidden = await checkOnce({ check: replicateCheck, routes: answering(() => ({ status: 403, body: { title: 'Forbidden', status: 403 } })), input });
    expect(forbidden.verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
    const bare = await checkOnce({ check: replicateCheck, routes: answering(() => ({ status: 401, body: 'Unauthorized' })), input });
    expect(bare.verdict).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
  });

  it('attributes users and organizations', () => {
    expect(attributeAccount({ type: 'user', username: 'sam' })).toEqual({ user: 'sam' });
    expect(attributeAccount({ type: 'organization', username: 'acme' })).toEqual({ account: 'acme' });
  });
});
