import { shapeTokenExamples } from '../builders/shape-token-examples.js';
import { ALPHA } from '../../test/support/token-factory.js';

export const examples = shapeTokenExamples({
  make: (t) => `lin_api_${t.chars(ALPHA.base62, 40)}`,
  prefix: 'lin_api_',
  envName: 'LINEAR_API_KEY',
  runAlphabet: ALPHA.base62,
  fillChar: 'X',
  extraNegatives: () => ['const endpoint = config.lin_api_base_url_for_graphql_queries_v2;'],
});
