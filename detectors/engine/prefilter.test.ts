import { describe, expect, it } from 'vitest';
import {
  buildIndexOfPrefilter,
  buildPrefilter,
  INDEXOF_UNTIL_BYTES,
  NATIVE_AFTER_BYTES,
  PrefilterError,
  SIMD_AFTER_BYTES,
  type KeywordSpec,
  type Prefilter,
  type PrefilterKind,
} from './prefilter.js';
import { wasmSimdAvailable } from './teddy.js';
import { nativePrefilterAvailable } from './teddy-native.js';
import { TokenFactory } from '../../test/support/token-factory.js';

/** The obvious search: every keyword at every offset, then the order the prefilter promises. */
function naive(keywords: readonly KeywordSpec[], buf: Uint8Array, from: number, to: number): Array<[number, number]> {
  const hits: Array<[number, number]> = [];
  keywords.forEach((k, kw) => {
    const pat = Buffer.from(k.text, 'latin1');
    const fold = (b: number): number => (k.ignoreCase && b >= 0x61 && b <= 0x7a ? b - 0x20 : b);
    for (let i = from; i + pat.length <= to; i++) {
      let ok = true;
      for (let j = 0; j < pat.length && ok; j++) {
        ok = k.ignoreCase ? fold(buf[i + j]!) === fold(pat[j]!) : buf[i + j] === pat[j];
      }
      if (ok) hits.push([kw, i]);
    }
  });
  const len = (kw: number): number => Buffer.byteLength(keywords[kw]!.text, 'latin1');
  // By end, then longer first (at one end, longer means earlier start), then keyword index.
  return hits.sort((a, b) => a[1] + len(a[0]) - (b[1] + len(b[0])) || a[1] - b[1] || a[0] - b[0]);
}

/** The kinds callers can ask for, and the small-input path the default starts with. */
type Impl = PrefilterKind | 'indexof';

function build(kind: Impl, keywords: readonly KeywordSpec[]): Prefilter {
  return kind === 'indexof' ? buildIndexOfPrefilter(keywords) : buildPrefilter(keywords, kind);
}

function scanAll(p: Prefilter, buf: Uint8Array, from = 0, to = buf.length): Array<[number, number]> {
  const hits: Array<[number, number]> = [];
  p.scan(buf, from, to, (kw, start) => hits.push([kw, start]));
  return hits;
}

function run(kind: Impl, keywords: readonly KeywordSpec[], buf: Uint8Array, from = 0, to = buf.length): Array<[number, number]> {
  return scanAll(build(kind, keywords), buf, from, to);
}

// The native kernel where the addon is built (teddy-native.test.ts says when it must be).
const kinds: Impl[] = ['dfa', 'simd', 'indexof', ...(nativePrefilterAvailable() ? (['native'] as const) : [])];

/** Small alphabets make overlaps, shared prefixes and near misses common. */
const ALPHABETS = [
  'ab',
  'abAB',
  'abcABC:/_-.',
  'xyzXYZ019@`[{',
  '\u0000\u0001ab\u007f\u0080\u00c0\u00e0\u00ffAB',
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_',
];

function randomCase(t: TokenFactory, alphabet: string, keywordCount: number, maxLen: number): { keywords: KeywordSpec[]; text: Buffer } {
  const keywords: KeywordSpec[] = [];
  for (let i = 0; i < keywordCount; i++) {
    keywords.push({ text: t.chars(alphabet, 1 + t.int(maxLen)), ignoreCase: t.int(3) === 0 });
  }
  const size = t.pick([0, 1, 5, 17, 300, 2000, 5000]);
  let text = t.chars(alphabet, size);
  // Plant whole keywords, some at the very start and end.
  for (let i = 0; i < 4 && keywords.length > 0; i++) {
    const k = t.pick(keywords).text;
    const at = t.pick([0, text.length, t.int(text.length + 1)]);
    text = text.slice(0, at) + k + text.slice(at);
  }
  return { keywords, text: Buffer.from(text, 'latin1') };
}

