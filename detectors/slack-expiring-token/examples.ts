import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { configPositives, referenceNegatives } from '../builders/token-shape-examples.js';
import { fitsRandom } from '../builders/random-part.js';
import { slackRotationBody } from '../builders/slack-rotation-token.js';

/** The base64 of `2-2-` + four 13-digit ids + 64 random hex characters, as issued tokens carry it (166 characters). */
function make(t: TokenFactory, kind: 'b' | 'p' = 'p', random: string = t.chars(ALPHA.hexLower, 64)): string {
  const ids = [1, 2, 3, 4].map(() => `${1 + t.int(9)}${t.chars('0123456789', 12)}`);
  return `xoxe.xox${kind}-1-${slackRotationBody('2-2', ids, random)}`;
}

export const examples: DetectorExamples = {
  generate: (t) => make(t),
  withRandom: (t, random) => (fitsRandom(random, ALPHA.hexLower, 64) ? make(t, 'p', random) : null),
  positives: (t) => {
    const bot = make(t, 'b');
    const rotate = make(t);
    return [
      ...configPositives(() => make(t), 'SLACK_CONFIG_TOKEN'),
      { text: `SLACK_BOT_TOKEN=${bot}\n`, secret: bot },
      { text: `{\n  "ok": true,\n  "token": "${rotate}",\n  "exp": 1633138860\n}\n`, secret: rotate },
    ];
  },
  negatives: (t) => [
    ...referenceNegatives('xoxe.xoxp-', 'SLACK_CONFIG_TOKEN'),
    'SLACK_CONFIG_TOKEN=xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere',
    'SLACK_CONFIG_TOKEN=xoxe.xoxp-1-initial',
    `SLACK_CONFIG_TOKEN=xoxe.xoxp-1-${'x'.repeat(163)}`,
    `SLACK_CONFIG_TOKEN=xoxe.xoxp-1-${t.chars(ALPHA.base62, 100)}`,
    `SLACK_CONFIG_TOKEN=xoxe.xoxc-1-${t.chars(ALPHA.base62, 163)}`,
  ],
};
