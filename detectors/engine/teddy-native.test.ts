import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildDfaPrefilter } from './dfa.js';
import type { KeywordSpec, Prefilter } from './prefilter-types.js';
import { buildNativeTeddyPrefilter, nativePrefilterAvailable, nativeShape, nativePrefilterStatus, NativePrefilterError, packNativePlan, type NativeKernel } from './teddy-native.js';
import { buildTeddyPrefilter, planTeddy } from './teddy.js';
import { keywordSpecsOf } from './keyword-specs.js';
import { ALL_DETECTORS } from '../registry.js';
import { TokenFactory } from '../../test/support/token-factory.js';

const required = process.env['PUSHGATE_REQUIRE_NATIVE'] === '1';
const available = nativePrefilterAvailable();

type Hit = [number, number];

/** The obvious search: every keyword at every offset, then the order every prefilter promises. */
function naive(keywords: readonly KeywordSpec[], buf: Uint8Array, from: number, to: number): Hit[] {
  const hits: Hit[] = [];
  keywords.forEach((k, kw) => {
    const pat = Buffer.from(k.text, 'latin1');
    const fold = (b: number): number => (k.ignoreCase && b >= 0x61 && b <= 0x7a ? b - 0x20 : b);
    for (let i = from; i + pat.length <= to; i++) {
      let ok = true;
      for (let j = 0; j < pat.length && ok; j++) ok = k.ignoreCase ? fold(buf[i + j]!) === fold(pat[j]!) : buf[i + j] === pat[j];
      if (ok) hits.push([kw, i]);
    }
  });
  const len = (kw: number): number => Buffer.byteLength(keywords[kw]!.text, 'latin1');
  // By end, then longer first (at one end, longer means earlier start), then keyword index.
  return hits.sort((a, b) => a[1] + len(a[0]) - (b[1] + len(b[0])) || a[1] - b[1] || a[0] - b[0]);
}

function scanAll(p: Prefilter, buf: Uint8Array, from = 0, to = buf.length): Hit[] {
  const hits: Hit[] = [];
  p.scan(buf, from, to, (kw, start) => hits.push([kw, start]));
  return hits;
}

/** Small alphabets make overlaps, shared prefixes and near misses common; the last has NUL and high bytes. */
const ALPHABETS = [
  'ab',
  'abAB',
  'abcABC:/_-.',
  'xyzXYZ019@`[{',
  '\u0000\u0001ab\u007f\u0080\u00c0\u00e0\u00ffAB',
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_',
];

/** Random keywords: some 1-2 bytes, some past 16 bytes, about a third ignoring case. */
function randomKeywords(t: TokenFactory, alphabet: string, count: number): KeywordSpec[] {
  const keywords: KeywordSpec[] = [];
  for (let i = 0; i < count; i++) {
    const len = t.pick([1, 2, 1 + t.int(6), 3 + t.int(12), 15 + t.int(30)]);
    keywords.push({ text: t.chars(alphabet, len), ignoreCase: t.int(3) === 0 });
  }
  return keywords;
}

/** Random text with whole keywords planted, some at the very start and end. */
function randomText(t: TokenFactory, alphabet: string, keywords: readonly KeywordSpec[], size: number): Buffer {
  let text = t.chars(alphabet, size);
  for (let i = 0; i < 1 + size / 200 && keywords.length > 0; i++) {
    const k = t.pick(keywords).text;
    const at = t.pick([0, text.length, t.int(text.length + 1)]);
    text = text.slice(0, at) + k + text.slice(at);
  }
  return Buffer.from(text, 'latin1');
}

const same = (got: Hit[], want: Hit[]): boolean => JSON.stringify(got) === JSON.stringify(want);

describe('native Teddy prefilter (addon)', () => {
  it('loads the addon when PUSHGATE_REQUIRE_NATIVE=1 (otherwise it may be unavailable)', () => {
    const st = nativePrefilterStatus();
    if (required) expect({ available: st.available, reason: st.reason }).toEqual({ available: true, reason: undefined });
    if (st.available) expect(['avx512', 'avx2', 'ssse3']).toContain(st.kernel);
    else expect(() => buildNativeTeddyPrefilter([{ text: 'ab', ignoreCase: false }])).toThrow(expect.objectContaining({ code: 'PREFILTER_NATIVE_UNAVAILABLE' }));
  });
});

