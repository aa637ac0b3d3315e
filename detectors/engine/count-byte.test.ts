import { describe, expect, it } from 'vitest';
import { countByte, countByteWasm } from './count-byte.js';
import { nativeCountByte } from './teddy-native.js';
import { TokenFactory } from '../../test/support/token-factory.js';

function naive(buf: Uint8Array, from: number, to: number, byte: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (buf[i] === byte) n++;
  return n;
}

// The default (the addon's counter where it is built) and the WebAssembly one, which runs without it.
const counters: Array<[string, (buf: Uint8Array, from: number, to: number, byte: number) => number]> = [
  ['countByte', countByte],
  ['WebAssembly', countByteWasm],
  ...(nativeCountByte() ? [['native', nativeCountByte()!] as [string, typeof countByte]] : []),
];

describe.each(counters)('%s', (_name, countByte) => {
  it('counts like a plain loop for random spans, sizes and byte values (0 and 255 included)', () => {
    const t = new TokenFactory('count-byte');
    const failures: string[] = [];
    for (let round = 0; round < 60; round++) {
      const size = t.pick([0, 1, 15, 16, 17, 255, 256, 4095, 70_000, 300_000, 600_000]);
      // Few distinct values so every byte value occurs often, runs of it too (past 255 per lane).
      const buf = Buffer.from(t.chars('\u0000\n\n\n\u00ffa', size), 'latin1');
      const from = t.int(3) === 0 ? t.int(size + 1) : 0;
      const to = t.int(3) === 0 ? from + t.int(size - from + 1) : size;
      for (const byte of [10, 0, 255, 97, 98]) {
        const want = naive(buf, from, to, byte);
        const got = countByte(buf, from, to, byte);
        if (got !== want) failures.push(`round ${round}, byte ${byte}, [${from},${to}) of ${size}: ${got}, want ${want}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('counts a buffer that is all the byte, across the 255-block widening', () => {
    const buf = Buffer.alloc(1_000_003, 10);
    expect(countByte(buf, 0, buf.length, 10)).toBe(1_000_003);
    expect(countByte(buf, 5, buf.length - 7, 10)).toBe(1_000_003 - 12);
  });
});

describe.skipIf(nativeCountByte() === undefined)('native countByte', () => {
  it('rejects a span outside the buffer or a value that is not a byte, reading nothing', () => {
    const count = nativeCountByte()!;
    const buf = Buffer.alloc(64, 10);
    expect(() => count(buf, 5, 2, 10)).toThrow(/PREFILTER_NATIVE_RANGE|buf.length/);
    expect(() => count(buf, 0, 65, 10)).toThrow();
    expect(() => count(buf, 0, 64, 256)).toThrow();
    expect(count(buf.subarray(8), 0, 56, 10)).toBe(56);
  });
});
