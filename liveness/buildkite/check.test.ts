import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply } from '../../test/support/provider-stand-in.js';
import { buildkiteRoutes } from '../../test/support/providers/buildkite.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeToken, buildkiteCheck } from './check.js';

const t = new TokenFactory('liveness-buildkite');
const generate = (id: string): string => TABLE_ENTRIES.find((e) => e.row.id === id)!.examples.generate!(t);
const token = generate('buildkite-api-access-token');
const sharded = generate('buildkite-api-access-token-sharded');
const input = secretInput('buildkite-api-access-token', token);

describeProviderCheck({
  check: buildkiteCheck,
  routes: buildkiteRoutes,
  cases: [
    {
      input,
      credential: token,
      expectLive: (v) => {
        expect(v.owner).toEqual({ user: 'Keith Pitt', email: 'keith@example.com', tokenName: 'Deploy dashboard' });
        expect(v.scopes).toEqual(['read_build', 'read_pipelines']);
      },
    },
    { input: secretInput('buildkite-api-access-token-sharded', sharded), credential: sharded },
  ],
});

const answering = (reply: () => StandInReply) => buildkiteRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));

describe('buildkite liveness check, provider-specific answers', () => {
  it('is revoked for Buildkite\'s authentication-required answer, without echoing the body', async () => {
    const { verdict } = await checkOnce({ check: buildkiteCheck, routes: buildkiteRoutes, input });
    expect(verdict).toMatchObject({ outcome: 'revoked', httpStatus: 401 });
  });

  it('is unknown when Buildkite refuses our address (403)', async () => {
    const { verdict } = await checkOnce({ check: buildkiteCheck, routes: answering(() => ({ status: 403, body: { message: 'Forbidden: your IP address is not allowed' } })), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
  });

  it('is unknown for a 401 with another message', async () => {
    const { verdict } = await checkOnce({ check: buildkiteCheck, routes: answering(() => ({ status: 401, body: { message: 'Token expired soon' } })), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
  });

  it('attributes a token without a description', () => {
    expect(attributeToken({ uuid: 'x', user: { name: 'Sam' } })).toEqual({ user: 'Sam' });
  });
});
