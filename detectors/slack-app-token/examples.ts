import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { configPositives, referenceNegatives } from '../builders/token-shape-examples.js';
import { fitsRandom } from '../builders/random-part.js';

function make(t: TokenFactory, random?: string): string {
  return `xapp-1-A${t.chars(ALPHA.upperAlnum, 10)}-${t.chars('0123456789', 13)}-${random ?? t.chars(ALPHA.hexLower, 64)}`;
}

export const examples: DetectorExamples = {
  generate: make,
  withRandom: (t, random) => (fitsRandom(random, ALPHA.hexLower, 64) ? make(t, random) : null),
  positives: (t) => {
    const bolt = make(t);
    return [
      ...configPositives(() => make(t), 'SLACK_APP_TOKEN'),
      { text: `const app = new App({\n  token: process.env.SLACK_BOT_TOKEN,\n  appToken: '${bolt}',\n  socketMode: true,\n});\n`, secret: bolt },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      ...referenceNegatives('xapp-', 'SLACK_APP_TOKEN'),
      `SLACK_APP_TOKEN=xapp-1-A0000000000-0000000000000-${'0'.repeat(64)}`,
      `SLACK_APP_TOKEN=${good.slice(0, -1)}`,
      `SLACK_APP_TOKEN=${good}f`,
      `SLACK_APP_TOKEN=${good.toUpperCase()}`,
    ];
  },
};
