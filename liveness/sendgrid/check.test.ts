import { describe, expect, it } from 'vitest';
import { examples } from '../../detectors/sendgrid-api-key/examples.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { SENDGRID_DELETED_KEY, sendgridRoutes } from '../../test/support/providers/sendgrid.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeUsername, sendgridCheck } from './check.js';

const t = new TokenFactory('liveness-sendgrid');
const key = examples.generate!(t);
const input = secretInput('sendgrid-api-key', key);

describeProviderCheck({
  check: sendgridCheck,
  routes: sendgridRoutes,
  cases: [
    {
      input,
      credential: key,
      expectLive: (v) => {
        expect(v.scopes).toContain('mail.send');
        expect(v.owner).toEqual({ user: 'sammy-sender' });
      },
    },
  ],
});

/** The stand-in's routes with one path answering `reply` to every key. */
function answering(path: string, reply: () => StandInReply): StandInRoute[] {
  return sendgridRoutes.map((r) => (r.path === path ? { ...r, live: reply, revoked: reply } : r));
}

describe('sendgrid liveness check, provider-specific answers', () => {
  it('does not ask for the username when the key may not read it', async () => {
    const { verdict, requests } = await checkOnce({
      check: sendgridCheck,
      routes: answering('/v3/scopes', () => ({ status: 200, body: { scopes: ['mail.send'] } })),
      input,
      valid: [key],
    });
    expect(verdict).toEqual({ outcome: 'live', reason: 'SendGrid accepted the key', httpStatus: 200, scopes: ['mail.send'] });
    expect(requests.map((r) => r.path)).toEqual(['/v3/scopes']);
  });

  it('stays live, without an owner, when the username call fails', async () => {
    const { verdict, requests } = await checkOnce({
      check: sendgridCheck,
      routes: answering('/v3/user/username', () => ({ status: 403, body: { errors: [{ field: null, message: 'access forbidden' }] } })),
      input,
      valid: [key],
    });
    expect(verdict.outcome).toBe('live');
    expect(verdict.owner).toBeUndefined();
    expect(requests.map((r) => r.path)).toEqual(['/v3/scopes', '/v3/user/username']);
  });

  it('is revoked for a deleted key', async () => {
    const { verdict } = await checkOnce({ check: sendgridCheck, routes: answering('/v3/scopes', () => SENDGRID_DELETED_KEY), input });
    expect(verdict).toMatchObject({ outcome: 'revoked', httpStatus: 401 });
    expect(verdict.reason).toMatch(/invalid, expired, or revoked/);
  });

  it('is unknown for a 401 that concerns the account, not the key', async () => {
    const { verdict } = await checkOnce({
      check: sendgridCheck,
      routes: answering('/v3/scopes', () => ({ status: 401, body: { errors: [{ field: null, message: 'Maximum credits exceeded' }] } })),
      input,
    });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
  });

  it('is unknown when SendGrid will not serve our address (403 access forbidden)', async () => {
    const { verdict } = await checkOnce({
      check: sendgridCheck,
      routes: answering('/v3/scopes', () => ({ status: 403, body: { errors: [{ field: null, message: 'access forbidden' }] } })),
      input,
    });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
  });

  it('attributes the username', () => {
    expect(attributeUsername({ username: 'sammy', user_id: 1 })).toEqual({ user: 'sammy' });
    expect(attributeUsername({})).toEqual({});
  });
});
