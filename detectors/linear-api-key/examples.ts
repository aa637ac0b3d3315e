import { shapeTokenExamples } from '../builders/shape-token-examples.js';
import { fitsRandom } from '../builders/random-part.js';
import { ALPHA } from '../../test/support/token-factory.js';

export const examples = shapeTokenExamples({
  withRandom: (_t, random) => (fitsRandom(random, ALPHA.base62, 40) ? `lin_api_${random}` : null),
  make: (t) => `lin_api_${t.chars(ALPHA.base62, 40)}`,
  prefix: 'lin_api_',
  envName: 'LINEAR_API_KEY',
  runAlphabet: ALPHA.base62,
  fillChar: 'X',
  extraNegatives: () => ['const endpoint = config.lin_api_base_url_for_graphql_queries_v2;'],
});
