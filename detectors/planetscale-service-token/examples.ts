import { shapeTokenExamples } from '../builders/shape-token-examples.js';
import { fitsRandom } from '../builders/random-part.js';
import { ALPHA } from '../../test/support/token-factory.js';

export const examples = shapeTokenExamples({
  withRandom: (_t, random) => (fitsRandom(random, ALPHA.base64url, 32, 64) ? `pscale_tkn_${random}` : null),
  make: (t) => `pscale_tkn_${t.chars(ALPHA.base64url, 43)}`,
  prefix: 'pscale_tkn_',
  envName: 'PLANETSCALE_SERVICE_TOKEN',
  runAlphabet: ALPHA.base62,
  fillChar: 'x',
  fixedLength: false,
  extraNegatives: (t) => [`PLANETSCALE_SERVICE_TOKEN=pscale_tkn_${t.chars(ALPHA.base62, 20)}`],
});
