import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

const make = (t: TokenFactory): string => `${t.chars(ALPHA.hexLower, 32)}-us${1 + t.int(21)}`;

export const examples: DetectorExamples = {
  generate: make,
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t), make(t), make(t)];
    return [
      { text: `MAILCHIMP_API_KEY=${a}\nMAILCHIMP_LIST_ID=abc123\n`, secret: a },
      { text: `mailchimp.setConfig({\n  apiKey: "${b}",\n  server: "${b.slice(33)}",\n});\n`, secret: b },
      { text: `curl --user "anystring:${c}" https://${c.slice(33)}.api.mailchimp.com/3.0/ping\r\n`, secret: c },
      { text: `mailchimp:\n  api_key: '${d}'\n`, secret: d },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      '<html lang="en-us"><meta name="region" content="aws-us-east-1">',
      `${good}x`,
      `id=${t.chars(ALPHA.hexLower, 33)}-us1`,
      `MAILCHIMP_API_KEY=${t.chars(ALPHA.hexLower, 31)}-us1`,
      `MAILCHIMP_API_KEY=${'0'.repeat(32)}-us6`,
      'MAILCHIMP_API_KEY=<your-api-key>-us1',
    ];
  },
};
