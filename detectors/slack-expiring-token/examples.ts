import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { configPositives, referenceNegatives } from '../builders/token-shape-examples.js';

function make(t: TokenFactory, kind: 'b' | 'p' = 'p'): string {
  return `xoxe.xox${kind}-1-${t.chars(ALPHA.base62, 163)}`;
}

export const examples: DetectorExamples = {
  generate: (t) => make(t),
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
