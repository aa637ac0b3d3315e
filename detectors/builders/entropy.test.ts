import { describe, expect, it } from 'vitest';
import { charClasses, shannonEntropy, strengthOf } from './entropy.js';
import { TokenFactory, ALPHA } from '../../test/support/token-factory.js';

describe('shannonEntropy', () => {
  it.each([
    ['', 0],
    ['aaaa', 0],
    ['ab', 1],
    ['abcd', 2],
    ['0123456789abcdef', 4],
  ] as const)('%j -> %d bits/char', (value, bits) => {
    expect(shannonEntropy(value)).toBeCloseTo(bits, 10);
  });

  it('gives the same bits to the last digit on its byte-table path as a per-code-point count (first-seen order)', () => {
    // The plain definition: counts per code point, summed in first-seen order.
    const reference = (value: string): number => {
      const counts = new Map<string, number>();
      for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
      const n = [...value].length;
      let bits = 0;
      for (const c of counts.values()) bits -= (c / n) * Math.log2(c / n);
      return bits;
    };
    const t = new TokenFactory('entropy-narrow');
    const alphabets = [ALPHA.base62, ALPHA.hexLower, '\u0000\u00ff\u0080aZ9+/=', 'ab', 'é€😀x'];
    for (let i = 0; i < 2000; i++) {
      const value = t.chars(t.pick(alphabets), t.int(300));
      expect(shannonEntropy(value), JSON.stringify(value)).toBe(reference(value));
    }
    // Every byte value at once, then a wide string right after: the reused table must start clean.
    const all = String.fromCharCode(...Array.from({ length: 256 }, (_, b) => b));
    expect(shannonEntropy(all)).toBe(8);
    expect(shannonEntropy('aab')).toBe(reference('aab'));
  });
});

describe('charClasses', () => {
  it.each([
    ['abc', 1],
    ['open_sesame', 1],
    ['a-b.c_d', 1],
    ['Abc', 2],
    ['Abc1', 3],
    ['Abc1!', 4],
    ['12#45$78', 2],
  ] as const)('%j -> %d classes', (value, count) => {
    expect(charClasses(value).count).toBe(count);
  });
});

describe('strengthOf', () => {
  it.each([
    ['52VeZqtHDCdAr5yM', 'random'],
    ['7cc938e45e63e9014f88f811be240ba0395c02dd', 'random'],
    ['951bc382db9abad29c68634761dd6e19', 'random'],
    ['Kx8#mP2$vLq9', 'random'],
    ['Prestigitariu$', 'strong'],
    ['Vk3@lP9sQ', 'strong'],
    ['un!techwhooah', 'fair'],
    ['keldordor!silmavtarn', 'fair'],
    ['busybox@', 'weak'],
    ['abuser123456', 'weak'],
    ['application:', 'weak'],
    ['whiteduke', 'weak'],
    ['team10', 'weak'],
    ['aaaaaaaaaaaaaaaaaaaaaaaa', 'weak'],
    ['ThisIsMyVerySecureToken', 'random'],
  ] as const)('%j -> %s', (value, strength) => {
    expect(strengthOf(value).strength).toBe(strength);
  });

  it('rates random base62 tokens of 16+ characters as random', () => {
    const t = new TokenFactory('entropy-test');
    for (let i = 0; i < 500; i++) {
      const token = t.chars('0123456789', 1) + t.chars(ALPHA.base62, 15 + t.int(40));
      expect(strengthOf(token).strength).toBe('random');
    }
  });
});
