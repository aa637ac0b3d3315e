import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

const LAST = 'AEIMQUYcgkosw048';
const makeSig = (t: TokenFactory): string => `${t.chars(ALPHA.base64url, 42)}${t.chars(LAST, 1)}`;
const QUERY = 'api-version=2016-10-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0';
const make = (t: TokenFactory, trigger = 'manual', port = ':443'): string =>
  `prod-${10 + t.int(90)}.westeurope.logic.azure.com${port}/workflows/${t.chars(ALPHA.hexLower, 32)}/triggers/${trigger}/paths/invoke?${QUERY}&sig=${makeSig(t)}`;

export const examples: DetectorExamples = {
  generate: (t) => make(t),
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t, 'When_a_HTTP_request_is_received'), make(t, 'manual', ''), make(t)];
    return [
      { text: `LOGIC_APP_URL=https://${a}\n`, secret: a },
      { text: `const flowurl = "https://${b}";\n`, secret: b },
      { text: `webhook:\r\n  url: 'https://${c}'\r\n`, secret: c },
      { text: `Invoke-RestMethod -Method Post -Uri "https://${d}" -Body $json`, secret: d },
    ];
  },
  negatives: (t) => {
    const hex = t.chars(ALPHA.hexLower, 32);
    const base = `https://prod-05.westus.logic.azure.com:443/workflows/${hex}/triggers/manual/paths/invoke?${QUERY}`;
    return [
      `webhook_url = "${base}&sig=YOUR_SIGNATURE"`,
      'url: https://prod-xx.westus.logic.azure.com:443/workflows/YOUR_WORKFLOW_ID/triggers/manual/paths/invoke?...',
      // No signature: the URL alone does not authorize a call.
      `url: ${base}`,
      // A signature whose last character no 32-byte value ends with.
      `url: ${base}&sig=${t.chars(ALPHA.base64url, 42)}B`,
      `url: ${base}&sig=${'a'.repeat(42)}A`,
    ];
  },
};
