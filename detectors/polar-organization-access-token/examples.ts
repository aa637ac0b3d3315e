import type { DetectorExamples } from '../examples-types.js';
import { crc32Base62 } from '../checksum/crc32-base62.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { fitsRandom } from '../builders/random-part.js';

const token = (body: string): string => `polar_oat_${body}${crc32Base62(body)}`;
const make = (t: TokenFactory): string => token(t.chars(ALPHA.base62, 37));

export const examples: DetectorExamples = {
  generate: make,
  withRandom: (_t, random) => (fitsRandom(random, ALPHA.base62, 37) ? token(random) : null),
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t), make(t), make(t)];
    return [
      { text: `# .env\nPOLAR_ACCESS_TOKEN=${a}\nPOLAR_SERVER=production\n`, secret: a },
      { text: `const polar = new Polar({\n  accessToken: '${b}',\n  server: 'production',\n});\n`, secret: b },
      { text: `curl https://api.polar.sh/v1/products/ -H "Authorization: Bearer ${c}"\r\n`, secret: c },
      { text: `polar:\n  access_token: "${d}"\n`, secret: d },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    const last = good.at(-1)!;
    const body = good.slice('polar_oat_'.length);
    return [
      // One checksum character changed.
      `POLAR_ACCESS_TOKEN=${good.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`,
      // One body character changed: the checksum no longer matches.
      `POLAR_ACCESS_TOKEN=polar_oat_${body[0] === 'Q' ? 'R' : 'Q'}${body.slice(1)}`,
      // A constant body with its valid checksum is still a placeholder.
      `POLAR_ACCESS_TOKEN=${token('x'.repeat(37))}`,
      'POLAR_ACCESS_TOKEN=polar_oat_<your-token>',
      `blob=${good}${t.chars(ALPHA.base62, 3)}`,
      `POLAR_ACCESS_TOKEN=${good.slice(0, -1)}`,
    ];
  },
};
