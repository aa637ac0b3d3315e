import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply } from '../../test/support/provider-stand-in.js';
import { netlifyRoutes } from '../../test/support/providers/netlify.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeUser, netlifyCheck } from './check.js';

const t = new TokenFactory('liveness-netlify');
const token = TABLE_ENTRIES.find((e) => e.row.id === 'netlify-personal-access-token')!.examples.generate!(t);
const input = secretInput('netlify-personal-access-token', token);

describeProviderCheck({
  check: netlifyCheck,
  routes: netlifyRoutes,
  cases: [{ input, credential: token, expectLive: (v) => expect(v.owner).toEqual({ user: 'Ada Lovelace', email: 'ada@example.com' }) }],
});

const answering = (reply: () => StandInReply) => netlifyRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));

describe('netlify liveness check, provider-specific answers', () => {
  it('is revoked for Netlify\'s 401 error', async () => {
    const { verdict } = await checkOnce({ check: netlifyCheck, routes: netlifyRoutes, input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Netlify: unauthorized (the token is not valid)', httpStatus: 401 });
  });

  it('is unknown for a 401 without Netlify\'s JSON error, and for a 403', async () => {
    for (const reply of [{ status: 401, body: 'Unauthorized' }, { status: 403, body: { code: 403, message: 'Forbidden' } }]) {
      const { verdict } = await checkOnce({ check: netlifyCheck, routes: answering(() => reply), input });
      expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: reply.status });
    }
  });

  it('attributes by email when the user has no name', () => {
    expect(attributeUser({ id: 'x', email: 'a@example.com' })).toEqual({ user: 'a@example.com', email: 'a@example.com' });
  });
});
