import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

const hex = (t: TokenFactory, n: number): string => t.chars(ALPHA.hexLower, n);
const uuid = (t: TokenFactory): string => `${hex(t, 8)}-${hex(t, 4)}-4${hex(t, 3)}-a${hex(t, 3)}-${hex(t, 12)}`;
const path = (t: TokenFactory): string => `${uuid(t)}@${uuid(t)}/IncomingWebhook/${hex(t, 32)}/${uuid(t)}`;
const make = (t: TokenFactory, signed = false): string =>
  `contoso.webhook.office.com/webhookb2/${path(t)}${signed ? `/V2${t.chars(ALPHA.base64url, 43)}1` : ''}`;

export const examples: DetectorExamples = {
  generate: (t) => make(t),
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t, true), `outlook.office.com/webhook/${path(t)}`, make(t)];
    return [
      { text: `TEAMS_WEBHOOK_URL=https://${a}\n`, secret: a },
      { text: `$webhook_url = "https://${b}";\n`, secret: b },
      { text: `curl -H "Content-Type: application/json" -d '{"text": "deploy done"}' https://${c}\n`, secret: c },
      { text: `notifications:\r\n  teams: 'https://${d}'\r\n`, secret: d },
    ];
  },
  negatives: (t) => [
    // A connector other than the incoming webhook.
    `webhookUrl: 'https://outlook.office.com/webhook/${uuid(t)}@${uuid(t)}/JenkinsCI/${hex(t, 32)}/${uuid(t)}'`,
    'TEAMS_WEBHOOK_URL=https://contoso.webhook.office.com/webhookb2/<group>@<tenant>/IncomingWebhook/<id>/<owner>',
    `TEAMS_WEBHOOK_URL=https://contoso.webhook.office.com/webhookb2/${uuid(t)}@${uuid(t)}/IncomingWebhook/${'0'.repeat(32)}/${uuid(t)}`,
    // The 32-character id cut short.
    `TEAMS_WEBHOOK_URL=https://contoso.webhook.office.com/webhookb2/${uuid(t)}@${uuid(t)}/IncomingWebhook/${hex(t, 31)}/${uuid(t)}`,
  ],
};
