import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { CONTENTFUL_INVALID_TOKEN, contentfulRoutes } from '../../test/support/providers/contentful.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeUser, contentfulCheck } from './check.js';

const t = new TokenFactory('liveness-contentful');
const token = TABLE_ENTRIES.find((e) => e.row.id === 'contentful-personal-access-token')!.examples.generate!(t);
const input = secretInput('contentful-personal-access-token', token);

describeProviderCheck({
  check: contentfulCheck,
  routes: contentfulRoutes,
  cases: [{ input, credential: token, expectLive: (v) => expect(v.owner).toEqual({ user: 'Ada Lovelace', email: 'ada@example.com' }) }],
});

function answering(reply: () => StandInReply): StandInRoute[] {
  return contentfulRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));
}

describe('contentful liveness check, provider-specific answers', () => {
  it('sends the token as a bearer header to /users/me', async () => {
    const { verdict, requests } = await checkOnce({ check: contentfulCheck, routes: contentfulRoutes, input, valid: [token] });
    expect(verdict.outcome).toBe('live');
    expect(requests.map((r) => [r.method, r.path])).toEqual([['GET', '/users/me']]);
    expect(requests[0]!.headers.authorization === `Bearer ${token}`).toBe(true);
  });

  it('is revoked for the documented AccessTokenInvalid answer', async () => {
    const { verdict } = await checkOnce({ check: contentfulCheck, routes: answering(() => CONTENTFUL_INVALID_TOKEN), input });
    expect(verdict).toMatchObject({ outcome: 'revoked', httpStatus: 401 });
    expect(verdict.reason).toMatch(/AccessTokenInvalid/);
    expect(verdict.reason.includes(token)).toBe(false);
  });

  it('is unknown for a 403 AccessDenied (valid token, no right)', async () => {
    const { verdict } = await checkOnce({
      check: contentfulCheck,
      routes: answering(() => ({ status: 403, body: { sys: { type: 'Error', id: 'AccessDenied' }, message: 'Forbidden' } })),
      input,
    });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
  });

  it('is unknown for a 401 without the documented body', async () => {
    const { verdict } = await checkOnce({ check: contentfulCheck, routes: answering(() => ({ status: 401, body: 'Unauthorized' })), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
  });

  it('is unknown for a 200 that is not a User', async () => {
    const { verdict } = await checkOnce({ check: contentfulCheck, routes: answering(() => ({ status: 200, body: { items: [] } })), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 200 });
  });

  it('attributes the user', () => {
    expect(attributeUser({ firstName: 'Ada', lastName: 'Lovelace', email: 'a@example.com', sys: { id: 'u1' } })).toEqual({ user: 'Ada Lovelace', email: 'a@example.com' });
    expect(attributeUser({ sys: { id: 'u1' } })).toEqual({ user: 'u1' });
    expect(attributeUser({})).toEqual({});
  });
});
