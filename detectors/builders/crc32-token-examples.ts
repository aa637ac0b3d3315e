import type { DetectorExamples } from '../examples-types.js';
import { crc32Base62 } from '../checksum/crc32-base62.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { fitsRandom } from './random-part.js';

export function makeCrc32Token(t: TokenFactory, prefix: string, payload: string = t.chars(ALPHA.base62, 30)): string {
  return `${prefix}${payload}${crc32Base62(payload)}`;
}

/** Realistic positives and the look-alikes every CRC-32 token detector must reject. */
export function crc32TokenExamples(prefix: string, envName: string): DetectorExamples {
  return {
    generate: (t) => makeCrc32Token(t, prefix),
    withRandom: (t, random) => (fitsRandom(random, ALPHA.base62, 30) ? makeCrc32Token(t, prefix, random) : null),
    positives: (t) => {
      const a = makeCrc32Token(t, prefix);
      const b = makeCrc32Token(t, prefix);
      const c = makeCrc32Token(t, prefix);
      const d = makeCrc32Token(t, prefix);
      return [
        { text: `export ${envName}=${a}\n`, secret: a },
        { text: `{\n  "auth": {\n    "token": "${b}"\n  }\n}\n`, secret: b },
        { text: `git clone https://x-access-token:${c}@github.com/acme/widgets.git`, secret: c },
        { text: `headers = {"Authorization": f"Bearer ${d}"}\r\n`, secret: d },
      ];
    },
    negatives: (t) => {
      const good = makeCrc32Token(t, prefix);
      // Flip one checksum character: same shape, wrong checksum.
      const last = good.at(-1)!;
      const badChecksum = good.slice(0, -1) + (last === 'A' ? 'B' : 'A');
      return [
        `${envName}=${badChecksum}`,
        `token: ${prefix}${'x'.repeat(36)}`,
        `${envName}=${prefix}<your-token-here>`,
        // Embedded in a longer run of the same alphabet: not a token.
        `blob=${t.chars(ALPHA.base62, 12)}${good}`,
        `blob=${good}${t.chars(ALPHA.base62, 8)}`,
        `${envName}=${good.slice(0, -2)}`,
      ];
    },
  };
}
