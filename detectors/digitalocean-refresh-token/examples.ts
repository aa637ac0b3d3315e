import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { configPositives, referenceNegatives } from '../builders/token-shape-examples.js';
import { fitsRandom } from '../builders/random-part.js';

const PREFIX = 'dor_v1_';

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
      ...configPositives(() => make(t), 'DIGITALOCEAN_REFRESH_TOKEN'),
      { text: `  "refresh_token": "${x}",\n`, secret: x },
      { text: `curl -X POST "https://cloud.digitalocean.com/v1/oauth/token?grant_type=refresh_token&refresh_token=${y}"\n`, secret: y },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      ...referenceNegatives(PREFIX, 'DIGITALOCEAN_REFRESH_TOKEN'),
      `DIGITALOCEAN_REFRESH_TOKEN=${PREFIX}${'0'.repeat(64)}`,
      `DIGITALOCEAN_REFRESH_TOKEN=${PREFIX}${'x'.repeat(64)}`,
      `DIGITALOCEAN_REFRESH_TOKEN=${PREFIX}${'0123456789abcdef'.repeat(64 / 16)}`,
      `DIGITALOCEAN_REFRESH_TOKEN=${good.slice(0, -1)}`,
      `DIGITALOCEAN_REFRESH_TOKEN=${good}${t.chars(ALPHA.hexLower, 2)}`,
      `blob=${t.chars(ALPHA.base62, 3)}${good}`,
      `DIGITALOCEAN_REFRESH_TOKEN=${PREFIX}${t.chars(ALPHA.base62, 64)}`,
    ];
  },
};
