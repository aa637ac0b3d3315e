import { describe, expect, it } from 'vitest';
import { examples as bot } from '../../detectors/slack-bot-token/examples.js';
import { examples as user } from '../../detectors/slack-user-token/examples.js';
import { examples as app } from '../../detectors/slack-app-token/examples.js';
import { examples as expiring } from '../../detectors/slack-expiring-token/examples.js';
import { examples as refresh } from '../../detectors/slack-refresh-token/examples.js';
import { slackRoutes } from '../../test/support/providers/slack.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeSlackIdentity, slackCheck } from './check.js';

const t = new TokenFactory('liveness-slack');
const xoxb = bot.generate!(t);
const xoxp = user.generate!(t);
const xapp = app.generate!(t);
const xoxe = expiring.generate!(t);

describeProviderCheck({
  check: slackCheck,
  routes: slackRoutes,
  readMethods: ['POST'],
  cases: [
    {
      input: secretInput('slack-bot-token', xoxb),
      credential: xoxb,
      expectLive: (v) => {
        expect(v.owner).toEqual({ user: 'bot', account: 'Subarachnoid Workspace' });
        expect(v.scopes).toEqual(['chat:write', 'channels:read']);
      },
    },
    { input: secretInput('slack-user-token', xoxp), credential: xoxp, expectLive: (v) => expect(v.owner).toEqual({ user: 'grace', account: 'Subarachnoid Workspace' }) },
    { input: secretInput('slack-app-token', xapp), credential: xapp, expectLive: (v) => expect(v.owner).toEqual({ account: 'Subarachnoid Workspace' }) },
    { input: secretInput('slack-expiring-token', xoxe), credential: xoxe, expectLive: (v) => expect(v.owner?.user).toBe('grace') },
  ],
});

/** auth.test answering `{ ok: false, error }` to every token. */
function answering(error: string) {
  return [{ ...slackRoutes[0]!, live: () => ({ status: 200, body: { ok: false, error } }), revoked: () => ({ status: 200, body: { ok: false, error } }) }];
}

describe('slack check, Slack-specific answers', () => {
  it('is revoked for each error that says the token is dead', async () => {
    for (const error of ['invalid_auth', 'token_revoked', 'token_expired', 'account_inactive']) {
      const { verdict } = await checkOnce({ check: slackCheck, routes: answering(error), input: secretInput('slack-bot-token', xoxb) });
      expect(verdict, error).toMatchObject({ outcome: 'revoked', reason: `Slack: ${error}` });
    }
  });

  it('is unknown for ok:false errors that say nothing about the token', async () => {
    for (const error of ['not_authed', 'not_allowed_token_type', 'ratelimited', 'fatal_error']) {
      const { verdict } = await checkOnce({ check: slackCheck, routes: answering(error), input: secretInput('slack-bot-token', xoxb) });
      expect(verdict.outcome, error).toBe('unknown');
      expect(verdict.reason).toContain(error);
    }
  });

  it('is unknown for a 200 that is not a Slack answer', async () => {
    const routes = [{ ...slackRoutes[0]!, live: () => ({ status: 200, body: { hello: 'world' } }) }];
    const { verdict } = await checkOnce({ check: slackCheck, routes, input: secretInput('slack-bot-token', xoxb), valid: [xoxb] });
    expect(verdict.outcome).toBe('unknown');
  });

  it('sends the token as Bearer with an empty body', async () => {
    const { requests } = await checkOnce({ check: slackCheck, routes: slackRoutes, input: secretInput('slack-user-token', xoxp), valid: [xoxp] });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers.authorization).toBe(`Bearer ${xoxp}`);
    expect(requests[0]!.body).toBe('');
  });

  it('answers unknown for a refresh token without calling Slack', async () => {
    const xoxr = refresh.generate!(t);
    const { verdict, requests } = await checkOnce({ check: slackCheck, routes: slackRoutes, input: secretInput('slack-refresh-token', xoxr), valid: [xoxr] });
    expect(verdict).toMatchObject({ outcome: 'unknown' });
    expect(verdict.reason).toMatch(/client id and secret/);
    expect(requests).toHaveLength(0);
  });

  it('attributes ids when names are missing', () => {
    expect(attributeSlackIdentity({ ok: true, team_id: 'T1', user_id: 'U1' })).toEqual({ user: 'U1', account: 'T1' });
  });
});