describe('prefilter', () => {
  it('has WebAssembly SIMD on this runtime (Node 20), so the fast path is what the tests exercise', () => {
    expect(wasmSimdAvailable()).toBe(true);
  });

  for (const kind of kinds) {
    describe(kind, () => {
      it('reports every occurrence, overlapping ones included, in automaton order (randomized against a naive search)', () => {
        const t = new TokenFactory(`prefilter-diff-${kind}`);
        const failures: string[] = [];
        for (let round = 0; round < 250; round++) {
          const alphabet = t.pick(ALPHABETS);
          const { keywords, text } = randomCase(t, alphabet, 1 + t.int(t.pick([4, 12, 40, 140])), t.pick([3, 6, 12, 20]));
          const from = t.int(3) === 0 ? t.int(text.length + 1) : 0;
          const to = t.int(3) === 0 ? from + t.int(text.length - from + 1) : text.length;
          const want = naive(keywords, text, from, to);
          const got = run(kind, keywords, text, from, to);
          if (JSON.stringify(got) !== JSON.stringify(want)) {
            failures.push(`round ${round}: ${keywords.length} keywords, ${text.length} bytes [${from},${to}): ${got.length} hits, want ${want.length}`);
          }
        }
        expect(failures).toEqual([]);
      });

      it('finds hits across its internal chunk boundaries and past its output buffer in large texts', () => {
        const t = new TokenFactory(`prefilter-large-${kind}`);
        const keywords: KeywordSpec[] = [
          { text: 'ab', ignoreCase: false },
          { text: 'abab', ignoreCase: true },
          { text: 'b', ignoreCase: false },
          { text: 'xyzzy-long-keyword-past-eight-bytes', ignoreCase: true },
        ];
        // 300 kB of a two-letter alphabet: tens of thousands of overlapping hits.
        let text = t.chars('abAB', 300_000);
        for (let i = 0; i < 50; i++) {
          const at = t.int(text.length);
          text = text.slice(0, at) + 'XYZZY-long-keyword-PAST-eight-bytes' + text.slice(at);
        }
        const buf = Buffer.from(text, 'latin1');
        const want = naive(keywords, buf, 0, buf.length);
        expect(want.length).toBeGreaterThan(100_000);
        expect(run(kind, keywords, buf)).toEqual(want);
        // And a window whose ends fall inside keywords.
        expect(run(kind, keywords, buf, 65_535, 200_003)).toEqual(naive(keywords, buf, 65_535, 200_003));
      });

      it('folds only ASCII letters when ignoring case', () => {
        const keywords: KeywordSpec[] = [
          { text: 'a@b', ignoreCase: true },
          { text: '\u00c0x', ignoreCase: true },
          { text: 'Key=', ignoreCase: true },
        ];
        // '`' is '@' | 0x20 and 0xe0 is 0xc0 | 0x20: neither is a case variant.
        const buf = Buffer.from('A@B a`b \u00c0X \u00e0x KEY= kEy= key-', 'latin1');
        expect(run(kind, keywords, buf)).toEqual([
          [0, 0],
          [1, 8],
          [2, 14],
          [2, 19],
        ]);
      });

      it('reports each of two identical keywords, and keywords at the very start and end', () => {
        const keywords: KeywordSpec[] = [
          { text: 'ghp_', ignoreCase: false },
          { text: 'ghp_', ignoreCase: false },
          { text: '_end', ignoreCase: false },
        ];
        const buf = Buffer.from('ghp_ middle ghp_x the_end', 'latin1');
        expect(run(kind, keywords, buf)).toEqual([
          [0, 0],
          [1, 0],
          [0, 12],
          [1, 12],
          [2, 21],
        ]);
      });

      it('handles many keywords (several bucket groups) and long ones', () => {
        const t = new TokenFactory(`prefilter-many-${kind}`);
        const keywords: KeywordSpec[] = [];
        for (let i = 0; i < 300; i++) keywords.push({ text: t.chars('abcdefgh_-', 3 + t.int(30)), ignoreCase: i % 5 === 0 });
        const text = Buffer.from(t.chars('abcdefgh_-ABCDEFGH', 150_000), 'latin1');
        expect(run(kind, keywords, text)).toEqual(naive(keywords, text, 0, text.length));
      });

      it('finds nothing in empty input, an empty range, or with no keywords', () => {
        const k: KeywordSpec[] = [{ text: 'abc', ignoreCase: false }];
        expect(run(kind, k, Buffer.alloc(0))).toEqual([]);
        expect(run(kind, k, Buffer.from('abcabc'), 3, 3)).toEqual([]);
        expect(run(kind, [], Buffer.from('abcabc'))).toEqual([]);
      });
    });
  }

  it('by default moves from indexOf to the DFA and then to a SIMD kernel (native or WebAssembly) after some megabytes, with the same hits', () => {
    const t = new TokenFactory('prefilter-auto');
    const keywords: KeywordSpec[] = [
      { text: 'ab:', ignoreCase: false },
      { text: 'B:/', ignoreCase: true },
      { text: 'aBaB', ignoreCase: true },
    ];
    const buf = Buffer.from(t.chars('abAB:/ ', Math.ceil(SIMD_AFTER_BYTES / 3) + 1000), 'latin1');
    const want = run('dfa', keywords, buf);
    expect(want.length).toBeGreaterThan(1000);
    const auto = buildPrefilter(keywords);
    for (let round = 0; round < 5; round++) {
      const got: Array<[number, number]> = [];
      auto.scan(buf, 0, buf.length, (kw, start) => got.push([kw, start]));
      expect(got).toEqual(want);
    }
  });

  it.runIf(nativePrefilterAvailable())('asks for the keywords with requirements only when it builds the native kernel, and that kernel applies them', () => {
    const flags = (chars: string): Uint8Array => {
      const f = new Uint8Array(256);
      for (const c of chars) f[c.charCodeAt(0)] = 1;
      return f;
    };
    const keywords: KeywordSpec[] = [{ text: '://', ignoreCase: false }];
    const required: KeywordSpec[] = [{ text: '://', ignoreCase: false, requires: { anyOf: flags('@'), over: flags('abc:'), within: 8 } }];
    let asked = 0;
    const auto = buildPrefilter(keywords, undefined, { withRequirements: () => (asked++, required) });
    const small = Buffer.from('x://ab@ y://zz ', 'latin1');
    const hits = (buf: Buffer): number[] => {
      const got: number[] = [];
      auto.scan(buf, 0, buf.length, (_, start) => got.push(start));
      return got;
    };
    // Small inputs: every hit (callers check the requirement themselves), and nothing asked.
    expect(hits(small)).toEqual([1, 9]);
    expect(asked).toBe(0);
    const big = Buffer.from('x://ab@ y://zz '.repeat(Math.ceil(NATIVE_AFTER_BYTES / 15) + 10), 'latin1');
    const got = hits(big);
    expect(asked).toBe(1);
    // Only the hit that an `@` follows over `abc:` bytes within 8 survives: one per repetition.
    expect(got).toHaveLength(big.length / 15);
    expect(got.every((start) => start % 15 === 1)).toBe(true);
  });

  describe('indexOf path (the default for small inputs)', () => {
    /** Keywords that overlap: random ones, then prefixes, suffixes, middles and case variants of earlier ones. */
    function relatedKeywords(t: TokenFactory, alphabet: string, count: number): KeywordSpec[] {
      const keywords: KeywordSpec[] = [];
      for (let i = 0; i < count; i++) {
        const ignoreCase = t.int(2) === 0;
        if (keywords.length === 0 || t.int(3) === 0) {
          keywords.push({ text: t.chars(alphabet, 1 + t.int(8)), ignoreCase });
          continue;
        }
        const base = t.pick(keywords).text;
        const a = t.int(base.length);
        const b = a + 1 + t.int(base.length - a);
        let text = t.pick([base.slice(0, b), base.slice(a), base.slice(a, b), base, base + t.chars(alphabet, 1 + t.int(3))]);
        if (t.int(3) === 0) text = text.toUpperCase().replace(/[^\x00-\x7f]/g, 'x');
        keywords.push({ text, ignoreCase });
      }
      return keywords;
    }

    it('reports the same hits in the same order as the DFA (random keyword sets, windows, case, latin1 bytes)', () => {
      const t = new TokenFactory('prefilter-indexof-vs-dfa');
      const failures: string[] = [];
      for (let round = 0; round < 400; round++) {
        const alphabet = t.pick(ALPHABETS);
        const keywords = relatedKeywords(t, alphabet, 1 + t.int(t.pick([3, 10, 40, 120])));
        let text = t.chars(alphabet, t.pick([0, 1, 7, 64, 700, 3000]));
        for (let i = 0; i < 6; i++) {
          const at = t.pick([0, text.length, t.int(text.length + 1)]);
          text = text.slice(0, at) + t.pick(keywords).text + text.slice(at);
        }
        const buf = Buffer.from(text, 'latin1');
        const from = t.int(3) === 0 ? t.int(buf.length + 1) : 0;
        const to = t.int(3) === 0 ? from + t.int(buf.length - from + 1) : buf.length;
        const want = run('dfa', keywords, buf, from, to);
        const got = run('indexof', keywords, buf, from, to);
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          failures.push(`round ${round}: ${keywords.length} keywords, ${buf.length} bytes [${from},${to}): ${got.length} hits, want ${want.length}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it('orders hits at one end offset longer first, then by index, across case-sensitive and case-insensitive keywords', () => {
      const keywords: KeywordSpec[] = [
        { text: 'b', ignoreCase: false },
        { text: 'AB', ignoreCase: true },
        { text: 'ab', ignoreCase: false },
        { text: 'xab', ignoreCase: true },
        { text: 'ab', ignoreCase: true },
        { text: '\u00e0b', ignoreCase: true },
      ];
      const buf = Buffer.from('xab XAB \u00e0B \u00c0b', 'latin1');
      const want = run('dfa', keywords, buf);
      expect(want).toEqual([
        [3, 0],
        [1, 1],
        [2, 1],
        [4, 1],
        [0, 2],
        [3, 4],
        [1, 5],
        [4, 5],
        [5, 8],
        [0, 12],
      ]);
      expect(run('indexof', keywords, buf)).toEqual(want);
    });

    it('scans a Uint8Array that is a view into a larger buffer', () => {
      const keywords: KeywordSpec[] = [{ text: 'key', ignoreCase: true }];
      const backing = Buffer.from('KEY..key..KeY..kEy', 'latin1');
      const view = new Uint8Array(backing.buffer, backing.byteOffset + 5, 10);
      expect(run('indexof', keywords, view)).toEqual(run('dfa', keywords, view));
      expect(run('indexof', keywords, view)).toEqual([
        [0, 0],
        [0, 5],
      ]);
    });

    it('by default gives the same hits as the DFA across calls before, across and after the threshold where it builds the DFA', () => {
      const t = new TokenFactory('prefilter-indexof-threshold');
      const alphabet = 'abcdefghijklmnopqrstuvwxyzAB:_\u00e0';
      const keywords = relatedKeywords(t, alphabet, 30);
      const buf = Buffer.from(t.chars(`${alphabet} `, 200_000), 'latin1');
      const auto = buildPrefilter(keywords);
      const dfa = buildPrefilter(keywords, 'dfa');
      let scanned = 0;
      let calls = 0;
      const mismatches: string[] = [];
      // Windows of varied sizes, overlapping like a stream's carried tail, until well past the threshold.
      while (scanned < 2 * INDEXOF_UNTIL_BYTES) {
        const from = t.int(buf.length - 1000);
        const to = from + 1 + t.int(Math.min(buf.length - from - 1, t.pick([1000, 40_000, 150_000])));
        const got = scanAll(auto, buf, from, to);
        const want = scanAll(dfa, buf, from, to);
        if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`call ${calls} [${from},${to}) after ${scanned} bytes: ${got.length} hits, want ${want.length}`);
        scanned += to - from;
        calls++;
      }
      expect(mismatches).toEqual([]);
      expect(calls).toBeGreaterThan(3);
    });
  });

  it('reports exact offsets past 2 GiB in one call (SIMD kernels)', () => {
    // Zero pages cost little until touched; the kernels read every byte once.
    const size = 2 ** 31 + 256 * 1024;
    const buf = Buffer.alloc(size);
    const keywords: KeywordSpec[] = [
      { text: 'AKIA', ignoreCase: false },
      { text: 'secret', ignoreCase: true },
    ];
    const planted: Array<[number, number]> = [];
    for (const at of [5, 2 ** 31 - 70_000, 2 ** 31 - 2, 2 ** 31 + 10, 2 ** 31 + 65_530, size - 6]) {
      const kw = planted.length % 2;
      // `buf.write` misplaces text in buffers past 2 GiB on Node 20; `set` does not.
      buf.set(Buffer.from(kw === 0 ? 'AKIA' : 'SeCrEt', 'latin1'), at);
      planted.push([kw, at]);
    }
    const want = planted.sort((a, b) => a[1] + keywords[a[0]]!.text.length - (b[1] + keywords[b[0]]!.text.length));
    for (const kind of kinds.filter((k): k is 'simd' | 'native' => k === 'simd' || k === 'native')) {
      expect(JSON.stringify(run(kind, keywords, buf)), kind).toBe(JSON.stringify(want));
    }
  }, 120_000);

  it('rejects an empty keyword with a stable code', () => {
    let err: unknown;
    try {
      buildPrefilter([{ text: 'ok', ignoreCase: false }, { text: '', ignoreCase: true }]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PrefilterError);
    expect((err as PrefilterError).code).toBe('PREFILTER_EMPTY_KEYWORD');
    expect((err as PrefilterError).keyword).toBe(1);
    expect(() => buildIndexOfPrefilter([{ text: '', ignoreCase: false }])).toThrow(PrefilterError);
  });
});
