import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

const make = (t: TokenFactory): string => `key-${t.chars(ALPHA.lowerAlnum, 32)}`;

export const examples: DetectorExamples = {
  generate: make,
  positives: (t) => {
    const [a, b, c, d, e] = [make(t), make(t), make(t), make(t), `key-${t.chars(ALPHA.hexLower, 32)}`];
    return [
      { text: `MAILGUN_API_KEY=${a}\nMAILGUN_DOMAIN=mg.example.com\n`, secret: a },
      { text: `var apiKey = process.env.MAILGUN_API || '${b}';\n`, secret: b },
      { text: `curl -s --user 'api:${c}' https://api.mailgun.net/v3/mg.example.com/messages\r\n`, secret: c },
      { text: `mailgun:\n  api_key: "${d}"\n`, secret: d },
      { text: `const mg = mailgun.client({ username: 'api', key: '${e}' });`, secret: e },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      `headers['x-api-key-${good.slice(4)}'] = value`,
      `monkey-${good.slice(4)}`,
      'const keyValueStore = { "key-value-separator": "=", "key-based-routing": true };',
      `MAILGUN_API_KEY=${good.slice(0, -1)}`,
      `MAILGUN_API_KEY=${good}x`,
      `MAILGUN_API_KEY=key-${'a'.repeat(31)}1`,
      'MAILGUN_API_KEY=key-<your-mailgun-key>',
      // Mailgun's documentation example.
      `MAILGUN_API_KEY=key-3ax6xnjp29jd6fds${t.chars(ALPHA.lowerAlnum, 16)}`,
    ];
  },
};
