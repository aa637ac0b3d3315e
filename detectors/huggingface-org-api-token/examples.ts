import { shapeTokenExamples } from '../builders/shape-token-examples.js';
import { fitsRandom } from '../builders/random-part.js';
import { ALPHA } from '../../test/support/token-factory.js';

const LETTERS = ALPHA.base62.slice(10);

export const examples = shapeTokenExamples({
  withRandom: (_t, random) => (fitsRandom(random, LETTERS, 34) ? `api_org_${random}` : null),
  make: (t) => `api_org_${t.chars(LETTERS, 34)}`,
  prefix: 'api_org_',
  envName: 'HUGGINGFACE_ORG_TOKEN',
  runAlphabet: LETTERS,
  fillChar: 'X',
  extraNegatives: () => ['GET /v2/api_org_settings_for_team_members_and_billing'],
});
