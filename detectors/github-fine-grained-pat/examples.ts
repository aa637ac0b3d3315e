import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { configPositives, referenceNegatives } from '../builders/token-shape-examples.js';
import { fitsRandom } from '../builders/random-part.js';

function make(t: TokenFactory): string {
  // Issued tokens seen in public examples start with `11`; the detector accepts any base62 there.
  return ['github', 'pat', `11${t.chars(ALPHA.base62, 20)}`, t.chars(ALPHA.base62, 59)].join('_');
}

export const examples: DetectorExamples = {
  generate: make,
  withRandom: (t, random) =>
    fitsRandom(random, ALPHA.base62, 59) ? ['github', 'pat', `11${t.chars(ALPHA.base62, 20)}`, random].join('_') : null,
  positives: (t) => {
    const remote = make(t);
    const action = make(t);
    return [
      ...configPositives(() => make(t), 'GITHUB_TOKEN'),
      { text: `[remote "origin"]\n\turl = https://octocat:${remote}@github.com/acme/widgets.git\n`, secret: remote },
      { text: `curl -H "Authorization: Bearer ${action}" https://api.github.com/user/repos\n`, secret: action },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    const [, , first, second] = good.split('_') as [string, string, string, string];
    return [
      ...referenceNegatives('github_pat_', 'GITHUB_TOKEN'),
      `GITHUB_TOKEN=github_pat_${first}_${second.slice(0, 58)}`,
      `GITHUB_TOKEN=github_pat_${first}${second}`,
      `GITHUB_TOKEN=github_pat_${'X'.repeat(22)}_${'X'.repeat(59)}`,
      `GITHUB_TOKEN=github_pat_11AAAAAAAAAAAAAAAAAAAA_${'a'.repeat(59)}`,
      `blob=${good}${t.chars(ALPHA.base62, 4)}`,
      `blob=${t.chars(ALPHA.base62, 6)}${good}`,
    ];
  },
};
