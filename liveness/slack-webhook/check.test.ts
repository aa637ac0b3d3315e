import { describe, expect, it } from 'vitest';
import { examples as incoming } from '../../detectors/slack-incoming-webhook/examples.js';
import { examples as workflow } from '../../detectors/slack-workflow-webhook/examples.js';
import { slackWebhookRoutes } from '../../test/support/providers/slack-webhook.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import type { StandInReply } from '../../test/support/provider-stand-in.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeSlackWebhook, slackWebhookCheck, webhookPath } from './check.js';

const t = new TokenFactory('liveness-slack-webhook');
const hook = incoming.generate!(t);
const path = hook.slice('hooks.slack.com'.length);
const team = /^\/services\/(T[A-Z0-9]+)\//.exec(path)![1]!;

describeProviderCheck({
  check: slackWebhookCheck,
  routes: slackWebhookRoutes,
  readMethods: ['POST'],
  cases: [
    {
      input: secretInput('slack-incoming-webhook', hook),
      credential: path,
      expectLive: (v) => {
        // 400 no_text: the stand-in posts a message only for a payload with text.
        expect(v.httpStatus).toBe(400);
        expect(v.owner).toEqual({ account: team });
      },
    },
    { name: 'webhook URL with its scheme', input: secretInput('slack-incoming-webhook', `https://${hook}`), credential: path },
  ],
});

function answering(reply: StandInReply) {
  return [{ ...slackWebhookRoutes[0]!, live: () => reply, revoked: () => reply }];
}
const plain = (status: number, body: string): StandInReply => ({ status, headers: { 'content-type': 'text/plain' }, body });

describe('slack-webhook check, Slack-specific answers', () => {
  it('is revoked for each documented dead-webhook answer', async () => {
    for (const [status, code] of [
      [404, 'no_service'],
      [404, 'no_team'],
      [403, 'invalid_token'],
      [410, 'channel_is_archived'],
      [410, 'no_active_hooks'],
    ] as const) {
      const { verdict } = await checkOnce({ check: slackWebhookCheck, routes: answering(plain(status, code)), input: secretInput('slack-incoming-webhook', hook) });
      expect(verdict, code).toMatchObject({ outcome: 'revoked', reason: `Slack: ${code}`, httpStatus: status });
    }
  });

  it('is live for the other refusals of a found webhook', async () => {
    for (const code of ['missing_text_or_fallback_or_attachments', 'invalid_payload']) {
      const { verdict } = await checkOnce({ check: slackWebhookCheck, routes: answering(plain(400, code)), input: secretInput('slack-incoming-webhook', hook) });
      expect(verdict.outcome, code).toBe('live');
    }
  });

  it('is unknown for answers that do not say whether the webhook exists', async () => {
    for (const reply of [plain(403, 'action_prohibited'), plain(404, 'channel_not_found'), { status: 404, body: { message: 'Not Found' } }, plain(400, 'no_service')]) {
      const { verdict } = await checkOnce({ check: slackWebhookCheck, routes: answering(reply), input: secretInput('slack-incoming-webhook', hook) });
      expect(verdict.outcome, JSON.stringify(reply)).toBe('unknown');
    }
  });

  it('posts to the configured base URL with the secret path only, and an empty text', async () => {
    const { requests } = await checkOnce({
      check: slackWebhookCheck,
      routes: slackWebhookRoutes,
      input: secretInput('slack-incoming-webhook', hook),
      valid: [path],
      baseUrl: (url) => `${url}/`,
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', path });
    expect(JSON.parse(requests[0]!.body)).toEqual({ text: '' });
  });

  it('answers unknown, without a request, for workflow webhooks and for URLs on other hosts', async () => {
    const other = 'hooks.example.com' + path;
    for (const input of [secretInput('slack-workflow-webhook', workflow.generate!(t)), secretInput('slack-incoming-webhook', other)]) {
      const { verdict, requests } = await checkOnce({ check: slackWebhookCheck, routes: slackWebhookRoutes, input, valid: [path] });
      expect(verdict.outcome).toBe('unknown');
      expect(requests).toHaveLength(0);
    }
  });

  it('reads the webhook path and its workspace', () => {
    expect(webhookPath(hook)).toBe(path);
    expect(webhookPath(`http://${hook}`)).toBe(path);
    expect(webhookPath(`hooks.slack.com/services/../../admin`)).toBeNull();
    expect(attributeSlackWebhook(path)).toEqual({ account: team });
  });
});
