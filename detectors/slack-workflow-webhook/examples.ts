import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { fitsRandom } from '../builders/random-part.js';

const DIGITS = '0123456789';

function makeTrigger(t: TokenFactory, random?: string): string {
  return `hooks.slack.com/triggers/T${t.chars(ALPHA.upperAlnum, 10)}/${t.chars(DIGITS, 13)}/${random ?? t.chars(ALPHA.hexLower, 32)}`;
}

function makeWorkflow(t: TokenFactory, random?: string): string {
  return `hooks.slack.com/workflows/T${t.chars(ALPHA.upperAlnum, 10)}/A${t.chars(ALPHA.upperAlnum, 10)}/${t.chars(DIGITS, 18)}/${random ?? t.chars(ALPHA.base62, 24)}`;
}

export const examples: DetectorExamples = {
  generate: makeTrigger,
  withRandom: (t, random) => {
    if (fitsRandom(random, ALPHA.hexLower, 32)) return makeTrigger(t, random);
    return fitsRandom(random, ALPHA.base62, 24) ? makeWorkflow(t, random) : null;
  },
  positives: (t) => {
    const [a, b, c, d] = [makeTrigger(t), makeWorkflow(t), makeTrigger(t), makeWorkflow(t)];
    return [
      { text: `SLACK_WEBHOOK = "https://${a}"\n\nrequests.post(SLACK_WEBHOOK, json={"text": msg})\n`, secret: a },
      { text: `const WORKFLOW_URL = 'https://${b}';\n`, secret: b },
      { text: `slack:\r\n  trigger_url: https://${c}\r\n`, secret: c },
      { text: `{"name": "release", "url": "http://${d}"}`, secret: d },
    ];
  },
  negatives: (t) => [
    'SWAXS_SLACK_WEBHOOK_URL=https://hooks.slack.com/triggers/T.../...',
    'https://hooks.slack.com/triggers/T0AAA/123/abc',
    `https://hooks.slack.com/triggers/T${t.chars(ALPHA.upperAlnum, 10)}/${t.chars(DIGITS, 13)}/${'0'.repeat(32)}`,
    `https://hooks.slack.com/triggers/T${t.chars(ALPHA.upperAlnum, 10)}/${t.chars(DIGITS, 13)}/${t.chars(ALPHA.hexLower, 31)}`,
    `https://hooks.slack.com/workflows/T${t.chars(ALPHA.upperAlnum, 10)}/A${t.chars(ALPHA.upperAlnum, 10)}/${t.chars(DIGITS, 18)}/${t.chars(ALPHA.base62, 25)}`,
  ],
};
