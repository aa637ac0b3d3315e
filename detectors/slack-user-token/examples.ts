import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { configPositives, referenceNegatives } from '../builders/token-shape-examples.js';
import { fitsRandom } from '../builders/random-part.js';

const DIGITS = '0123456789';

function make(t: TokenFactory, random?: string): string {
  return `xoxp-${t.chars(DIGITS, 12)}-${t.chars(DIGITS, 12)}-${t.chars(DIGITS, 13)}-${random ?? t.chars(ALPHA.hexLower, 32)}`;
}

export const examples: DetectorExamples = {
  generate: make,
  withRandom: (t, random) => (fitsRandom(random, ALPHA.hexLower, 32) ? make(t, random) : null),
  positives: (t) => {
    const curl = make(t);
    const url = make(t);
    return [
      ...configPositives(() => make(t), 'SLACK_USER_TOKEN'),
      { text: `curl -X POST -H "Authorization: Bearer ${curl}" --data @msg.json https://slack.com/api/chat.postMessage\n`, secret: curl },
      { text: `\turl := "https://slack.com/api/conversations.history?token=${url}&channel=C4D8D3XMX&limit=1"\n`, secret: url },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      ...referenceNegatives('xoxp-', 'SLACK_USER_TOKEN'),
      // Slack's documentation example (pre-2016 short secret).
      'token=xoxp-12345-67890-1928471-abcdefg',
      '"token2": "xoxp-XXXXXXXXXX-XXXXXXXXXX-XXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"',
      '"token4": "xoxp-572370529330-573807301142-572331691188-####################"',
      '"token5": "xoxp-000000000000-000000000000-000000000000-00000000000000000000000000000000"',
      `SLACK_USER_TOKEN=${good.slice(0, -1)}`,
      `SLACK_USER_TOKEN=${good}${t.chars(ALPHA.hexLower, 3)}`,
    ];
  },
};
