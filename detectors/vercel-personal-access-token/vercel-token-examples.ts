import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { BODY, checksumOf } from './vercel-token.js';
import { fitsRandom } from '../builders/random-part.js';

export function makeVercelToken(t: TokenFactory, prefix: string, body: string = t.chars(ALPHA.base62, BODY)): string {
  return `${prefix}${body}${checksumOf(body)}`;
}

/** Realistic positives and the look-alikes every Vercel token detector must reject. */
export function vercelTokenExamples(prefix: string, envName: string): DetectorExamples {
  const make = (t: TokenFactory): string => makeVercelToken(t, prefix);
  return {
    generate: make,
    withRandom: (t, random) => (fitsRandom(random, `${ALPHA.base62}_-`, BODY) ? makeVercelToken(t, prefix, random) : null),
    positives: (t) => {
      const [a, b, c, d] = [make(t), make(t), make(t), make(t)];
      return [
        { text: `# .env.local\n${envName}=${a}\n`, secret: a },
        { text: `{\n  "vercel": {\n    "token": "${b}"\n  }\n}\n`, secret: b },
        { text: `steps:\r\n  - run: npx vercel deploy --prod --token '${c}'\r\n`, secret: c },
        { text: `const res = await fetch(url, { headers: { Authorization: \`Bearer ${d}\` } });`, secret: d },
      ];
    },
    negatives: (t) => {
      const good = make(t);
      const last = good.at(-1)!;
      return [
        // One checksum character changed.
        `${envName}=${good.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`,
        // A body character changed: the checksum no longer matches.
        `${envName}=${prefix}${good[prefix.length] === 'Q' ? 'R' : 'Q'}${good.slice(prefix.length + 1)}`,
        // A constant body with its valid checksum is still a placeholder.
        `${envName}=${makeVercelToken(t, prefix, 'x'.repeat(BODY))}`,
        `${envName}=${prefix}<your-token-here>`,
        `blob=${t.chars(ALPHA.base62, 6)}${good}`,
        `blob=${good}${t.chars(ALPHA.base62, 4)}`,
        `${envName}=${good.slice(0, -1)}`,
      ];
    },
  };
}
