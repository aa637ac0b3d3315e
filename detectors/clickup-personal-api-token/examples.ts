import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

const make = (t: TokenFactory): string => `pk_${t.chars('123456789', 1)}${t.chars('0123456789', 6 + t.int(2))}_${t.chars(ALPHA.upperAlnum, 32)}`;

export const examples: DetectorExamples = {
  generate: make,
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t), make(t), make(t)];
    return [
      { text: `# task sync\nCLICKUP_API_TOKEN=${a}\n`, secret: a },
      { text: `{\n  "clickup": {\n    "token": "${b}"\n  }\n}\n`, secret: b },
      { text: `curl -H "Authorization: ${c}" https://api.clickup.com/api/v2/team\r\n`, secret: c },
      { text: `client = ClickUp(token="${d}")`, secret: d },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      `STRIPE_PUBLISHABLE_KEY=pk_live_${t.chars(ALPHA.base62, 24)}`,
      'pk_url_kwarg = "pk_id"; obj = Model.objects.get(pk_1=1)',
      `CLICKUP_API_TOKEN=${good.slice(0, -1)} `,
      `CLICKUP_API_TOKEN=${good.toLowerCase()}`,
      `blob=${good}Q7`,
      `CLICKUP_API_TOKEN=pk_12345678_${'X'.repeat(32)}`,
    ];
  },
};
