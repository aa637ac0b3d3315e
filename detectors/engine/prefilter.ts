import type { HitCallback, KeywordSpec, Prefilter } from './prefilter-types.js';
import { buildTeddyPrefilter, wasmSimdAvailable } from './teddy.js';
import { buildDfaPrefilter } from './dfa.js';
import { buildNativeTeddyPrefilter, nativePrefilterAvailable } from './teddy-native.js';

export type { HitCallback, KeywordSpec, Prefilter } from './prefilter-types.js';

/**
 * Keyword prefilter: finds every occurrence of every keyword in one pass,
 * overlapping ones included, ASCII case-insensitively where asked.
 *
 * Four exact implementations that report the same hits in the same order:
 * native `Buffer.indexOf` once per keyword (below: nothing to build, but the
 * cost grows with keywords times bytes), the Aho-Corasick DFA (dfa.ts,
 * 150-550 MB/s, built in 3-8 ms for the engine's keywords in a cold process),
 * the WebAssembly SIMD kernel (teddy.ts, about 1 GB/s on source text, planned
 * and compiled in about 20 ms) and the same search in a native addon
 * (teddy-native.ts, AVX-512 or AVX2, 2 to 4 GB/s, planned in 13-23 ms; built by
 * `npm install` where a C compiler is). The default starts with indexOf,
 * builds the DFA once INDEXOF_UNTIL_BYTES have been scanned and moves to the
 * native kernel after NATIVE_AFTER_BYTES, or to the WebAssembly one after
 * SIMD_AFTER_BYTES without the addon: a push hook scanning a small diff never
 * pays a set-up, a history scan pays each once.
 */
export class PrefilterError extends Error {
  readonly code = 'PREFILTER_EMPTY_KEYWORD';
  constructor(readonly keyword: number) {
    super(`keyword #${keyword} is empty`);
  }
}

/** `simd`: the WebAssembly kernel; `native`: the addon's (throws where it is not built). */
export type PrefilterKind = 'native' | 'simd' | 'dfa';

/**
 * Bytes (all scan calls together, the current one included) the default
 * prefilter searches with indexOf before it builds the DFA. Measured in cold
 * processes on source text with the engine's keywords (105 identifiable, 162
 * in all), in 64 KB calls: indexOf costs about 2 ms per 64 KB; the DFA 6-15 ms
 * to build, then 0.3-2 ms per 64 KB as the JIT warms up. Their totals are
 * about equal between 256 and 512 KB; from here on, the build is paid back.
 */
export const INDEXOF_UNTIL_BYTES = 256 * 1024;

/**
 * Bytes after which the default moves to the native kernel. Its planning
 * (13-23 ms cold) is what the DFA spends on 0.5-4 MB (0.3-2 ms per 64 KB
 * as its JIT warms up).
 */
export const NATIVE_AFTER_BYTES = 1024 * 1024;

export const SIMD_AFTER_BYTES = 8 * 1024 * 1024;

let simd: boolean | undefined;
let native: boolean | undefined;

function checkKeywords(keywords: readonly KeywordSpec[]): void {
  keywords.forEach((k, i) => {
    if (k.text.length === 0) throw new PrefilterError(i);
  });
}

export interface PrefilterOptions {
  /**
   * Bytes a related prefilter has scanned, counted with this one's own when
   * the default kind chooses. The engine's scan of decoded bytes passes the
   * outer scan's count: its calls are small, but an engine that has scanned
   * megabytes will scan more.
   */
  readonly scannedElsewhere?: () => number;
  /**
   * The keywords with their `requires`, for the native kernel (the only kind
   * that applies them), asked for when that kernel is built: deciding which
   * keywords may carry a requirement costs the engine about a millisecond
   * cold, which a push hook scanning a small diff never needs to pay.
   */
  readonly withRequirements?: () => readonly KeywordSpec[];
}

/** The default kind starts with indexOf and moves to faster kinds as bytes are scanned (see above). */
export function buildPrefilter(keywords: readonly KeywordSpec[], kind?: PrefilterKind, options: PrefilterOptions = {}): Prefilter {
  checkKeywords(keywords);
  const { scannedElsewhere, withRequirements } = options;
  if (kind === 'native') return buildNativeTeddyPrefilter(withRequirements?.() ?? keywords);
  if (kind === 'simd') return buildTeddyPrefilter(keywords);
  if (kind === 'dfa') return buildDfaPrefilter(keywords);
  const small = buildIndexOfPrefilter(keywords);
  let dfa: Prefilter | undefined;
  let fast: Prefilter | undefined;
  let own = 0;
  return {
    keywords,
    scan(buf, from, to, onHit) {
      if (fast === undefined) {
        // This call's bytes count before the choice: one large first call goes straight to a faster kind.
        own += to - from;
        const scanned = own + (scannedElsewhere?.() ?? 0);
        if (scanned > NATIVE_AFTER_BYTES && (native ??= nativePrefilterAvailable())) fast = buildNativeTeddyPrefilter(withRequirements?.() ?? keywords);
        else if (scanned > SIMD_AFTER_BYTES && (simd ??= wasmSimdAvailable())) fast = buildTeddyPrefilter(keywords);
        else if (scanned > INDEXOF_UNTIL_BYTES) dfa ??= buildDfaPrefilter(keywords);
      }
      (fast ?? dfa ?? small).scan(buf, from, to, onHit);
    },
  };
}

