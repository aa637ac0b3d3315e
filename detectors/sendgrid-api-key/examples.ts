import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { configPositives, referenceNegatives } from '../builders/token-shape-examples.js';
import { fitsRandom } from '../builders/random-part.js';

function make(t: TokenFactory): string {
  return ['SG', t.chars(ALPHA.base64url, 22), t.chars(ALPHA.base64url, 43)].join('.');
}

export const examples: DetectorExamples = {
  generate: make,
  withRandom: (t, random) =>
    fitsRandom(random, ALPHA.base64url, 42) ? ['SG', t.chars(ALPHA.base64url, 22), random + t.pick([...'AEIMQUYcgkosw048'])].join('.') : null,
  positives: (t) => {
    const js = make(t);
    const php = make(t);
    return [
      ...configPositives(() => make(t), 'SENDGRID_API_KEY'),
      { text: `const sgMail = require('@sendgrid/mail');\nsgMail.setApiKey('${js}');\n`, secret: js },
      { text: `$sendgrid = new \\SendGrid('${php}');\r\n`, secret: php },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      ...referenceNegatives('SG.', 'SENDGRID_API_KEY'),
      `SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`,
      `SENDGRID_API_KEY=${good.slice(0, -1)}`,
      `SENDGRID_API_KEY=${good}${t.chars(ALPHA.base62, 3)}`,
      `MSG.${t.chars(ALPHA.base64url, 22)}.${t.chars(ALPHA.base64url, 43)}`,
      `logger.info(SG.config.name)`,
    ];
  },
};
