import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Discord webhook URLs. `GET /webhooks/{webhook.id}/{webhook.token}` ("Get
 * Webhook with Token") returns the webhook object and posts nothing: the
 * read-only way to ask whether a webhook URL still works.
 *
 * - 200 with the webhook object: live (its name, guild and channel).
 * - 401 code 50027 "Invalid Webhook Token" (the token was regenerated) or
 *   404 code 10015 "Unknown Webhook" (the webhook was deleted), Discord's
 *   documented JSON error codes: revoked.
 * - Anything else (403 from Cloudflare, 429 with Retry-After, 5xx): unknown.
 *
 * The secret is the URL without its scheme. Only the id and token are taken
 * from it: the request goes to the configured base URL
 * (`https://discord.com` by default), so a finding cannot point the check at
 * another host.
 */
const WEBHOOK_URL = /^(?:(?:canary|ptb)\.)?discord(?:app)?\.com\/api\/(?:v[0-9]{1,2}\/)?webhooks\/([0-9]{17,20})\/([A-Za-z0-9_-]{60,80})$/;
/** Discord JSON error codes that mean the webhook URL is dead. */
const DEAD_WEBHOOK: ReadonlyMap<number, number> = new Map([
  [50027, 401], // Invalid Webhook Token
  [10015, 404], // Unknown Webhook
]);

export const discordWebhookCheck: ProviderCheck = {
  id: 'discord-webhook',
  provider: 'Discord',
  detectors: ['discord-webhook-url'],
  apiReference: 'https://discord.com/developers/docs/resources/webhook#get-webhook-with-token',
  defaultBaseUrl: 'https://discord.com',
  // Discord limits each webhook to a few requests a second (and 50 a second globally).
  rateLimit: { max: 2, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const parts = webhookParts(input.secret.reveal());
    if (!parts) return { outcome: 'unknown', reason: 'not a discord.com/api/webhooks/<id>/<token> URL' };
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl.replace(/\/+$/, '')}/api/webhooks/${parts.id}/${parts.token}` });
    return readAnswer(res);
  },
};

/** The webhook id and token of a webhook URL found without its scheme. */
export function webhookParts(secret: string): { id: string; token: string } | undefined {
  const m = WEBHOOK_URL.exec(secret.replace(/^https?:\/\//, ''));
  return m ? { id: m[1]!, token: m[2]! } : undefined;
}

function readAnswer(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && stringField(body, 'id')) {
    return compact({ outcome: 'live', reason: 'Discord knows the webhook', httpStatus: 200, owner: attributeWebhook(body) });
  }
  const code = typeof body?.code === 'number' ? body.code : undefined;
  if (code !== undefined && DEAD_WEBHOOK.get(code) === res.status) {
    return { outcome: 'revoked', reason: `Discord: ${stringField(body, 'message') ?? `error ${code}`} (code ${code})`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

/** Attribution: the webhook's name (token name), guild (account) and channel (team) from the webhook object. */
export function attributeWebhook(body: Record<string, unknown>): ProviderOwner {
  return compact({ tokenName: stringField(body, 'name'), account: stringField(body, 'guild_id'), team: stringField(body, 'channel_id') });
}
