import { describe, expect, it } from 'vitest';
import { examples } from '../../detectors/discord-webhook-url/examples.js';
import { DISCORD_UNKNOWN_WEBHOOK, discordWebhookRoutes } from '../../test/support/providers/discord-webhook.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeWebhook, discordWebhookCheck, webhookParts } from './check.js';

const t = new TokenFactory('liveness-discord-webhook');
const url = examples.generate!(t);
const parts = webhookParts(url)!;
const credential = `${parts.id}/${parts.token}`;
const input = secretInput('discord-webhook-url', url);

describeProviderCheck({
  check: discordWebhookCheck,
  routes: discordWebhookRoutes,
  cases: [
    {
      input,
      credential,
      expectLive: (v) => expect(v.owner).toEqual({ tokenName: 'deploy-alerts', account: '199737254929760256', team: '199737254929760256' }),
    },
  ],
});

describe('discord-webhook liveness check, provider-specific answers', () => {
  it('reads the webhook with GET on the configured host, whatever host the finding names', async () => {
    const legacy = url.replace(/^discord\.com\/api\//, 'discordapp.com/api/v10/');
    const { verdict, requests } = await checkOnce({ check: discordWebhookCheck, routes: discordWebhookRoutes, input: secretInput('discord-webhook-url', legacy), valid: [credential] });
    expect(verdict.outcome).toBe('live');
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /api/webhooks/${credential}`]);
    expect(requests[0]!.body).toBe('');
  });

  it('is revoked for a deleted webhook (404 Unknown Webhook, code 10015)', async () => {
    const routes = discordWebhookRoutes.map((r) => ({ ...r, revoked: () => DISCORD_UNKNOWN_WEBHOOK }));
    const { verdict } = await checkOnce({ check: discordWebhookCheck, routes, input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Discord: Unknown Webhook (code 10015)', httpStatus: 404 });
  });

  it('is unknown for a 404 without Discord\'s error code (a wrong base URL)', async () => {
    const routes = discordWebhookRoutes.map((r) => ({ ...r, revoked: () => ({ status: 404, body: { message: '404: Not Found', code: 0 } }) }));
    const { verdict } = await checkOnce({ check: discordWebhookCheck, routes, input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 404 });
  });

  it('is unknown, without a request, for a URL that is not a Discord webhook', async () => {
    const { verdict, requests } = await checkOnce({ check: discordWebhookCheck, routes: discordWebhookRoutes, input: secretInput('discord-webhook-url', `evil.example/api/webhooks/${credential}`) });
    expect(verdict.outcome).toBe('unknown');
    expect(requests).toEqual([]);
  });

  it('never echoes the webhook token the provider returns', async () => {
    const { verdict } = await checkOnce({ check: discordWebhookCheck, routes: discordWebhookRoutes, input, valid: [credential] });
    expect(JSON.stringify(verdict)).not.toContain(parts.token);
  });

  it('attributes the webhook name, guild and channel', () => {
    expect(attributeWebhook({ id: '1', name: 'ci', guild_id: '2', channel_id: '3', token: 'x' })).toEqual({ tokenName: 'ci', account: '2', team: '3' });
    expect(attributeWebhook({ id: '1' })).toEqual({});
  });
});
