import { shapeTokenExamples } from '../builders/shape-token-examples.js';
import { fitsRandom } from '../builders/random-part.js';
import { ALPHA } from '../../test/support/token-factory.js';

export const examples = shapeTokenExamples({
  withRandom: (_t, random) => (fitsRandom(random, ALPHA.base64url, 32, 64) ? `pscale_pw_${random}` : null),
  make: (t) => `pscale_pw_${t.chars(ALPHA.base64url, 43)}`,
  prefix: 'pscale_pw_',
  envName: 'DATABASE_PASSWORD',
  runAlphabet: ALPHA.base62,
  fillChar: 'x',
  fixedLength: false,
  extraPositives: (t) => {
    const s = `pscale_pw_${t.chars(ALPHA.base64url, 43)}`;
    return [{ text: `DATABASE_URL='mysql://k2n4x9q1w8e7:${s}@aws.connect.psdb.cloud/shop?sslaccept=strict'\n`, secret: s }];
  },
});
