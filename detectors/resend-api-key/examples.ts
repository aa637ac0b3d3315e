import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

const make = (t: TokenFactory): string => `re_${t.chars(ALPHA.base62, 8)}_${t.chars(ALPHA.base62, 24)}`;

export const examples: DetectorExamples = {
  generate: make,
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t), make(t), make(t)];
    return [
      { text: `# .env.local\nRESEND_API_KEY=${a}\nEMAIL_FROM=hello@example.com\n`, secret: a },
      { text: `const resend = new Resend('${b}');\n`, secret: b },
      { text: `curl -X POST https://api.resend.com/emails -H 'Authorization: Bearer ${c}'\r\n`, secret: c },
      { text: `resend:\n  api_key: "${d}"\n`, secret: d },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      'urlpatterns = [re_path(r"^api/", include(router.urls))]  # are_equal(store_value, score_total)',
      `store_${good.slice(3)}`,
      `RESEND_API_KEY=${good.slice(0, -1)}`,
      `RESEND_API_KEY=${good}${t.chars(ALPHA.base62, 2)}`,
      `RESEND_API_KEY=re_${t.chars(ALPHA.base62, 8)}_${'x'.repeat(24)}`,
      'RESEND_API_KEY=re_your_resend_api_key_here',
      'RESEND_API_KEY=re_123456789',
    ];
  },
};
