import type { Detector } from '../types.js';

const TOKEN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Discord webhook URL: `discord.com/api/webhooks/` (also `discordapp.com`,
 * the `canary.`/`ptb.` hosts and versioned paths `api/v10/`) + the webhook's
 * snowflake id (17-20 digits) + `/` + a 68-character token. Anyone with the
 * URL can post to the channel. Reported without the scheme.
 */
export const detector: Detector = {
  id: 'discord-webhook-url',
  family: 'discord-webhook',
  provider: 'Discord',
  title: 'Discord webhook URL',
  severity: 'medium',
  tier: 'identifiable',
  docs: 'https://discord.com/developers/docs/resources/webhook',
  revoke: 'Delete the webhook in the channel settings (Integrations > Webhooks) or with DELETE /webhooks/{id}/{token}, then create a new one.',
  keywords: ['discord.com/api/', 'discordapp.com/api/'],
  pattern: '(?P<secret>discord(?:app)?\\.com/api/(?:v[0-9]{1,2}/)?webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{68})',
  alphabet: 'A-Za-z0-9_-',
  window: { before: 0, after: 110 },
  randomPart: { alphabet: TOKEN, minLength: 68, maxLength: 68, of: (secret) => secret.slice(-68) },
};
