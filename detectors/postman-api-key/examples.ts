import { shapeTokenExamples } from '../builders/shape-token-examples.js';
import { fitsRandom } from '../builders/random-part.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

const make = (t: TokenFactory): string => `PMAK-${t.chars(ALPHA.hexLower, 24)}-${t.chars(ALPHA.hexLower, 34)}`;

export const examples = shapeTokenExamples({
  withRandom: (t, random) => (fitsRandom(random, ALPHA.hexLower, 34) ? `PMAK-${t.chars(ALPHA.hexLower, 24)}-${random}` : null),
  make,
  prefix: 'PMAK-',
  envName: 'POSTMAN_API_KEY',
  runAlphabet: ALPHA.base62,
  fillChar: '0',
  extraPositives: (t) => {
    const s = make(t);
    return [{ text: `pm.request.headers.add({ key: 'x-api-key', value: '${s}' });\n`, secret: s }];
  },
  extraNegatives: (t) => [
    // Uppercase hex is not how keys are issued.
    `x-api-key: PMAK-${t.chars(ALPHA.hexUpper, 24)}-${t.chars(ALPHA.hexUpper, 34)}`,
    `x-api-key: PMAK-${t.chars(ALPHA.hexLower, 24)}${t.chars(ALPHA.hexLower, 34)}`,
  ],
});
