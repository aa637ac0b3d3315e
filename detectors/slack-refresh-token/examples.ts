import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { configPositives, referenceNegatives } from '../builders/token-shape-examples.js';
import { fitsRandom } from '../builders/random-part.js';
import { slackRotationBody } from '../builders/slack-rotation-token.js';

/** The base64 of `3-1-` + three 13-digit ids + 64 random hex characters, as issued tokens carry it (147 characters). */
function make(t: TokenFactory, random: string = t.chars(ALPHA.hexLower, 64)): string {
  const ids = [1, 2, 3].map(() => `${1 + t.int(9)}${t.chars('0123456789', 12)}`);
  return `xoxe-1-${slackRotationBody('3-1', ids, random)}`;
}

export const examples: DetectorExamples = {
  generate: (t) => make(t),
  withRandom: (t, random) => (fitsRandom(random, ALPHA.hexLower, 64) ? make(t, random) : null),
  positives: (t) => {
    const rotate = make(t);
    return [
      ...configPositives(() => make(t), 'SLACK_REFRESH_TOKEN'),
      { text: `curl -s https://slack.com/api/tooling.tokens.rotate -d refresh_token=${rotate}\n`, secret: rotate },
    ];
  },
  negatives: (t) => [
    ...referenceNegatives('xoxe-', 'SLACK_REFRESH_TOKEN'),
    // Slack's documentation example.
    'refresh_token=xoxe-1-abcdefg',
    'XOxE-RROAmw, Home and Garden, 5:24, 20120323',
    `SLACK_REFRESH_TOKEN=xoxe-1-${'0'.repeat(146)}`,
    `SLACK_REFRESH_TOKEN=xoxe-1-${t.chars(ALPHA.base62, 60)}`,
    `blob=${t.chars(ALPHA.base62, 3)}xoxe-1-${t.chars(ALPHA.base62, 146)}`,
  ],
};
