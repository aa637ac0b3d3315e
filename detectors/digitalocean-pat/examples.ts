import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { configPositives, referenceNegatives } from '../builders/token-shape-examples.js';
import { fitsRandom } from '../builders/random-part.js';

const PREFIX = 'dop_v1_';

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
      ...configPositives(() => make(t), 'DIGITALOCEAN_ACCESS_TOKEN'),
      { text: `provider "digitalocean" {\n  token = "${x}"\n}\n`, secret: x },
      { text: `curl -X GET -H "Authorization: Bearer ${y}" "https://api.digitalocean.com/v2/droplets"\n`, secret: y },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      ...referenceNegatives(PREFIX, 'DIGITALOCEAN_ACCESS_TOKEN'),
      `DIGITALOCEAN_ACCESS_TOKEN=${PREFIX}${'0'.repeat(64)}`,
      `DIGITALOCEAN_ACCESS_TOKEN=${PREFIX}${'x'.repeat(64)}`,
      `DIGITALOCEAN_ACCESS_TOKEN=${PREFIX}${'0123456789abcdef'.repeat(64 / 16)}`,
      `DIGITALOCEAN_ACCESS_TOKEN=${good.slice(0, -1)}`,
      `DIGITALOCEAN_ACCESS_TOKEN=${good}${t.chars(ALPHA.hexLower, 2)}`,
      `blob=${t.chars(ALPHA.base62, 3)}${good}`,
      `DIGITALOCEAN_ACCESS_TOKEN=${PREFIX}${t.chars(ALPHA.base62, 64)}`,
    ];
  },
};
