import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

const make = (t: TokenFactory): string => `live_${t.chars(ALPHA.hexLower, 35)}`;

export const examples: DetectorExamples = {
  generate: make,
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t), make(t), make(t)];
    return [
      { text: `# mail\nLOB_API_KEY=${a}\n`, secret: a },
      { text: `{\n  "lob": {\n    "apiKey": "${b}"\n  }\n}\n`, secret: b },
      { text: `curl https://api.lob.com/v1/addresses -u ${c}:\r\n`, secret: c },
      { text: `lob = Lob(api_key="${d}")`, secret: d },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      `LOB_API_KEY=test_${good.slice(5)}`,
      `LOB_PUBLISHABLE_KEY=live_pub_${t.chars(ALPHA.hexLower, 31)}`,
      `STRIPE_KEY=sk_${good}`,
      `LOB_API_KEY=${good.slice(0, -1)} `,
      `LOB_API_KEY=${good}${t.chars(ALPHA.hexLower, 2)}`,
      `LOB_API_KEY=live_${'0'.repeat(35)}`,
      'if (is_live_mode) { live_reload(); }',
    ];
  },
};
