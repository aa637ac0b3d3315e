import { describe, expect, it } from 'vitest';
import { firstStretch, STRETCH_TESTS } from './placeholder-token.js';
import { TokenFactory } from '../../test/support/token-factory.js';

/**
 * The stretch rule runs its twelve tests in one pass over the random part
 * (it is judged for every candidate on the scan path). This compares it with
 * the rule as stated, one test at a time in STRETCH_TESTS' order, on random
 * parts salted with periods, walks and runs of every kind, near the edges too.
 */
function fold(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 32 : c;
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);
}

/** The rule as stated: the first test with `length` consecutive steps of `shift` characters differing by `delta`. */
function statedStretch(folded: Uint16Array, length: number): number {
  for (let t = 0; t < STRETCH_TESTS.length; t++) {
    const [shift, delta] = STRETCH_TESTS[t]!;
    let run = 0;
    for (let i = 0; i + shift < folded.length; i++) {
      const a = folded[i]!;
      const b = folded[i + shift]!;
      run = (delta === 0 ? a === b : b - a === delta && isAlnum(a) && isAlnum(b)) ? run + 1 : 0;
      if (run >= length) return t;
    }
  }
  return -1;
}

const ALPHABETS = ['0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', '0123456789abcdef', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 'A-_~.+/=a0'];

describe('placeholder stretch rule', () => {
  it('finds the same first stretch as the rule stated test by test', () => {
    const t = new TokenFactory('placeholder-stretch');
    let found = 0;
    for (let round = 0; round < 20000; round++) {
      const alphabet = t.pick(ALPHABETS);
      const n = 1 + t.int(48);
      let s = t.chars(alphabet, n);
      // Splice in a period, a walk up or down (step 1 or 2), or a run, somewhere, of some length.
      const kind = t.int(4);
      const at = t.int(n);
      const len = 1 + t.int(n - at);
      let piece = '';
      const start = alphabet.charCodeAt(t.int(alphabet.length));
      const period = 1 + t.int(8);
      const step = t.pick([1, -1]);
      const every = 1 + t.int(2);
      for (let k = 0; k < len; k++) {
        if (kind === 0) piece += s[at + (k % period)] ?? 'x';
        else if (kind === 1) piece += String.fromCharCode(Math.max(0x30, Math.min(0x7a, start + step * Math.floor(k / every))));
        else if (kind === 2) piece += String.fromCharCode(start);
        else piece += t.chars(alphabet, 1);
      }
      s = (s.slice(0, at) + piece).slice(0, n);
      if (t.int(3) === 0) s = s.toUpperCase();
      const folded = Uint16Array.from(s, (c) => fold(c.charCodeAt(0)));
      for (const length of [2, 3, 4, 5, 7, 9]) {
        const expected = statedStretch(folded, length);
        if (expected >= 0) found++;
        expect(firstStretch(folded, length), `${JSON.stringify(s)} length ${length}`).toBe(expected);
      }
    }
    // The salted parts exercise the rule, not only its absence.
    expect(found).toBeGreaterThan(20000);
  });
});
