import type { RandomPart } from '../types.js';

/**
 * The random part of a format whose random characters sit at a fixed place
 * in the secret: characters `start` to `end` (negative: counted from the end;
 * omitted: to the end), drawn from `alphabet`. A candidate whose slice has a
 * length outside the range has nothing to judge.
 */
export function slicedRandomPart(alphabet: string, minLength: number, maxLength: number, start: number, end?: number): RandomPart {
  return {
    alphabet,
    minLength,
    maxLength,
    of: (secret) => {
      const part = secret.slice(start, end);
      return part.length >= minLength && part.length <= maxLength ? part : null;
    },
  };
}

/** Whether `random` has a length in `min..max` and only characters of `alphabet` (for examples' `withRandom`). */
export function fitsRandom(random: string, alphabet: string, min: number, max = min): boolean {
  if (random.length < min || random.length > max) return false;
  for (const ch of random) if (!alphabet.includes(ch)) return false;
  return true;
}
