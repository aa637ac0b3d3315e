import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { configPositives, referenceNegatives } from '../builders/token-shape-examples.js';
import { fitsRandom } from '../builders/random-part.js';

const DIGITS = '0123456789';

function make(t: TokenFactory, random?: string): string {
  return `xoxb-${t.chars(DIGITS, 12)}-${t.chars(DIGITS, 13)}-${random ?? t.chars(ALPHA.base62, 24)}`;
}

function makeClassic(t: TokenFactory): string {
  return `xoxb-${t.chars(DIGITS, 11)}-${t.chars(ALPHA.base62, 24)}`;
}

export const examples: DetectorExamples = {
  generate: make,
  withRandom: (t, random) => (fitsRandom(random, ALPHA.base62, 24) ? make(t, random) : null),
  positives: (t) => {
    const classic = makeClassic(t);
    const py = make(t);
    return [
      ...configPositives(() => make(t), 'SLACK_BOT_TOKEN'),
      { text: `def notify(msg):\n    client = WebClient(token="${classic}")\n    client.chat_postMessage(channel="#ops", text=msg)\n`, secret: classic },
      { text: `data = {'token':'${py}','channel':'C017XD909UJ','pretty':'1'}\n`, secret: py },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      ...referenceNegatives('xoxb-', 'SLACK_BOT_TOKEN'),
      'export SLACK_TOKEN="xoxb-0000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx"',
      'SLACK_BOT_TOKEN=xoxb-xxxxxxxxx-xxxxxxxxxx-xxxxxxxxxxxx',
      'SLACK_BOT_TOKEN=xoxb-xoxb-my-bot-token',
      `SLACK_BOT_TOKEN=${good.slice(0, -3)}`,
      `SLACK_BOT_TOKEN=${good}${t.chars(ALPHA.base62, 2)}`,
      `SLACK_BOT_TOKEN=${good}-extra`,
      // A user token is not a bot token.
      `xoxp-${t.chars('0123456789', 12)}-${t.chars('0123456789', 12)}-${t.chars('0123456789', 12)}-${t.chars(ALPHA.hexLower, 32)}`,
    ];
  },
};
