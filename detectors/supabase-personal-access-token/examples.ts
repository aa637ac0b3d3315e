import { shapeTokenExamples } from '../builders/shape-token-examples.js';
import { ALPHA } from '../../test/support/token-factory.js';

export const examples = shapeTokenExamples({
  make: (t) => `sbp_${t.chars(ALPHA.hexLower, 40)}`,
  prefix: 'sbp_',
  envName: 'SUPABASE_ACCESS_TOKEN',
  runAlphabet: ALPHA.base62,
  fillChar: '0',
  extraNegatives: (t) => [`SUPABASE_ACCESS_TOKEN=sbp_${t.chars(ALPHA.hexLower, 20)}XYZ${t.chars(ALPHA.hexLower, 17)}`],
});
