import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

const LAST = 'AEIMQUYcgkosw048';
const sig = (t: TokenFactory): string => `${t.chars(ALPHA.base64url, 42)}${t.chars(LAST, 1)}`;
const QUERY = 'api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0';
const host = (t: TokenFactory): string => `default${t.chars(ALPHA.hexLower, 30)}.${t.chars(ALPHA.hexLower, 2)}.environment.api.powerplatform.com`;
const make = (t: TokenFactory, segment = '', slash = ''): string =>
  `${host(t)}:443/powerautomate/automations/direct/${segment}workflows/${t.chars(ALPHA.hexLower, 32)}/triggers/manual/paths/invoke${slash}?${QUERY}&sig=${sig(t)}`;

export const examples: DetectorExamples = {
  generate: (t) => make(t),
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t, 'cu/02/'), make(t, '', '/'), make(t)];
    return [
      { text: `TEAMS_WEBHOOK_URL=https://${a}\n`, secret: a },
      { text: `const GET_FEEDBACK_URL = "https://${b}";\n`, secret: b },
      { text: `flowAddress = "https://${c}";\r\n`, secret: c },
      { text: `sharepoint:\n  webhookUrl: 'https://${d}'\n`, secret: d },
    ];
  },
  negatives: (t) => {
    const base = `https://${host(t)}:443/powerautomate/automations/direct/workflows/${t.chars(ALPHA.hexLower, 32)}/triggers/manual/paths/invoke?${QUERY}`;
    return [
      `TEAMS_WEBHOOK_SUCCESS_CHANNEL=${base.replace(/&sv=.*/, '&sp=xxx')}`,
      `TEAMS_WEBHOOK_URL=${base}&sig=<signature>`,
      `TEAMS_WEBHOOK_URL=${base}&sig=${t.chars(ALPHA.base64url, 42)}Z`,
      `TEAMS_WEBHOOK_URL=${base}&sig=${'Q'.repeat(43)}`,
    ];
  },
};