describe.skipIf(!available && !required)('native Teddy prefilter', () => {
  const kernels: readonly NativeKernel[] = nativePrefilterStatus().kernels.length > 0 ? nativePrefilterStatus().kernels : ['avx2'];

  for (const kernel of kernels) {
    describe(kernel, () => {
      it('matches a naive search and the DFA on random keyword sets, texts and windows', () => {
        const t = new TokenFactory(`native-diff-${kernel}`);
        const failures: string[] = [];
        for (let round = 0; round < 300; round++) {
          const alphabet = t.pick(ALPHABETS);
          const keywords = randomKeywords(t, alphabet, 1 + t.int(t.pick([4, 16, 40, 170])));
          const text = randomText(t, alphabet, keywords, t.pick([0, 1, 5, 31, 33, 64, 300, 2000, 5000]));
          const from = t.int(3) === 0 ? t.int(text.length + 1) : 0;
          const to = t.int(3) === 0 ? from + t.int(text.length - from + 1) : text.length;
          const native = buildNativeTeddyPrefilter(keywords, {
            kernel,
            ...(t.int(4) === 0 ? { window: 1 + t.int(100), outHits: 1 + t.int(5) } : {}),
            ...(t.int(4) === 0 ? { bucketBits: 1 + t.int(3) } : {}),
            // Every fingerprint width and bucket-group count the addon has, not only nativeShape's.
            ...(t.int(2) === 0 ? { width: 1 + t.int(4), groups: 1 + t.int(4) } : {}),
          });
          const want = naive(keywords, text, from, to);
          const got = scanAll(native, text, from, to);
          const dfa = scanAll(buildDfaPrefilter(keywords), text, from, to);
          if (!same(got, want) || !same(dfa, want)) {
            failures.push(`round ${round}: ${keywords.length} keywords, ${text.length} bytes [${from},${to}): ${got.length} hits, want ${want.length}`);
          }
        }
        expect(failures).toEqual([]);
      });

      it('gets every length 0..100 right, around the block and the zero-padded tail, in subarrays with a byteOffset', () => {
        const t = new TokenFactory(`native-edges-${kernel}`);
        const failures: string[] = [];
        for (const alphabet of ['ab', 'abcABC:/_-.', '\u0000\u0001ab\u007f\u0080\u00c0\u00e0\u00ffAB']) {
          const keywords = randomKeywords(t, alphabet, 40);
          const native = buildNativeTeddyPrefilter(keywords, { kernel });
          for (let len = 0; len <= 100; len++) {
            // The text is a view in the middle of a larger buffer full of planted keywords: nothing outside
            // the view may be read or reported.
            const backing = randomText(t, alphabet, keywords, len + 300);
            const offset = 1 + t.int(150);
            const view = new Uint8Array(backing.buffer, backing.byteOffset + offset, Math.min(len, backing.length - offset));
            const copy = Uint8Array.from(view);
            const windows: Array<[number, number]> = [[0, view.length]];
            for (let i = 0; i < 4; i++) {
              const from = t.int(view.length + 1);
              windows.push([from, from + t.int(view.length - from + 1)]);
            }
            windows.push([Math.max(0, view.length - 3), view.length], [0, Math.min(view.length, 35)]);
            for (const [from, to] of windows) {
              const want = naive(keywords, copy, from, to);
              if (!same(scanAll(native, view, from, to), want)) failures.push(`${JSON.stringify(alphabet)} length ${len} [${from},${to})`);
            }
          }
        }
        expect(failures).toEqual([]);
      });

      it('resumes when its output fills: text made of candidate bytes, every position a hit', () => {
        const keywords: KeywordSpec[] = [
          { text: 'a', ignoreCase: false },
          { text: 'aa', ignoreCase: true },
          { text: 'aaa', ignoreCase: false },
          { text: 'AAAAAAAAAAAAAAAAAAAA', ignoreCase: true },
          { text: 'a', ignoreCase: true },
          { text: 'b', ignoreCase: false },
        ];
        const text = Buffer.from('a'.repeat(40_000) + 'b' + 'A'.repeat(3_000), 'latin1');
        const want = naive(keywords, text, 0, text.length);
        expect(want.length).toBeGreaterThan(100_000);
        for (const opts of [{}, { outHits: 1 }, { outHits: 7, window: 33 }, { window: 1 }]) {
          expect(scanAll(buildNativeTeddyPrefilter(keywords, { kernel, ...opts }), text)).toEqual(want);
        }
        expect(scanAll(buildNativeTeddyPrefilter(keywords, { kernel }), text, 39_990, 40_010)).toEqual(naive(keywords, text, 39_990, 40_010));
      });

      it('finds the registry keywords like the DFA and the WebAssembly kernel in mixed text', () => {
        const t = new TokenFactory(`native-registry-${kernel}`);
        const keywords = keywordSpecsOf(ALL_DETECTORS);
        expect(keywords.length).toBeGreaterThan(150);
        const parts: string[] = [];
        let size = 0;
        while (size < 600_000) {
          const part = t.pick([
            () => t.chars('abcdefghijklmnopqrstuvwxyz     \n(){};=._', 40 + t.int(400)),
            () => t.pick(keywords).text,
            () => `const ${t.chars('abcdefghij', 6)} = "${t.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 20 + t.int(30))}";\n`,
            () => t.pick(keywords).text.toUpperCase(),
            () => t.chars('\u0000\u0080\u00ff\t\r\n', 1 + t.int(20)),
          ])();
          parts.push(part);
          size += part.length;
        }
        const text = Buffer.from(parts.join(''), 'latin1');
        const want = scanAll(buildDfaPrefilter(keywords), text);
        expect(want.length).toBeGreaterThan(1000);
        const native = buildNativeTeddyPrefilter(keywords, { kernel });
        expect(scanAll(native, text)).toEqual(want);
        expect(scanAll(buildTeddyPrefilter(keywords), text)).toEqual(want);
        // Windows whose ends cut keywords, and small windows and output buffers.
        const windowed = buildNativeTeddyPrefilter(keywords, { kernel, window: 4093, outHits: 3 });
        for (let i = 0; i < 20; i++) {
          const from = t.int(text.length);
          const to = from + t.int(Math.min(text.length - from, 100_000) + 1);
          expect(scanAll(native, text, from, to)).toEqual(scanAll(buildDfaPrefilter(keywords), text, from, to));
          expect(scanAll(windowed, text, from, to)).toEqual(scanAll(native, text, from, to));
        }
        const small = text.subarray(0, 20_000);
        expect(scanAll(native, small)).toEqual(naive(keywords, small, 0, small.length));
        // The registry is past nativeShape's threshold for three groups; every other shape finds the same.
        expect(nativeShape(keywords.length)).toEqual([3, 3]);
        for (let groups = 1; groups <= 4; groups++) {
          for (let width = 1; width <= 4; width++) {
            expect(scanAll(buildNativeTeddyPrefilter(keywords, { kernel, width, groups }), text), `width ${width}, ${groups} groups`).toEqual(want);
          }
        }
      });
    });
  }

  it('leaves out hits whose keyword requirement does not hold, up to the end of the scanned range, and keeps the rest', () => {
    const t = new TokenFactory('native-requirements');
    const flags = (chars: string): Uint8Array => {
      const f = new Uint8Array(256);
      for (const c of chars) f[c.charCodeAt(0)] = 1;
      return f;
    };
    const holds = (k: KeywordSpec, buf: Uint8Array, end: number, to: number): boolean => {
      const r = k.requires;
      if (r === undefined) return true;
      for (let i = end; i < Math.min(to, end + r.within); i++) {
        if (r.anyOf[buf[i]!] === 1) return true;
        if (r.over !== null && r.over[buf[i]!] !== 1) return false;
      }
      return false;
    };
    let kept = 0;
    let dropped = 0;
    for (let round = 0; round < 500; round++) {
      const keywords: KeywordSpec[] = [
        { text: '://', ignoreCase: false, requires: { anyOf: flags('@'), over: flags('abc:/.'), within: 1 + t.int(12) } },
        { text: 'Key', ignoreCase: true, requires: { anyOf: flags('='), over: null, within: 1 + t.int(4) } },
        { text: 'ab', ignoreCase: false },
      ];
      const buf = Buffer.from(t.chars('abc:/.@= kKeEyY', 20 + t.int(400)), 'latin1');
      const from = t.int(10);
      const to = buf.length - t.int(10);
      const all = scanAll(buildDfaPrefilter(keywords.map(({ text, ignoreCase }) => ({ text, ignoreCase }))), buf, from, to);
      const want = all.filter(([kw, start]) => holds(keywords[kw]!, buf, start + keywords[kw]!.text.length, to));
      kept += want.length;
      dropped += all.length - want.length;
      expect(scanAll(buildNativeTeddyPrefilter(keywords), buf, from, to)).toEqual(want);
    }
    expect(kept).toBeGreaterThan(100);
    expect(dropped).toBeGreaterThan(100);
  });

  it('gives a scan started from inside a callback its own output buffer and hit queue', () => {
    const keywords: KeywordSpec[] = [
      { text: 'ab', ignoreCase: false },
      { text: 'abab', ignoreCase: true },
      { text: 'b', ignoreCase: false },
    ];
    const text = Buffer.from('abABab b '.repeat(3000), 'latin1');
    const native = buildNativeTeddyPrefilter(keywords, { outHits: 5 });
    const want = naive(keywords, text, 0, text.length);
    const inner = naive(keywords, text, 100, 200);
    const got: Hit[] = [];
    let nested = 0;
    native.scan(text, 0, text.length, (kw, start) => {
      got.push([kw, start]);
      if (got.length % 1000 === 1) {
        expect(scanAll(native, text, 100, 200)).toEqual(inner);
        nested++;
      }
    });
    expect(nested).toBeGreaterThan(3);
    expect(got).toEqual(want);
  });

  it('finds nothing in empty input, an empty range, or with no keywords; rejects empty keywords with a stable code', () => {
    const k: KeywordSpec[] = [{ text: 'abc', ignoreCase: false }];
    expect(scanAll(buildNativeTeddyPrefilter(k), Buffer.alloc(0))).toEqual([]);
    expect(scanAll(buildNativeTeddyPrefilter(k), Buffer.from('abcabc'), 3, 3)).toEqual([]);
    expect(scanAll(buildNativeTeddyPrefilter([]), Buffer.from('abcabc'))).toEqual([]);
    // A range past the buffer is clipped to it, as the other prefilters' slices are.
    expect(scanAll(buildNativeTeddyPrefilter(k), Buffer.from('abcabc'), -5, 100)).toEqual([
      [0, 0],
      [0, 3],
    ]);
    let err: unknown;
    try {
      buildNativeTeddyPrefilter([{ text: 'ok', ignoreCase: false }, { text: '', ignoreCase: true }]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NativePrefilterError);
    expect((err as NativePrefilterError).code).toBe('PREFILTER_EMPTY_KEYWORD');
  });

  it('has an addon that checks its plan and ranges instead of reading outside the buffer', () => {
    const path = nativePrefilterStatus().path!;
    const addon = createRequire(import.meta.url)(path) as {
      compile(plan: Uint8Array): object;
      scan(handle: object, buf: Uint8Array, from: number, to: number, lo: number, hi: number, out: Int32Array): number;
    };
    const plan = packNativePlan(planTeddy([{ text: 'abc', ignoreCase: false }]));
    const handle = addon.compile(plan);
    const buf = Buffer.from('xxabcxxabc');
    const out = new Int32Array(64);
    expect(addon.scan(handle, buf, 0, buf.length, 0, buf.length, out)).toBe(buf.length);
    expect(Array.from(out.subarray(0, 5))).toEqual([2, 0, 2, 0, 7]);
    // Starts are relative to lo.
    addon.scan(handle, buf, 5, buf.length, 3, buf.length, out);
    expect(Array.from(out.subarray(0, 3))).toEqual([1, 0, 4]);
    const code = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        return (e as { code?: unknown }).code;
      }
      return 'no error';
    };
    expect(code(() => addon.scan(handle, buf, 0, buf.length + 1, 0, buf.length, out))).toBe('PREFILTER_NATIVE_RANGE');
    expect(code(() => addon.scan(handle, buf, 0, buf.length, 0, buf.length + 1, out))).toBe('PREFILTER_NATIVE_RANGE');
    expect(code(() => addon.scan(handle, buf, -1, 3, 0, 3, out))).toBe('PREFILTER_NATIVE_RANGE');
    expect(code(() => addon.scan(handle, buf, 0, 3, 0, 3, new Int32Array(2)))).toBe('PREFILTER_NATIVE_RANGE');
    expect(code(() => addon.scan({}, buf, 0, 3, 0, 3, out))).toBe('PREFILTER_NATIVE_ARG');
    expect(code(() => addon.scan(handle, new Uint16Array(4) as unknown as Uint8Array, 0, 3, 0, 3, out))).toBe('PREFILTER_NATIVE_ARG');
    // A corrupted table offset, table size or record (its last 32 bytes: keyword, offset, length, next, then
    // pattern and mask) is refused at compile time.
    for (const at of [20, 16, plan.length - 32, plan.length - 28, plan.length - 24, plan.length - 20]) {
      const bad = Uint8Array.from(plan);
      bad[at] = (bad[at]! + 77) & 0xff;
      expect(code(() => addon.compile(bad))).toBe('PREFILTER_NATIVE_PLAN');
    }
    expect(code(() => addon.compile(plan.subarray(0, plan.length - 1)))).toBe('PREFILTER_NATIVE_PLAN');
  });
});
