import { jsonObject, stringField } from '../http/responses.js';
import { unexpectedRevocationAnswer } from '../revocation/run-revocation.js';
import type { ProviderRevoker } from '../revocation/types.js';
import { webhookParts } from './check.js';

/**
 * Discord's "Delete Webhook with Token": `DELETE /api/webhooks/{id}/{token}`
 * needs no other authentication and deletes the webhook, which is the only
 * way to kill a leaked webhook URL. 204 is accepted; 401 (Invalid Webhook
 * Token, code 50027) and 404 (Unknown Webhook, code 10015) are refused.
 */
export const discordWebhookRevoker: ProviderRevoker = {
  checkId: 'discord-webhook',
  provider: 'Discord',
  detectors: ['discord-webhook-url'],
  apiReference: 'https://discord.com/developers/docs/resources/webhook#delete-webhook-with-token',
  call: 'DELETE /api/webhooks/{id}/{token} (deletes the webhook)',
  async revoke(input, env) {
    const parts = webhookParts(input.secret.reveal());
    if (!parts) return { outcome: 'failed', reason: 'not a discord.com/api/webhooks/<id>/<token> URL' };
    const res = await env.http.request({ method: 'DELETE', url: `${env.baseUrl.replace(/\/+$/, '')}/api/webhooks/${parts.id}/${parts.token}` });
    if (res.status === 204) return { outcome: 'accepted', reason: 'Discord deleted the webhook', httpStatus: 204 };
    const body = jsonObject(res);
    if ((res.status === 401 || res.status === 404) && body && typeof body.code === 'number') {
      return { outcome: 'refused', reason: `Discord refused: ${stringField(body, 'message') ?? `code ${body.code}`}`, httpStatus: res.status };
    }
    return unexpectedRevocationAnswer(res);
  },
};
