import { describe, expect, it } from 'vitest';
import { examples as personal } from '../../detectors/vercel-personal-access-token/examples.js';
import { examples as integration } from '../../detectors/vercel-integration-token/examples.js';
import { examples as app } from '../../detectors/vercel-app-access-token/examples.js';
import type { StandInReply } from '../../test/support/provider-stand-in.js';
import { vercelRoutes } from '../../test/support/providers/vercel.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeUser, vercelCheck } from './check.js';

const t = new TokenFactory('liveness-vercel');
const personalToken = personal.generate!(t);
const integrationToken = integration.generate!(t);
const appToken = app.generate!(t);
const input = secretInput('vercel-personal-access-token', personalToken);
const OWNER = { user: 'jdoe', email: 'me@example.com', team: 'team_nllPyCtREAqxxdyFKbbMDlxd' };

describeProviderCheck({
  check: vercelCheck,
  routes: vercelRoutes,
  cases: [
    { input, credential: personalToken, expectLive: (v) => expect(v.owner).toEqual(OWNER) },
    { input: secretInput('vercel-integration-token', integrationToken), credential: integrationToken },
    { input: secretInput('vercel-app-access-token', appToken), credential: appToken },
  ],
});

const answering = (reply: () => StandInReply) => vercelRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));

describe('vercel liveness check, provider-specific answers', () => {
  it('is revoked only for Vercel\'s invalidToken answer', async () => {
    const { verdict } = await checkOnce({ check: vercelCheck, routes: vercelRoutes, input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Vercel: Not authorized', httpStatus: 403 });
  });

  it('is unknown for a 403 that concerns a permission, not the token', async () => {
    const reply = (): StandInReply => ({ status: 403, body: { error: { code: 'forbidden', message: 'You don\'t have permission to access this resource.' } } });
    const { verdict } = await checkOnce({ check: vercelCheck, routes: answering(reply), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
  });

  it('does not claim the AI Gateway keys', () => {
    expect(vercelCheck.detectors).not.toContain('vercel-api-key');
  });

  it('attributes the username, email and default team', () => {
    expect(attributeUser({ id: 'x', username: 'sam' })).toEqual({ user: 'sam' });
  });
});
