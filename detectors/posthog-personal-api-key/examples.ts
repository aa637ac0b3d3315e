import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

const make = (t: TokenFactory): string => `phx_${t.chars(ALPHA.base62, 43)}`;

export const examples: DetectorExamples = {
  generate: make,
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t), make(t), make(t)];
    return [
      { text: `# analytics export\nPOSTHOG_PERSONAL_API_KEY=${a}\n`, secret: a },
      { text: `{\n  "posthog": {\n    "personalApiKey": "${b}"\n  }\n}\n`, secret: b },
      { text: `curl -H "Authorization: Bearer ${c}" https://us.posthog.com/api/projects/\r\n`, secret: c },
      { text: `posthog = Posthog(project_api_key, personal_api_key="${d}")`, secret: d },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      '<button phx_click="save" phx_value_id="42" phx_disable_with_and_some_more_words_here="Saving">',
      `POSTHOG_KEY=phc_${good.slice(4)}`,
      `POSTHOG_PERSONAL_API_KEY=${good.slice(0, -1)} `,
      `blob=${good}Q7`,
      `POSTHOG_PERSONAL_API_KEY=phx_${'A'.repeat(43)}`,
      'POSTHOG_PERSONAL_API_KEY=phx_<your-personal-api-key>',
    ];
  },
};
