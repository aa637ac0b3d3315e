import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

const make = (t: TokenFactory): string => `1000.${t.chars(ALPHA.hexLower, 32)}.${t.chars(ALPHA.hexLower, 32)}`;

export const examples: DetectorExamples = {
  generate: make,
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t), make(t), make(t)];
    return [
      { text: `# crm sync\nZOHO_REFRESH_TOKEN=${a}\n`, secret: a },
      { text: `{\n  "zoho": {\n    "refresh_token": "${b}"\n  }\n}\n`, secret: b },
      { text: `curl -H "Authorization: Zoho-oauthtoken ${c}" https://www.zohoapis.com/crm/v7/Leads\r\n`, secret: c },
      { text: `client = ZohoClient(access_token="${d}")`, secret: d },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      'const seconds = elapsed / 1000.0; const ms = 1000.5 * rate;',
      // A Zoho client id (`1000.` + 30 uppercase letters and digits) is not a token.
      `ZOHO_CLIENT_ID=1000.${t.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 30)}`,
      `ZOHO_REFRESH_TOKEN=${good.slice(0, -1)} `,
      `version=21${good}`,
      `ZOHO_REFRESH_TOKEN=1000.${'0'.repeat(32)}.${'0'.repeat(32)}`,
      'ZOHO_REFRESH_TOKEN=1000.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ];
  },
};
