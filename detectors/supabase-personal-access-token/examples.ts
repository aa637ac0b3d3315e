import { shapeTokenExamples } from '../builders/shape-token-examples.js';
import { fitsRandom } from '../builders/random-part.js';
import { ALPHA } from '../../test/support/token-factory.js';

export const examples = shapeTokenExamples({
  withRandom: (_t, random) => (fitsRandom(random, ALPHA.hexLower, 40) ? `sbp_${random}` : null),
  make: (t) => `sbp_${t.chars(ALPHA.hexLower, 40)}`,
  prefix: 'sbp_',
  envName: 'SUPABASE_ACCESS_TOKEN',
  runAlphabet: ALPHA.base62,
  fillChar: '0',
  extraNegatives: (t) => [`SUPABASE_ACCESS_TOKEN=sbp_${t.chars(ALPHA.hexLower, 20)}XYZ${t.chars(ALPHA.hexLower, 17)}`],
});
