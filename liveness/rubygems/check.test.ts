import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { RUBYGEMS_ACCESS_DENIED, RUBYGEMS_INSUFFICIENT_SCOPE, RUBYGEMS_NO_USER, RUBYGEMS_SOFT_DELETED, rubygemsRoutes } from '../../test/support/providers/rubygems.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeGems, rubygemsCheck } from './check.js';

const t = new TokenFactory('liveness-rubygems');
const key = TABLE_ENTRIES.find((e) => e.row.id === 'rubygems-api-key')!.examples.generate!(t);
const input = secretInput('rubygems-api-key', key);

describeProviderCheck({
  check: rubygemsCheck,
  routes: rubygemsRoutes,
  cases: [
    {
      input,
      credential: key,
      expectLive: (v) => {
        expect(v.owner).toEqual({ account: 'bills, coulda' });
        expect(v.scopes).toEqual(['index_rubygems']);
      },
    },
  ],
});

function answering(reply: StandInReply): StandInRoute[] {
  return rubygemsRoutes.map((r) => ({ ...r, live: () => reply, revoked: () => reply }));
}

describe('rubygems liveness check, provider-specific answers', () => {
  it('sends the key bare in Authorization, and only ever reads: one GET /api/v1/gems.json', async () => {
    const { verdict, requests } = await checkOnce({ check: rubygemsCheck, routes: rubygemsRoutes, input, valid: [key] });
    expect(verdict.outcome).toBe('live');
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/gems.json']);
    expect(requests[0]!.headers.authorization === key).toBe(true);
  });

  it('is revoked for the plain-text 401 "Access Denied"', async () => {
    const { verdict } = await checkOnce({ check: rubygemsCheck, routes: answering(RUBYGEMS_ACCESS_DENIED), input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'RubyGems.org: Access Denied (no such key, or it expired)', httpStatus: 401 });
  });

  it('is revoked for a soft-deleted key (403 "An invalid API key cannot be used")', async () => {
    const { verdict } = await checkOnce({ check: rubygemsCheck, routes: answering(RUBYGEMS_SOFT_DELETED), input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'RubyGems.org: the key was invalidated (soft-deleted)', httpStatus: 403 });
  });

  it('is live for a key RubyGems.org found but that may not list gems (403 with a scope or user refusal)', async () => {
    for (const reply of [RUBYGEMS_INSUFFICIENT_SCOPE, RUBYGEMS_NO_USER, { status: 403, body: { error: 'Please confirm your email address before using the API. Check your inbox for a confirmation link.' } }]) {
      const { verdict } = await checkOnce({ check: rubygemsCheck, routes: answering(reply), input });
      expect(verdict, JSON.stringify(reply.body)).toMatchObject({ outcome: 'live', httpStatus: 403 });
      expect(verdict.scopes).toBeUndefined();
    }
  });

  it('is unknown for a 401 or 403 RubyGems.org does not give for keys', async () => {
    for (const reply of [
      { status: 401, headers: { 'content-type': 'text/plain' }, body: 'Your OTP code is incorrect. Please check it and retry.' },
      { status: 401, body: { error: 'Unauthorized' } },
      { status: 403, body: { error: 'Forbidden' } },
      { status: 403, headers: { 'content-type': 'text/plain' }, body: 'Access Denied. Please sign up for an account at https://rubygems.org' },
    ]) {
      const { verdict } = await checkOnce({ check: rubygemsCheck, routes: answering(reply), input });
      expect(verdict.outcome, JSON.stringify(reply)).toBe('unknown');
    }
  });

  it('is unknown for a 200 that is not a gem list', async () => {
    const { verdict } = await checkOnce({ check: rubygemsCheck, routes: answering({ status: 200, body: { error: 'Access Denied' } }), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 200 });
  });

  it('attributes the gem names, capped', () => {
    expect(attributeGems([{ name: 'a' }, { name: 'b' }])).toEqual({ account: 'a, b' });
    expect(attributeGems([])).toBeUndefined();
    const many = Array.from({ length: 12 }, (_, i) => ({ name: `g${i}` }));
    expect(attributeGems(many)).toEqual({ account: 'g0, g1, g2, g3, g4, g5, g6, g7, g8, g9 (+2 more)' });
  });
});
