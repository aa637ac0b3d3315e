import { describe, expect, it } from 'vitest';
import { examples as userTokens } from '../../detectors/sentry-user-auth-token/examples.js';
import { examples as orgTokens } from '../../detectors/sentry-org-auth-token/examples.js';
import { SENTRY_NO_PERMISSION, sentryRoutes } from '../../test/support/providers/sentry.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeOrganizations, sentryCheck } from './check.js';

const t = new TokenFactory('liveness-sentry');
const userToken = userTokens.generate!(t);
const orgToken = orgTokens.generate!(t);
const ORG = { account: 'the-interstellar-jurisdiction' };

describeProviderCheck({
  check: sentryCheck,
  routes: sentryRoutes,
  cases: [
    { input: secretInput('sentry-user-auth-token', userToken), credential: userToken, expectLive: (v) => expect(v.owner).toEqual(ORG) },
    { input: secretInput('sentry-org-auth-token', orgToken), credential: orgToken, expectLive: (v) => expect(v.owner).toEqual(ORG) },
  ],
});

describe('sentry liveness check, provider-specific answers', () => {
  it('is live for a token whose scopes do not cover the list (403 permission refusal)', async () => {
    const routes = sentryRoutes.map((r) => ({ ...r, live: () => SENTRY_NO_PERMISSION }));
    const { verdict } = await checkOnce({ check: sentryCheck, routes, input: secretInput('sentry-org-auth-token', orgToken), valid: [orgToken] });
    expect(verdict).toMatchObject({ outcome: 'live', httpStatus: 403 });
    expect(verdict.owner).toBeUndefined();
  });

  it('is revoked for an expired token', async () => {
    const routes = sentryRoutes.map((r) => ({ ...r, revoked: () => ({ status: 401, body: { detail: 'Token expired' } }) }));
    const { verdict } = await checkOnce({ check: sentryCheck, routes, input: secretInput('sentry-user-auth-token', userToken) });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Sentry: Token expired', httpStatus: 401 });
  });

  it('is unknown for a 401 or 403 without Sentry\'s error body', async () => {
    for (const status of [401, 403]) {
      const routes = sentryRoutes.map((r) => ({ ...r, revoked: () => ({ status, body: 'denied' }) }));
      const { verdict } = await checkOnce({ check: sentryCheck, routes, input: secretInput('sentry-user-auth-token', userToken) });
      expect(verdict, String(status)).toMatchObject({ outcome: 'unknown', httpStatus: status });
    }
  });

  it('attributes organization slugs', () => {
    expect(attributeOrganizations([{ slug: 'a', name: 'A' }, { name: 'B' }])).toEqual({ account: 'a, B' });
    expect(attributeOrganizations([])).toBeUndefined();
  });
});
