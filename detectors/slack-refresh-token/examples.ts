import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { configPositives, referenceNegatives } from '../builders/token-shape-examples.js';

function make(t: TokenFactory): string {
  return `xoxe-1-${t.chars(ALPHA.base62, 146)}`;
}

export const examples: DetectorExamples = {
  generate: make,
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
