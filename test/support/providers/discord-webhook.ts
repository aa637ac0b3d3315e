import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * Discord webhook stand-in: `GET /api/webhooks/{id}/{token}`, the id and
 * token in the path. The live body is the webhook object of
 * https://discord.com/developers/docs/resources/webhook#webhook-object (as
 * "Get Webhook with Token" returns it, without `user`); the dead answers are
 * Discord's JSON error codes 50027 "Invalid Webhook Token" and 10015 "Unknown
 * Webhook", https://discord.com/developers/docs/topics/opcodes-and-status-codes#json-json-error-codes.
 */
export const DISCORD_INVALID_WEBHOOK_TOKEN: StandInReply = { status: 401, body: { message: 'Invalid Webhook Token', code: 50027 } };
export const DISCORD_UNKNOWN_WEBHOOK: StandInReply = { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };

const WEBHOOK_PATH = /^\/api\/webhooks\/([0-9]+)\/([^/]+)$/;

/** `<id>/<token>` from the path: the webhook URL's secret part. */
export function discordWebhookCredential(request: RecordedRequest): string | undefined {
  const m = WEBHOOK_PATH.exec(request.path);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

export const discordWebhookRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: WEBHOOK_PATH,
    credential: discordWebhookCredential,
    live: (_request, credential) => {
      const [id, token] = credential.split('/');
      return {
        status: 200,
        body: {
          application_id: null,
          avatar: null,
          channel_id: '199737254929760256',
          guild_id: '199737254929760256',
          id,
          name: 'deploy-alerts',
          type: 1,
          token,
        },
      };
    },
    revoked: () => DISCORD_INVALID_WEBHOOK_TOKEN,
  },
];

/** https://discord.com/developers/docs/resources/webhook#delete-webhook-with-token: 204, then the webhook is gone. */
export const discordWebhookRevocationRoutes: StandInRoute[] = [
  { method: 'DELETE', path: WEBHOOK_PATH, credential: discordWebhookCredential, revokes: true, live: () => ({ status: 204 }), revoked: () => DISCORD_UNKNOWN_WEBHOOK },
];
