import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { ALPHA } from '../../test/support/token-factory.js';

export const examples: DetectorExamples = {
  generate: (t) => `sk_test_${t.chars(ALPHA.base62, 24)}`,
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (p: string) => string, p: string): void => {
      out.push({ text: make(p), secret: p });
    };
    add((p) => `//var stripe = require("stripe")("${p}");\n`, `sk_test_${t.chars(ALPHA.base62, 24)}`);
    add((p) => `STRIPE_SECRET_KEY=${p}\n`, `sk_test_51${t.chars(ALPHA.base62, 97)}`);
    add((p) => `stripe.api_key = '${p}'\n`, `rk_test_51${t.chars(ALPHA.base62, 97)}`);
    return out;
  },
  negatives: (t) => [
    `pk_test_${t.chars(ALPHA.base62, 24)}`,
    `sk_test_${t.chars(ALPHA.base62, 20)}`,
    `sk_test_${'x'.repeat(24)}`,
    `STRIPE_KEY=sk_test_YOUR_KEY_HERE_0123456789`,
    `ask_test_${t.chars(ALPHA.base62, 24)}`,
  ],
};
