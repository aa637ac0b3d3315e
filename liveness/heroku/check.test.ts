import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply } from '../../test/support/provider-stand-in.js';
import { herokuRoutes } from '../../test/support/providers/heroku.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeAccount, herokuCheck } from './check.js';

const t = new TokenFactory('liveness-heroku');
const key = TABLE_ENTRIES.find((e) => e.row.id === 'heroku-platform-api-key')!.examples.generate!(t);
const input = secretInput('heroku-platform-api-key', key);

describeProviderCheck({
  check: herokuCheck,
  routes: herokuRoutes,
  cases: [{ input, credential: key, expectLive: (v) => expect(v.owner).toEqual({ user: 'Tina Edmonds', email: 'username@example.com' }) }],
});

const answering = (reply: () => StandInReply) => herokuRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));

describe('heroku liveness check, provider-specific answers', () => {
  it('sends the Platform API version', async () => {
    const { requests } = await checkOnce({ check: herokuCheck, routes: herokuRoutes, input, valid: [key] });
    expect(requests[0]?.headers.accept).toBe('application/vnd.heroku+json; version=3');
  });

  it('is revoked for Heroku\'s unauthorized error', async () => {
    const { verdict } = await checkOnce({ check: herokuCheck, routes: herokuRoutes, input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Heroku: Invalid credentials provided.', httpStatus: 401 });
  });

  it('is unknown for a suspended account or a 403', async () => {
    for (const reply of [
      { status: 403, body: { id: 'suspended', message: 'This account has been suspended.' } },
      { status: 403, body: { id: 'forbidden', message: 'You do not have access to this resource.' } },
    ]) {
      const { verdict } = await checkOnce({ check: herokuCheck, routes: answering(() => reply), input });
      expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
    }
  });

  it('is unknown for a 401 without Heroku\'s error object', async () => {
    const { verdict } = await checkOnce({ check: herokuCheck, routes: answering(() => ({ status: 401, body: 'Unauthorized' })), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
  });

  it('attributes by email when the account has no name', () => {
    expect(attributeAccount({ id: 'x', email: 'a@example.com', name: null })).toEqual({ user: 'a@example.com', email: 'a@example.com' });
  });
});
