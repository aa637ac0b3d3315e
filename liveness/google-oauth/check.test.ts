import { describe, expect, it } from 'vitest';
import { examples } from '../../detectors/google-oauth-access-token/examples.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { GOOGLE_OAUTH_CLIENT, GOOGLE_OAUTH_INVALID_TOKEN, googleOauthRoutes } from '../../test/support/providers/google-oauth.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeTokeninfo, googleOauthCheck } from './check.js';

const t = new TokenFactory('liveness-google-oauth');
const token = examples.generate!(t);
const input = secretInput('google-oauth-access-token', token);

describeProviderCheck({
  check: googleOauthCheck,
  routes: googleOauthRoutes,
  cases: [
    {
      input,
      credential: token,
      expectLive: (v) => {
        expect(v.owner).toEqual({ user: '110248495921238986420', email: 'ana.lopez@example.com', tokenName: GOOGLE_OAUTH_CLIENT });
        expect(v.scopes).toContain('openid');
        expect(v.scopes).toHaveLength(3);
      },
    },
  ],
});

function answering(reply: () => StandInReply): StandInRoute[] {
  return googleOauthRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));
}

describe('google-oauth liveness check, provider-specific answers', () => {
  it('sends the token in the access_token query parameter, and nowhere else', async () => {
    const { verdict, requests } = await checkOnce({ check: googleOauthCheck, routes: googleOauthRoutes, input, valid: [token] });
    expect(verdict.outcome).toBe('live');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.query.get('access_token')).toBe(token);
    expect(requests[0]!.headers.authorization).toBeUndefined();
    expect(JSON.stringify(verdict)).not.toContain(token);
  });

  it('is revoked for the documented invalid_token answer', async () => {
    const { verdict } = await checkOnce({ check: googleOauthCheck, routes: answering(() => GOOGLE_OAUTH_INVALID_TOKEN), input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Google: invalid_token (unknown, expired or revoked)', httpStatus: 400 });
  });

  it('is unknown for another 400 error', async () => {
    const { verdict } = await checkOnce({
      check: googleOauthCheck,
      routes: answering(() => ({ status: 400, body: { error: 'invalid_request', error_description: 'Bad Request' } })),
      input,
    });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 400 });
  });

  it('is unknown for a 200 that is not a tokeninfo answer', async () => {
    const { verdict } = await checkOnce({ check: googleOauthCheck, routes: answering(() => ({ status: 200, body: { ok: true } })), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 200 });
  });

  it('attributes a token without the email scope to its subject and client', () => {
    expect(attributeTokeninfo({ azp: 'c.apps.googleusercontent.com', aud: 'c.apps.googleusercontent.com', sub: '42', expires_in: '10' })).toEqual({
      user: '42',
      tokenName: 'c.apps.googleusercontent.com',
    });
    expect(attributeTokeninfo({})).toEqual({});
  });
});
