import { describe, expect, it } from 'vitest';
import { examples as pats } from '../../detectors/digitalocean-pat/examples.js';
import { examples as oauth } from '../../detectors/digitalocean-oauth-token/examples.js';
import { examples as refresh } from '../../detectors/digitalocean-refresh-token/examples.js';
import { DIGITALOCEAN_FORBIDDEN, digitaloceanRoutes } from '../../test/support/providers/digitalocean.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeAccount, digitaloceanCheck } from './check.js';

const t = new TokenFactory('liveness-digitalocean');
const pat = pats.generate!(t);
const oauthToken = oauth.generate!(t);
const refreshToken = refresh.generate!(t);

const SAMMY = { user: 'b6fr89dbf6d9156cace5f3c78dc9851d957381ef', email: 'sammy@digitalocean.com', team: 'My Team' };

describeProviderCheck({
  check: digitaloceanCheck,
  routes: digitaloceanRoutes,
  cases: [
    { input: secretInput('digitalocean-pat', pat), credential: pat, expectLive: (v) => expect(v.owner).toEqual(SAMMY) },
    { input: secretInput('digitalocean-oauth-token', oauthToken), credential: oauthToken, expectLive: (v) => expect(v.owner).toEqual(SAMMY) },
  ],
});

describe('digitalocean liveness check, provider-specific answers', () => {
  it('is unknown for a refresh token, without a request', async () => {
    const { verdict, requests } = await checkOnce({ check: digitaloceanCheck, routes: digitaloceanRoutes, input: secretInput('digitalocean-refresh-token', refreshToken), valid: [refreshToken] });
    expect(verdict.outcome).toBe('unknown');
    expect(verdict.reason).toMatch(/client secret/);
    expect(requests).toEqual([]);
  });

  it('is live when the token is accepted but may not read the account (403)', async () => {
    const routes = digitaloceanRoutes.map((r) => ({ ...r, live: () => DIGITALOCEAN_FORBIDDEN }));
    const { verdict } = await checkOnce({ check: digitaloceanCheck, routes, input: secretInput('digitalocean-pat', pat), valid: [pat] });
    expect(verdict).toMatchObject({ outcome: 'live', httpStatus: 403 });
  });

  it('is unknown for a 401 without DigitalOcean\'s error body', async () => {
    const routes = digitaloceanRoutes.map((r) => ({ ...r, revoked: () => ({ status: 401, body: 'Unauthorized' }) }));
    const { verdict } = await checkOnce({ check: digitaloceanCheck, routes, input: secretInput('digitalocean-pat', pat) });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
  });

  it('attributes an account without a team', () => {
    expect(attributeAccount({ uuid: 'u-1', email: 'a@example.com', status: 'active' })).toEqual({ user: 'u-1', email: 'a@example.com' });
  });
});
