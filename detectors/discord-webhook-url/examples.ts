import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

const snowflake = (t: TokenFactory): string => `1${t.chars('0123456789', 18)}`;
const make = (t: TokenFactory, host = 'discord.com', path = 'api'): string =>
  `${host}/${path}/webhooks/${snowflake(t)}/${t.chars(ALPHA.base64url, 68)}`;

export const examples: DetectorExamples = {
  generate: (t) => make(t),
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t, 'discordapp.com'), make(t, 'discord.com', 'api/v10'), make(t)];
    return [
      { text: `DISCORD_WEBHOOK_URL=https://${a}\n`, secret: a },
      { text: `requests.post("https://${b}", json={"content": "build finished"})\n`, secret: b },
      { text: `webhooks:\r\n  alerts: 'https://canary.${c}'\r\n`, secret: c },
      { text: `const hook = new WebhookClient({ url: 'https://${d}' });`, secret: d },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      // Token one character short, or part of a longer run.
      `DISCORD_WEBHOOK_URL=https://${good.slice(0, -1)}`,
      `DISCORD_WEBHOOK_URL=https://${good}${t.chars(ALPHA.base62, 2)}`,
      `DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/${snowflake(t)}/${'x'.repeat(68)}`,
      'DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/<id>/<token>',
      'GET https://discord.com/api/v10/users/@me',
    ];
  },
};
