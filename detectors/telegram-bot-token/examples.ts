import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

const botId = (t: TokenFactory): string => `${1 + t.int(8)}${t.chars('0123456789', 8 + t.int(2))}`;
const make = (t: TokenFactory, length = 33): string => `${botId(t)}:AA${t.chars(ALPHA.base64url, length)}`;

export const examples: DetectorExamples = {
  generate: (t) => make(t),
  positives: (t) => {
    const [a, b, c, d, e] = [make(t), make(t), make(t), make(t, 32), make(t)];
    return [
      { text: `TELEGRAM_BOT_TOKEN=${a}\nTELEGRAM_CHAT_ID=-1001234567890\n`, secret: a },
      { text: `bot = telebot.TeleBot("${b}")\n`, secret: b },
      { text: `curl -s "https://api.telegram.org/bot${c}/sendMessage?chat_id=42&text=deployed"\n`, secret: c },
      { text: `telegram:\r\n  token: '${d}'\r\n`, secret: d },
      { text: `{"notifier": {"telegram": {"bot_token": "${e}"}}}`, secret: e },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      // A longer secret after the id is something else.
      `TELEGRAM_BOT_TOKEN=${good}${t.chars(ALPHA.base64url, 3)}`,
      // Glued to more digits: the id would be too long, or is part of a number.
      `id=12345678901234567${good}`,
      `TELEGRAM_BOT_TOKEN=${good.slice(0, good.indexOf(':AA') + 3)}${t.chars(ALPHA.base64url, 20)}`,
      `TELEGRAM_BOT_TOKEN=123456789:AA${'A'.repeat(33)}`,
      'TELEGRAM_BOT_TOKEN=123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11',
      'mac=00:AA:BB:CC:DD:EE',
    ];
  },
};