/** Each byte with A-Z mapped to a-z. */
const ASCII_LOWER = Uint8Array.from({ length: 256 }, (_, b) => (b >= 0x41 && b <= 0x5a ? b + 0x20 : b));
/** The latin1 characters other than A-Z that `toLowerCase` changes (to 0xe0-0xfe). */
const LATIN1_UPPER = /[\xc0-\xde]/g;

/**
 * A copy of `bytes` with A-Z in lower case. Native `toLowerCase` on the latin1
 * string is several times faster than a byte loop in a cold process, but also
 * folds 0xc0-0xde: those bytes (rare in source text) are put back.
 */
function asciiLowerCase(bytes: Buffer): Buffer {
  const text = bytes.toString('latin1');
  const lower = Buffer.from(text.toLowerCase(), 'latin1');
  LATIN1_UPPER.lastIndex = 0;
  for (let m = LATIN1_UPPER.exec(text); m !== null; m = LATIN1_UPPER.exec(text)) lower[m.index] = bytes[m.index]!;
  return lower;
}

/**
 * The small-input prefilter: `Buffer.indexOf` (native) for each keyword in
 * turn, case-insensitive ones in a copy of the input with ASCII letters in
 * lower case (made once per scan, only when some keyword needs it), every
 * occurrence (overlapping ones too); then the hits are sorted into the
 * Aho-Corasick order the other implementations report: by end offset, longer
 * keyword first, then keyword index. Nothing is built up front; a scan costs
 * about one pass over the input per keyword.
 */
export function buildIndexOfPrefilter(keywords: readonly KeywordSpec[]): Prefilter {
  checkKeywords(keywords);
  const count = keywords.length;
  // Every needle is a view of one buffer: one conversion instead of one per keyword (a push hook builds
  // this for about 500 keywords on every run, where each Buffer.from cost microseconds of cold code).
  const lengths = keywords.map((k) => k.text.length);
  const all = Buffer.from(keywords.map((k) => k.text).join(''), 'latin1');
  const needles: Uint8Array[] = [];
  let at = 0;
  for (let kw = 0; kw < count; kw++) {
    const end = at + lengths[kw]!;
    if (keywords[kw]!.ignoreCase) for (let i = at; i < end; i++) all[i] = ASCII_LOWER[all[i]!]!;
    // A plain view: Buffer#indexOf takes any Uint8Array, and Buffer#subarray costs more to make.
    needles.push(new Uint8Array(all.buffer, all.byteOffset + at, end - at));
    at = end;
  }
  const folds = keywords.some((k) => k.ignoreCase);
  // Hits at one end offset are reported longer keyword first, then by index: that order as a rank.
  // A counting sort: a comparator sort of ~2000 keywords was a tenth of a cold engine build.
  let maxLength = 0;
  // Indexed loops: built cold on every hook run, where for-of allocates per iteration.
  for (let kw = 0; kw < count; kw++) if (lengths[kw]! > maxLength) maxLength = lengths[kw]!;
  const startOf = new Int32Array(maxLength + 2);
  for (let kw = 0; kw < count; kw++) startOf[maxLength - lengths[kw]! + 1]!++;
  for (let i = 1; i < startOf.length; i++) startOf[i]! += startOf[i - 1]!;
  const byRank = new Int32Array(count);
  for (let kw = 0; kw < count; kw++) byRank[startOf[maxLength - lengths[kw]!]!++] = kw;
  const rank = new Int32Array(count);
  byRank.forEach((kw, r) => (rank[kw] = r));
  let huge: Prefilter | undefined;
  return {
    keywords,
    scan(buf, from, to, onHit) {
      const n = to - from;
      if (n <= 0 || count === 0) return;
      if ((n + 1) * count > Number.MAX_SAFE_INTEGER) {
        // The sort keys below would not be exact doubles (a million keywords over gigabytes): not a case to make fast.
        (huge ??= buildDfaPrefilter(keywords)).scan(buf, from, to, onHit);
        return;
      }
      const exact = Buffer.from(buf.buffer, buf.byteOffset + from, n);
      const lower = folds ? asciiLowerCase(exact) : undefined;
      // (keyword, start) pairs, start relative to `from`.
      const hits: number[] = [];
      for (let kw = 0; kw < count; kw++) {
        const needle = needles[kw]!;
        const hay = keywords[kw]!.ignoreCase ? lower! : exact;
        for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) hits.push(kw, at);
      }
      if (hits.length === 0) return;
      // One key per hit: end offset, then the keyword's rank (longer first, then by index).
      const keys = new Float64Array(hits.length >> 1);
      for (let h = 0; h < hits.length; h += 2) {
        const kw = hits[h]!;
        keys[h >> 1] = (hits[h + 1]! + lengths[kw]!) * count + rank[kw]!;
      }
      keys.sort();
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        const r = key % count;
        const kw = byRank[r]!;
        onHit(kw, from + (key - r) / count - lengths[kw]!);
      }
    },
  };
}
