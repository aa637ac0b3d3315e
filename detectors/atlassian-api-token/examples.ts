import { shapeTokenExamples } from '../builders/shape-token-examples.js';
import { fitsRandom } from '../builders/random-part.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

const make = (t: TokenFactory): string => `ATATT3xFfGF0${t.chars(ALPHA.base64url, 171)}=${t.chars(ALPHA.hexUpper, 8)}`;

export const examples = shapeTokenExamples({
  withRandom: (t, random) => (fitsRandom(random, ALPHA.base64url, 171) ? `ATATT3xFfGF0${random}=${t.chars(ALPHA.hexUpper, 8)}` : null),
  make,
  prefix: 'ATATT3',
  envName: 'JIRA_API_TOKEN',
  runAlphabet: ALPHA.base62,
  fillChar: 'x',
  extraPositives: (t) => {
    const s = make(t);
    return [{ text: `curl -u ops@example.com:${s} https://example.atlassian.net/rest/api/3/myself\n`, secret: s }];
  },
  extraNegatives: (t) => [
    // Lowercase hex tail and a missing `=` separator do not fit.
    `JIRA_API_TOKEN=ATATT3xFfGF0${t.chars(ALPHA.base64url, 171)}=${t.chars(ALPHA.hexLower, 7)}a`,
    `JIRA_API_TOKEN=ATATT3xFfGF0${t.chars(ALPHA.base64url, 180)}`,
  ],
});
