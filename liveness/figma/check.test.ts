import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { FIGMA_INVALID_TOKEN, figmaRoutes } from '../../test/support/providers/figma.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { figmaCheck } from './check.js';

const t = new TokenFactory('liveness-figma');
const token = TABLE_ENTRIES.find((e) => e.row.id === 'figma-personal-access-token')!.examples.generate!(t);
const input = secretInput('figma-personal-access-token', token);

describeProviderCheck({
  check: figmaCheck,
  routes: figmaRoutes,
  cases: [{ input, credential: token, expectLive: (v) => expect(v.owner).toEqual({ user: 'Ada Lovelace', email: 'ada@example.com' }) }],
});

function answering(reply: () => StandInReply): StandInRoute[] {
  return figmaRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));
}

describe('figma liveness check, provider-specific answers', () => {
  it('sends the token in X-Figma-Token, not as a bearer token', async () => {
    const { requests } = await checkOnce({ check: figmaCheck, routes: figmaRoutes, input, valid: [token] });
    expect(requests[0]?.headers['x-figma-token'] === token).toBe(true);
    expect(requests[0]?.headers.authorization).toBeUndefined();
  });

  it('is revoked for the documented 403 "Invalid token"', async () => {
    const { verdict } = await checkOnce({ check: figmaCheck, routes: answering(() => FIGMA_INVALID_TOKEN), input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Figma: Invalid token', httpStatus: 403 });
  });

  it('is unknown for a 403 about scopes, not the token', async () => {
    const routes = answering(() => ({ status: 403, body: { status: 403, err: 'Invalid scope(s): current_user:read. This endpoint requires the current_user:read scope' } }));
    const { verdict } = await checkOnce({ check: figmaCheck, routes, input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
  });
});
