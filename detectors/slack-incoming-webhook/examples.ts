import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { fitsRandom } from '../builders/random-part.js';

function make(t: TokenFactory, random?: string): string {
  return `hooks.slack.com/services/T${t.chars(ALPHA.upperAlnum, 8)}/B${t.chars(ALPHA.upperAlnum, 10)}/${random ?? t.chars(ALPHA.base62, 24)}`;
}

export const examples: DetectorExamples = {
  generate: make,
  withRandom: (t, random) => (fitsRandom(random, ALPHA.base62, 24) ? make(t, random) : null),
  positives: (t) => {
    const [a, b, c, d, e] = [make(t), make(t), make(t), make(t), make(t)];
    return [
      { text: `SLACK_WEBHOOK_URL=https://${a}\n`, secret: a },
      { text: `notifications:\n  slack:\n    webhook_url: "https://${b}"\n    channel: "#deploys"\n`, secret: b },
      { text: `// const slack = require('console-slack');\n// slack.webhook = "https://${c}";\n`, secret: c },
      { text: `curl -X POST -H 'Content-type: application/json' --data '{"text":"done"}' http://${d}\r\n`, secret: d },
      { text: `[alerting]\r\nurl = https://${e}\r\n`, secret: e },
    ];
  },
  negatives: (t) => [
    // Slack's documentation placeholder.
    'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
    'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T.../B.../...',
    'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/${SLACK_HOOK_PATH}',
    `https://hooks.slack.com/services/T${t.chars(ALPHA.upperAlnum, 8)}/B${t.chars(ALPHA.upperAlnum, 10)}/${t.chars(ALPHA.base62, 20)}`,
    `https://hooks.slack.com/services/T${t.chars(ALPHA.upperAlnum, 8)}/B${t.chars(ALPHA.upperAlnum, 10)}/${t.chars(ALPHA.base62, 30)}`,
    `https://hooks.slack.com/services/t${t.chars(ALPHA.lowerAlnum, 8)}/b${t.chars(ALPHA.lowerAlnum, 10)}/${t.chars(ALPHA.base62, 24)}`,
  ],
};
