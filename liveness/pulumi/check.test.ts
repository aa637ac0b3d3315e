import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { PULUMI_INVALID_TOKEN, pulumiRoutes } from '../../test/support/providers/pulumi.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeUser, pulumiCheck } from './check.js';

const t = new TokenFactory('liveness-pulumi');
const token = TABLE_ENTRIES.find((e) => e.row.id === 'pulumi-access-token')!.examples.generate!(t);
const input = secretInput('pulumi-access-token', token);

describeProviderCheck({
  check: pulumiCheck,
  routes: pulumiRoutes,
  cases: [
    {
      input,
      credential: token,
      expectLive: (v) => expect(v.owner).toEqual({ user: 'ada', email: 'ada@example.com', account: 'analytical-engines' }),
    },
  ],
});

function answering(reply: () => StandInReply): StandInRoute[] {
  return pulumiRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));
}

describe('pulumi liveness check, provider-specific answers', () => {
  it('sends the token as "Authorization: token", not Bearer', async () => {
    const { verdict, requests } = await checkOnce({ check: pulumiCheck, routes: pulumiRoutes, input, valid: [token] });
    expect(verdict.outcome).toBe('live');
    expect(requests[0]!.headers.authorization).toBe(`token ${token}`);
  });

  it('is revoked for the documented 401', async () => {
    const { verdict } = await checkOnce({ check: pulumiCheck, routes: answering(() => PULUMI_INVALID_TOKEN), input });
    expect(verdict).toMatchObject({ outcome: 'revoked', httpStatus: 401 });
  });

  it('is unknown for a 403', async () => {
    const { verdict } = await checkOnce({ check: pulumiCheck, routes: answering(() => ({ status: 403, body: { code: 403, message: 'Forbidden' } })), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
  });

  it('attributes login, email and first organisation', () => {
    expect(attributeUser({ githubLogin: 'x', organizations: [] })).toEqual({ user: 'x' });
    expect(attributeUser({})).toEqual({});
  });
});
