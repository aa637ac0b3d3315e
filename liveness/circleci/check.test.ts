import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply } from '../../test/support/provider-stand-in.js';
import { circleciRoutes } from '../../test/support/providers/circleci.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeMe, circleciCheck } from './check.js';

const t = new TokenFactory('liveness-circleci');
const token = TABLE_ENTRIES.find((e) => e.row.id === 'circleci-personal-api-token')!.examples.generate!(t);
const input = secretInput('circleci-personal-api-token', token);

describeProviderCheck({
  check: circleciCheck,
  routes: circleciRoutes,
  cases: [{ input, credential: token, expectLive: (v) => expect(v.owner).toEqual({ user: 'octocat' }) }],
});

const answering = (reply: () => StandInReply) => circleciRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));

describe('circleci liveness check, provider-specific answers', () => {
  it('sends the token in Circle-Token, not in Authorization', async () => {
    const { requests } = await checkOnce({ check: circleciCheck, routes: circleciRoutes, input, valid: [token] });
    expect(requests[0]?.headers.authorization).toBeUndefined();
  });

  it('is revoked for CircleCI\'s "You must log in first."', async () => {
    const { verdict } = await checkOnce({ check: circleciCheck, routes: circleciRoutes, input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'CircleCI: You must log in first.', httpStatus: 401 });
  });

  it('is unknown for a 403 or another 401', async () => {
    for (const reply of [{ status: 403, body: { message: 'Permission denied' } }, { status: 401, body: { message: 'Unauthorized' } }]) {
      const { verdict } = await checkOnce({ check: circleciCheck, routes: answering(() => reply), input });
      expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: reply.status });
    }
  });

  it('does not claim project tokens', () => {
    expect(circleciCheck.detectors).toEqual(['circleci-personal-api-token']);
    expect(attributeMe({ id: 'x', name: 'Sam' })).toEqual({ user: 'Sam' });
  });
});
