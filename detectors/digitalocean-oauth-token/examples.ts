import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { configPositives, referenceNegatives } from '../builders/token-shape-examples.js';
import { fitsRandom } from '../builders/random-part.js';

const PREFIX = 'doo_v1_';

function make(t: TokenFactory): string {
  return PREFIX + t.chars(ALPHA.hexLower, 64);
}

export const examples: DetectorExamples = {
  generate: make,
  withRandom: (_t, random) => (fitsRandom(random, ALPHA.hexLower, 64) ? PREFIX + random : null),
  positives: (t) => {
    const x = make(t);
    const y = make(t);
    return [
      ...configPositives(() => make(t), 'DIGITALOCEAN_TOKEN'),
      { text: `{"access_token":"${x}","token_type":"bearer","expires_in":2592000}\n`, secret: x },
      { text: `doctl auth init --access-token ${y}\r\n`, secret: y },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      ...referenceNegatives(PREFIX, 'DIGITALOCEAN_TOKEN'),
      `DIGITALOCEAN_TOKEN=${PREFIX}${'0'.repeat(64)}`,
      `DIGITALOCEAN_TOKEN=${PREFIX}${'x'.repeat(64)}`,
      `DIGITALOCEAN_TOKEN=${PREFIX}${'0123456789abcdef'.repeat(64 / 16)}`,
      `DIGITALOCEAN_TOKEN=${good.slice(0, -1)}`,
      `DIGITALOCEAN_TOKEN=${good}${t.chars(ALPHA.hexLower, 2)}`,
      `blob=${t.chars(ALPHA.base62, 3)}${good}`,
      `DIGITALOCEAN_TOKEN=${PREFIX}${t.chars(ALPHA.base62, 64)}`,
    ];
  },
};
