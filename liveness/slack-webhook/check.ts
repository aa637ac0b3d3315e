import { compact, isHtml, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Slack incoming webhook URLs. A webhook has no read call: the only thing
 * one can do is POST a message. The check POSTs `{"text":""}`, a message
 * Slack refuses before posting anything, and reads why it refused: a live
 * webhook answers 400 `no_text` (or `missing_text`,
 * `missing_text_or_fallback_or_attachments`, `invalid_payload`: the URL was
 * found, the payload was not a message); a dead one answers 404
 * `no_service` / `no_team`, 403 `invalid_token` or 410 `channel_is_archived`
 * / `no_active_hooks`. Slack answers in plain text.
 *
 * The secret is the URL without its scheme. Only its path is taken: the
 * request goes to the configured base URL (`https://hooks.slack.com` by
 * default), so a finding cannot point the check at another host.
 *
 * Workflow webhooks (`/workflows/`, `/triggers/`) start their workflow on
 * any accepted POST and Slack documents no request they reject before
 * running it: unknown, never called.
 */
const WEBHOOK_PATH = /^\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+$/;
const SECRET_HOST = 'hooks.slack.com';

/** 400 bodies that mean "this webhook exists, but that was no message". */
const LIVE_REFUSALS = new Set(['no_text', 'missing_text', 'missing_text_or_fallback_or_attachments', 'invalid_payload']);
/** Status and body pairs that mean the webhook is gone. */
const DEAD_WEBHOOK: ReadonlyMap<string, number> = new Map([
  ['no_service', 404],
  ['no_team', 404],
  ['invalid_token', 403],
  ['channel_is_archived', 410],
  ['no_active_hooks', 410],
]);

export const slackWebhookCheck: ProviderCheck = {
  id: 'slack-webhook',
  provider: 'Slack',
  detectors: ['slack-incoming-webhook', 'slack-workflow-webhook'],
  apiReference: 'https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks',
  defaultBaseUrl: 'https://hooks.slack.com',
  // Slack allows one message a second per webhook; probes are rarer than that.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    if (input.detector === 'slack-workflow-webhook') {
      return { outcome: 'unknown', reason: 'a workflow webhook starts its workflow on any accepted POST; there is no read-only call to test it' };
    }
    const path = webhookPath(input.secret.reveal());
    if (!path) return { outcome: 'unknown', reason: 'not a hooks.slack.com/services/ webhook URL' };
    const res = await env.http.request({
      method: 'POST',
      url: `${env.baseUrl.replace(/\/+$/, '')}${path}`,
      headers: { 'content-type': 'application/json' },
      body: '{"text":""}',
    });
    return readAnswer(res, attributeSlackWebhook(path));
  },
};

/** The webhook's path (`/services/T…/B…/…`) from the secret, with or without scheme; null when it is not one. */
export function webhookPath(secret: string): string | null {
  const rest = secret.replace(/^https?:\/\//i, '');
  if (!rest.toLowerCase().startsWith(SECRET_HOST + '/')) return null;
  const path = rest.slice(SECRET_HOST.length);
  return WEBHOOK_PATH.test(path) ? path : null;
}

function readAnswer(res: LivenessResponse, owner: ProviderOwner): LivenessVerdict {
  if (isHtml(res) || res.status >= 500 || res.status === 429) return unexpectedResponse(res);
  const code = res.text.trim();
  // Not expected for an empty text, but "ok" is Slack's answer to an accepted webhook post.
  if (res.status === 200 && code === 'ok') return { outcome: 'live', reason: 'Slack accepted the webhook request', httpStatus: 200, owner };
  if (res.status === 400 && LIVE_REFUSALS.has(code)) {
    return { outcome: 'live', reason: `Slack found the webhook and refused the empty message (${code})`, httpStatus: 400, owner };
  }
  if (DEAD_WEBHOOK.get(code) === res.status) return { outcome: 'revoked', reason: `Slack: ${code}`, httpStatus: res.status };
  return unexpectedResponse(res);
}

/**
 * Attribution. Slack's answer is a bare code that names nobody, so the
 * owner is the workspace id (`T…`) the webhook URL itself carries; it
 * identifies the workspace without being the secret part of the URL.
 */
export function attributeSlackWebhook(path: string): ProviderOwner {
  return compact({ account: /^\/services\/(T[A-Z0-9]+)\//.exec(path)?.[1] });
}
