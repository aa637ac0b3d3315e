import { shapeTokenExamples } from '../builders/shape-token-examples.js';
import { fitsRandom } from '../builders/random-part.js';
import { ALPHA } from '../../test/support/token-factory.js';

export const examples = shapeTokenExamples({
  withRandom: (_t, random) => (fitsRandom(random, ALPHA.hexLower, 64) ? `sntryu_${random}` : null),
  make: (t) => `sntryu_${t.chars(ALPHA.hexLower, 64)}`,
  prefix: 'sntryu_',
  envName: 'SENTRY_AUTH_TOKEN',
  runAlphabet: ALPHA.base62,
  fillChar: 'f',
  extraPositives: (t) => {
    const s = `sntryu_${t.chars(ALPHA.hexLower, 64)}`;
    return [{ text: `[auth]\ntoken=${s}\n`, secret: s }];
  },
});
