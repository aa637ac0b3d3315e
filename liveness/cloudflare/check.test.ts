import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { CLOUDFLARE_ACCOUNT_ID, cloudflareRoutes, cloudflareVerified } from '../../test/support/providers/cloudflare.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { cloudflareCheck } from './check.js';

const t = new TokenFactory('liveness-cloudflare');
const generate = (id: string): string => TABLE_ENTRIES.find((e) => e.row.id === id)!.examples.generate!(t);
const userToken = generate('cloudflare-user-api-token');
const accountToken = generate('cloudflare-account-api-token');
const userInput = secretInput('cloudflare-user-api-token', userToken);
const accountInput = secretInput('cloudflare-account-api-token', accountToken, { context: { account_id: CLOUDFLARE_ACCOUNT_ID } });

describeProviderCheck({
  check: cloudflareCheck,
  routes: cloudflareRoutes,
  cases: [
    { input: userInput, credential: userToken, expectLive: (v) => expect(v).toEqual({ outcome: 'live', reason: 'Cloudflare: the token is valid and active', httpStatus: 200 }) },
    { input: accountInput, credential: accountToken },
  ],
});

/** Every route answering `reply` to every token. */
function answering(reply: () => StandInReply): StandInRoute[] {
  return cloudflareRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));
}

describe('cloudflare liveness check, provider-specific answers', () => {
  it('asks the user endpoint for a user token and the account endpoint for an account token', async () => {
    const user = await checkOnce({ check: cloudflareCheck, routes: cloudflareRoutes, input: userInput, valid: [userToken] });
    expect(user.requests.map((r) => r.path)).toEqual(['/client/v4/user/tokens/verify']);
    const account = await checkOnce({ check: cloudflareCheck, routes: cloudflareRoutes, input: accountInput, valid: [accountToken] });
    expect(account.requests.map((r) => r.path)).toEqual([`/client/v4/accounts/${CLOUDFLARE_ACCOUNT_ID}/tokens/verify`]);
  });

  it('is unknown, without asking, for an account token whose account id is not known', async () => {
    const { verdict, requests } = await checkOnce({ check: cloudflareCheck, routes: cloudflareRoutes, input: secretInput('cloudflare-account-api-token', accountToken), valid: [accountToken] });
    expect(verdict.outcome).toBe('unknown');
    expect(verdict.reason).toMatch(/account id/);
    expect(requests).toHaveLength(0);
  });

  it('is revoked for a disabled or expired token', async () => {
    for (const status of ['disabled', 'expired'] as const) {
      const { verdict } = await checkOnce({ check: cloudflareCheck, routes: answering(() => cloudflareVerified(status)), input: userInput });
      expect(verdict).toMatchObject({ outcome: 'revoked', httpStatus: 200 });
      expect(verdict.reason).toContain(status);
    }
  });

  it('is unknown when the token refuses our address (403, IP filter)', async () => {
    const reply = (): StandInReply => ({ status: 403, body: { success: false, errors: [{ code: 9109, message: 'Cannot use the access token from location: 203.0.113.7' }], messages: [], result: null } });
    const { verdict } = await checkOnce({ check: cloudflareCheck, routes: answering(reply), input: userInput });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
  });

  it('is unknown for a 401 with another error code', async () => {
    const reply = (): StandInReply => ({ status: 401, body: { success: false, errors: [{ code: 10000, message: 'Authentication error' }], messages: [], result: null } });
    const { verdict } = await checkOnce({ check: cloudflareCheck, routes: answering(reply), input: userInput });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
  });
});
