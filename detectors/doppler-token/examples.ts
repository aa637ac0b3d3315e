import { shapeTokenExamples } from '../builders/shape-token-examples.js';
import { fitsRandom } from '../builders/random-part.js';
import { ALPHA } from '../../test/support/token-factory.js';

export const examples = shapeTokenExamples({
  withRandom: (_t, random) => (fitsRandom(random, ALPHA.base62, 40, 44) ? `dp.pt.${random}` : null),
  make: (t) => `dp.pt.${t.chars(ALPHA.base62, 43)}`,
  prefix: 'dp.pt.',
  envName: 'DOPPLER_TOKEN',
  runAlphabet: ALPHA.base62,
  fillChar: 'x',
  fixedLength: false,
  extraPositives: (t) => {
    const st = `dp.st.prd.${t.chars(ALPHA.base62, 43)}`;
    const sa = `dp.sa.${t.chars(ALPHA.base62, 43)}`;
    return [
      { text: `doppler run --token ${st} -- npm start\n`, secret: st },
      { text: `      - name: DOPPLER_TOKEN\n        value: "${sa}"\n`, secret: sa },
    ];
  },
  extraNegatives: (t) => [
    `DOPPLER_TOKEN=dp.xx.${t.chars(ALPHA.base62, 43)}`,
    `DOPPLER_TOKEN=dp.pt.${t.chars(ALPHA.base62, 30)}`,
  ],
});
