import { describe, expect, it } from 'vitest';
import { examples } from '../../detectors/clickup-personal-api-token/examples.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { CLICKUP_HEADER_REQUIRED, CLICKUP_TEAM_NOT_AUTHORIZED, CLICKUP_TOKEN_NOT_FOUND, clickupRoutes } from '../../test/support/providers/clickup.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeUser, clickupCheck } from './check.js';

const t = new TokenFactory('liveness-clickup');
const token = examples.generate!(t);
const input = secretInput('clickup-personal-api-token', token);

describeProviderCheck({
  check: clickupCheck,
  routes: clickupRoutes,
  cases: [{ input, credential: token, expectLive: (v) => expect(v.owner).toEqual({ user: 'John Doe', email: 'johndoe@example.com' }) }],
});

function answering(reply: StandInReply): StandInRoute[] {
  return clickupRoutes.map((r) => ({ ...r, live: () => reply, revoked: () => reply }));
}

describe('clickup liveness check, provider-specific answers', () => {
  it('sends the personal token bare in Authorization, and only ever reads', async () => {
    const { verdict, requests } = await checkOnce({ check: clickupCheck, routes: clickupRoutes, input, valid: [token] });
    expect(verdict.outcome).toBe('live');
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v2/user']);
    expect(requests[0]!.headers.authorization === token).toBe(true);
  });

  it('is revoked for each documented "Token not found" code', async () => {
    for (const ecode of ['OAUTH_019', 'OAUTH_021', 'OAUTH_025', 'OAUTH_077']) {
      const { verdict } = await checkOnce({ check: clickupCheck, routes: answering({ status: 401, body: { err: 'Token invalid', ECODE: ecode } }), input });
      expect(verdict, ecode).toEqual({ outcome: 'revoked', reason: `ClickUp: Token invalid (${ecode})`, httpStatus: 401 });
    }
    const { verdict } = await checkOnce({ check: clickupCheck, routes: answering(CLICKUP_TOKEN_NOT_FOUND), input });
    expect(verdict.outcome).toBe('revoked');
  });

  it('is unknown for "Team not authorized" codes and a missing header: they say nothing about the token', async () => {
    for (const reply of [CLICKUP_TEAM_NOT_AUTHORIZED, CLICKUP_HEADER_REQUIRED, { status: 401, body: { err: 'Team not authorized', ECODE: 'OAUTH_041' } }]) {
      const { verdict } = await checkOnce({ check: clickupCheck, routes: answering(reply), input });
      expect(verdict, JSON.stringify(reply.body)).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
    }
  });

  it('is unknown for a "Token not found" code under another status, and for a 401 without an ECODE', async () => {
    for (const reply of [
      { status: 400, body: { err: 'Token invalid', ECODE: 'OAUTH_025' } },
      { status: 401, body: { err: 'Token invalid' } },
      { status: 401, body: 'Unauthorized' },
    ]) {
      const { verdict } = await checkOnce({ check: clickupCheck, routes: answering(reply), input });
      expect(verdict.outcome, JSON.stringify(reply)).toBe('unknown');
    }
  });

  it('is unknown for a 200 with an error body instead of a user', async () => {
    const { verdict } = await checkOnce({ check: clickupCheck, routes: answering({ status: 200, body: { err: 'Token invalid', ECODE: 'OAUTH_025' } }), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 200 });
  });

  it('attributes user name and email, falling back to the id', () => {
    expect(attributeUser({ id: 7, username: 'ada', email: 'ada@example.com' })).toEqual({ user: 'ada', email: 'ada@example.com' });
    expect(attributeUser({ id: 7 })).toEqual({ user: '7' });
  });
});
