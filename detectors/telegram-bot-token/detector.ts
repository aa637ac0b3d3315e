import type { Detector, Verdict } from '../types.js';

const BODY = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const MATCH: Verdict = { confidence: 'high', reason: 'bot id, `:AA` and a 34-35 character secret' };

/**
 * Telegram bot token: the bot's numeric id, `:`, then 35 URL-safe characters
 * starting with `AA` (34 in some published examples, so 32-33 after `AA`).
 * The id has no prefix of its own and is often glued to `bot` in API URLs
 * (`api.telegram.org/bot<token>/sendMessage`), so the boundary checks only
 * digits before the id; a longer secret is rejected through the `next`
 * group (an URL-safe character right after the match).
 */
export const detector: Detector = {
  id: 'telegram-bot-token',
  family: 'telegram-bot-token',
  provider: 'Telegram',
  title: 'Telegram bot token',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://core.telegram.org/bots/api#authorizing-your-bot',
  revoke: 'Send /revoke to @BotFather for the bot (or /token to issue a new one); the old token stops working at once.',
  keywords: [':AA'],
  pattern: '(?P<secret>[0-9]{5,16}:AA[A-Za-z0-9_-]{32,33})(?P<next>[A-Za-z0-9_-]?)',
  alphabet: '0-9',
  window: { before: 16, after: 34 },
  validate: ({ groups }) => (groups.next ? null : MATCH),
  randomPart: {
    alphabet: BODY,
    minLength: 32,
    maxLength: 33,
    of: (secret) => secret.slice(secret.indexOf(':AA') + 3),
  },
};
