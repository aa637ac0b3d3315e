import { FunctionBody, I32, V128, encodeModule } from './wasm-emit.js';
import { SOURCE_BYTE_FREQUENCY } from './source-byte-frequency.js';
import type { HitCallback, KeywordSpec, Prefilter } from './prefilter-types.js';

/**
 * Teddy-style SIMD multi-literal search (the idea of Hyperscan's and Rust
 * aho-corasick's "Teddy"), as a WebAssembly SIMD kernel generated for the
 * keyword set.
 *
 * Every keyword gets a fingerprint: FINGERPRINT consecutive bytes of it (the
 * rarest window by a byte-frequency model of source text) and is put in one
 * of 8 buckets. For each fingerprint position k the kernel holds two 16-byte
 * tables indexed by the low and the high nibble of a byte; bit b of an entry
 * says "some keyword of bucket b allows this nibble here". Sixteen text
 * positions are tested at once with `i8x16.swizzle` (pshufb): a lane whose
 * AND over all tables is non-zero is a candidate, and only the keywords of
 * its buckets are compared byte for byte (with a case-folding mask where
 * asked). Source text is mostly lanes that fail the nibble test, so the
 * common path is about two dozen vector instructions per 16 bytes.
 *
 * Why WebAssembly: JavaScript has no byte-shuffle instruction, and a
 * table-driven DFA in JavaScript pays a dependent load per byte (about 300
 * MB/s). Why generated: the tables are constants baked into the code, and a
 * hand-written emitter (wasm-emit.ts) keeps the source of the module in this
 * repository with nothing prebuilt and no extra toolchain.
 *
 * Exact: the fingerprint test only removes positions where no keyword can
 * start; every surviving candidate is verified in full, so every occurrence
 * (overlapping ones too) is reported once.
 */

const BUCKETS = 8;
/** Fingerprint length in bytes; shorter keywords use wildcards for the missing bytes. */
const FINGERPRINT = 3;
/** Text bytes copied into WebAssembly memory per kernel call. */
const CHUNK = 64 * 1024;
/** Hits the kernel may write before it returns to JavaScript to have them drained. */
const OUT_HITS = 4096;

// Memory layout (byte addresses); the text chunk and the hit output follow.
const SLOT_OUT = 0; // i32: output pointer when the kernel returns
const SCRATCH = 16; // 16 bytes: the candidate vector, read back lane by lane

interface PlannedKeyword {
  readonly index: number;
  readonly bytes: Uint8Array;
  readonly ignoreCase: boolean;
  /** Offset of the fingerprint inside the keyword. */
  readonly offset: number;
  /** Per fingerprint position: the accepted nibbles as 16-bit sets (all ones for a wildcard). */
  readonly lo: readonly number[];
  readonly hi: readonly number[];
}

function variants(byte: number, ignoreCase: boolean): number[] {
  if (ignoreCase && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a))) return [byte & 0xdf, byte | 0x20];
  return [byte];
}

/**
 * Probability (by the frequency model) that a byte has a low nibble in `lo`
 * and a high nibble in `hi` (16-bit sets). Sums over low nibbles are
 * precomputed per high nibble and per half of the set, so planning stays in
 * the low milliseconds.
 */
const FREQ_TOTAL = SOURCE_BYTE_FREQUENCY.reduce((a, b) => a + b, 0);
const LO_SUMS = (() => {
  const sums = new Float64Array(16 * 2 * 256);
  for (let h = 0; h < 16; h++) {
    for (let half = 0; half < 2; half++) {
      for (let set = 0; set < 256; set++) {
        let sum = 0;
        for (let l = 0; l < 8; l++) if (set & (1 << l)) sum += SOURCE_BYTE_FREQUENCY[(h << 4) | (half * 8 + l)]!;
        sums[(h * 2 + half) * 256 + set] = sum / FREQ_TOTAL;
      }
    }
  }
  return sums;
})();
function nibbleRate(lo: number, hi: number): number {
  let sum = 0;
  for (let h = 0; h < 16; h++) {
    if ((hi & (1 << h)) !== 0) sum += LO_SUMS[h * 512 + (lo & 0xff)]! + LO_SUMS[h * 512 + 256 + (lo >>> 8)]!;
  }
  return sum;
}

function fingerprintSets(bytes: Uint8Array, ignoreCase: boolean, offset: number, width: number): { lo: number[]; hi: number[] } {
  const lo: number[] = [];
  const hi: number[] = [];
  for (let k = 0; k < width; k++) {
    const at = offset + k;
    if (at >= bytes.length) {
      lo.push(0xffff);
      hi.push(0xffff);
      continue;
    }
    let l = 0;
    let h = 0;
    for (const v of variants(bytes[at]!, ignoreCase)) {
      l |= 1 << (v & 15);
      h |= 1 << (v >> 4);
    }
    lo.push(l);
    hi.push(h);
  }
  return { lo, hi };
}

function rateOf(lo: readonly number[], hi: readonly number[]): number {
  let r = 1;
  for (let k = 0; k < lo.length; k++) r *= nibbleRate(lo[k]!, hi[k]!);
  return r;
}

function planKeyword(spec: KeywordSpec, index: number, width: number): PlannedKeyword {
  const bytes = Uint8Array.from(Buffer.from(spec.text, 'latin1'));
  let best: PlannedKeyword | undefined;
  let bestRate = Infinity;
  for (let offset = 0; offset <= Math.max(0, bytes.length - width); offset++) {
    const { lo, hi } = fingerprintSets(bytes, spec.ignoreCase, offset, width);
    const r = rateOf(lo, hi);
    if (r < bestRate) {
      bestRate = r;
      best = { index, bytes, ignoreCase: spec.ignoreCase, offset, lo, hi };
    }
  }
  return best!;
}

/** Expected work of a bucket per text byte: how often it fires times the keywords it must verify. */
function bucketCost(members: readonly PlannedKeyword[], extra?: PlannedKeyword, skip?: PlannedKeyword): number {
  const n = members.length + (extra ? 1 : 0) - (skip ? 1 : 0);
  if (n === 0) return 0;
  const width = (extra ?? members[0]!).lo.length;
  let rate = 1;
  for (let k = 0; k < width; k++) {
    let lo = extra ? extra.lo[k]! : 0;
    let hi = extra ? extra.hi[k]! : 0;
    for (const m of members) {
      if (m === skip) continue;
      lo |= m.lo[k]!;
      hi |= m.hi[k]!;
    }
    rate *= nibbleRate(lo, hi);
  }
  return rate * (4 + n);
}

/** Greedy assignment, most frequent keywords first, then single moves while they lower the total cost. */
function assignBuckets(planned: readonly PlannedKeyword[], count = BUCKETS): PlannedKeyword[][] {
  const buckets: PlannedKeyword[][] = Array.from({ length: count }, () => []);
  const costs = new Float64Array(count);
  const order = planned.map((m) => ({ m, rate: rateOf(m.lo, m.hi) })).sort((a, b) => b.rate - a.rate || a.m.index - b.m.index);
  for (const { m } of order) {
    let bestB = 0;
    let bestDelta = Infinity;
    for (let b = 0; b < count; b++) {
      const delta = bucketCost(buckets[b]!, m) - costs[b]!;
      if (delta < bestDelta) {
        bestDelta = delta;
        bestB = b;
      }
    }
    buckets[bestB]!.push(m);
    costs[bestB] = bucketCost(buckets[bestB]!);
  }
  for (let round = 0; round < 3; round++) {
    let moved = false;
    for (let from = 0; from < count; from++) {
      for (const m of [...buckets[from]!]) {
        const without = bucketCost(buckets[from]!, undefined, m);
        const gain = costs[from]! - without;
        let bestB = -1;
        let bestDelta = gain * (1 - 1e-9);
        for (let b = 0; b < count; b++) {
          if (b === from) continue;
          const delta = bucketCost(buckets[b]!, m) - costs[b]!;
          if (delta < bestDelta) {
            bestDelta = delta;
            bestB = b;
          }
        }
        if (bestB >= 0) {
          buckets[from] = buckets[from]!.filter((x) => x !== m);
          costs[from] = without;
          buckets[bestB]!.push(m);
          costs[bestB] = bucketCost(buckets[bestB]!);
          moved = true;
        }
      }
    }
    if (!moved) break;
  }
  return buckets;
}

/** The nibble tables: for fingerprint position k, lo[k][nibble] and hi[k][nibble] hold one bit per bucket. */
function nibbleTables(buckets: readonly PlannedKeyword[][], width: number): { lo: Uint8Array[]; hi: Uint8Array[] } {
  const lo = Array.from({ length: width }, () => new Uint8Array(16));
  const hi = Array.from({ length: width }, () => new Uint8Array(16));
  buckets.forEach((members, b) => {
    for (const m of members) {
      for (let k = 0; k < width; k++) {
        for (let n = 0; n < 16; n++) {
          if (m.lo[k]! & (1 << n)) lo[k]![n]! |= 1 << b;
          if (m.hi[k]! & (1 << n)) hi[k]![n]! |= 1 << b;
        }
      }
    }
  });
  return { lo, hi };
}

/**
 * The keyword as little-endian 64-bit (pattern, mask) words: the mask clears
 * bit 0x20 of letters of a case-insensitive keyword (whose pattern is upper
 * case there) and is zero past the keyword's end.
 */
function keywordWords(m: PlannedKeyword): Array<{ pattern: bigint; mask: bigint }> {
  const words: Array<{ pattern: bigint; mask: bigint }> = [];
  for (let w = 0; w * 8 < m.bytes.length; w++) {
    let pattern = 0n;
    let mask = 0n;
    for (let j = 7; j >= 0; j--) {
      const at = w * 8 + j;
      let pb = 0;
      let mb = 0;
      if (at < m.bytes.length) {
        const c = m.bytes[at]!;
        const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
        pb = m.ignoreCase && letter ? c & 0xdf : c;
        mb = m.ignoreCase && letter ? 0xdf : 0xff;
      }
      pattern = (pattern << 8n) | BigInt(pb);
      mask = (mask << 8n) | BigInt(mb);
    }
    words.push({ pattern, mask });
  }
  return words;
}

/**
 * scan(p, p1, lo, hi, out, outEnd) -> next p. Tests fingerprint positions
 * [p, p1); a verified keyword must lie in [lo, hi). Writes (keyword, start)
 * i32 pairs from `out`; returns early, with the position to resume from,
 * when fewer than `reserve` bytes of output space remain. The final output
 * pointer is stored at SLOT_OUT.
 *
 * Candidates are verified by code generated per bucket: each keyword is one
 * masked 64-bit compare (plus one per further 8 bytes), with constants in the
 * instructions, so a false candidate costs a few instructions per keyword.
 * Bytes outside [lo, hi) are read (memory has slack) but a hit must lie inside.
 */
function kernel(buckets: readonly PlannedKeyword[][], width: number, reserve: number): FunctionBody {
  const groups = Math.ceil(buckets.length / 8);
  const tables = Array.from({ length: groups }, (_, g) => nibbleTables(buckets.slice(g * 8, g * 8 + 8), width));
  const f = new FunctionBody(6);
  const [P, P1, LO, HI, OUT, OUT_END] = [0, 1, 2, 3, 4, 5];
  const mLo = tables.map((t) => t.lo.map(() => f.local(V128)));
  const mHi = tables.map((t) => t.hi.map(() => f.local(V128)));
  const nLo = Array.from({ length: width }, () => f.local(V128));
  const nHi = Array.from({ length: width }, () => f.local(V128));
  const R = tables.map(() => f.local(V128));
  const NIB = f.local(V128);
  const ZERO = f.local(V128);
  const V = f.local(V128);
  const bits = f.local(I32);
  const j = f.local(I32);
  const q = f.local(I32);
  const lane = f.local(I32);
  const start = f.local(I32);

  tables.forEach((t, g) => {
    t.lo.forEach((bytes, k) => f.v128Const(bytes).set(mLo[g]![k]!));
    t.hi.forEach((bytes, k) => f.v128Const(bytes).set(mHi[g]![k]!));
  });
  f.v128Const(new Uint8Array(16).fill(0x0f)).set(NIB);

  const verify = (m: PlannedKeyword): void => {
    const words = keywordWords(m);
    f.get(q);
    if (m.offset > 0) f.i32Const(m.offset).i32Sub();
    f.tee(start).i64Load(0).i64Const(words[0]!.mask).i64And().i64Const(words[0]!.pattern).i64Eq();
    f.if();
    f.get(start).get(LO).i32GeU().get(start).i32Const(m.bytes.length).i32Add().get(HI).i32LeU().i32And();
    f.if();
    for (let w = 1; w < words.length; w++) {
      f.get(start).i64Load(w * 8).i64Const(words[w]!.mask).i64And().i64Const(words[w]!.pattern).i64Eq();
      f.if();
    }
    f.get(OUT).i32Const(m.index).i32Store(0);
    f.get(OUT).get(start).i32Store(4);
    f.get(OUT).i32Const(8).i32Add().set(OUT);
    for (let w = 1; w < words.length; w++) f.end();
    f.end();
    f.end();
  };

  f.block(); // $exit
  f.loop(); // $scan
  f.get(P).get(P1).i32GeU().brIf(1);
  for (let k = 0; k < width; k++) {
    f.get(P).v128Load(k).tee(V).get(NIB).v128And().set(nLo[k]!);
    f.get(V).i32Const(4).i16x8ShrU().get(NIB).v128And().set(nHi[k]!);
  }
  for (let g = 0; g < groups; g++) {
    for (let k = 0; k < width; k++) {
      f.get(mLo[g]![k]!).get(nLo[k]!).i8x16Swizzle();
      f.get(mHi[g]![k]!).get(nHi[k]!).i8x16Swizzle();
      f.v128And();
      if (k > 0) f.v128And();
    }
    f.tee(R[g]!);
    if (g > 0) f.v128Or();
  }
  f.v128AnyTrue();
  f.if(); // candidates in this block
  {
    for (let g = 0; g < groups; g++) {
      f.i32Const(SCRATCH + 16 * g).get(R[g]!).v128Store();
      f.get(R[g]!).get(ZERO).i8x16Ne().i8x16Bitmask();
      if (g > 0) f.i32Or();
    }
    f.set(bits);
    f.block(); // $lanesDone
    f.loop(); // $lanes
    f.get(bits).i32Ctz().tee(j).get(P).i32Add().tee(q).get(P1).i32GeU().brIf(1);
    f.get(OUT).i32Const(reserve).i32Add().get(OUT_END).i32GtU();
    f.if().i32Const(SLOT_OUT).get(OUT).i32Store().get(q).return().end();
    for (let g = 0; g < groups; g++) {
      f.get(j).i32Load8U(SCRATCH + 16 * g).tee(lane);
      f.if();
      buckets.slice(g * 8, g * 8 + 8).forEach((members, b) => {
        if (members.length === 0) return;
        f.get(lane).i32Const(1 << b).i32And();
        f.if();
        for (const m of members) verify(m);
        f.end();
      });
      f.end();
    }
    f.get(bits).get(bits).i32Const(1).i32Sub().i32And().tee(bits);
    f.brIf(0);
    f.end(); // $lanes
    f.end(); // $lanesDone
  }
  f.end(); // if candidates
  f.get(P).i32Const(16).i32Add().set(P);
  f.br(0);
  f.end(); // $scan
  f.end(); // $exit
  f.i32Const(SLOT_OUT).get(OUT).i32Store();
  f.get(P1);
  return f;
}

type KernelFn = (p: number, p1: number, lo: number, hi: number, out: number, outEnd: number) => number;

/** True when this runtime can compile WebAssembly SIMD (Node 20 can). */
export function wasmSimdAvailable(): boolean {
  try {
    const f = new FunctionBody(0);
    f.v128Const(new Uint8Array(16)).v128AnyTrue().drop();
    return WebAssembly.validate(encodeModule(1, [{ name: 'f', params: [], results: [], body: f }]));
  } catch {
    return false;
  }
}

/** Groups of 8 buckets: each group costs 2 x width shuffles per 16 bytes and spreads the keywords thinner. */
function groupsFor(keywords: number): number {
  return keywords <= 24 ? 1 : keywords <= 160 ? 2 : 3;
}

export function buildTeddyPrefilter(keywords: readonly KeywordSpec[], width = FINGERPRINT, groups = groupsFor(keywords.length)): Prefilter {
  const planned = keywords.map((k, i) => planKeyword(k, i, width));
  const buckets = assignBuckets(planned, groups * BUCKETS);
  let maxOffset = 0;
  let maxTail = width;
  for (const m of planned) {
    maxOffset = Math.max(maxOffset, m.offset);
    maxTail = Math.max(maxTail, m.bytes.length - m.offset);
  }
  const reserve = 8 * planned.length;
  const align = (n: number): number => Math.ceil(n / 64) * 64;
  // Slack before the text for reads at q - offset, after it for vector and 64-bit overreads.
  const inputBase = align(64 + maxOffset + 64);
  const inputCap = CHUNK + maxOffset + maxTail;
  const outBase = align(inputBase + inputCap + 64);
  const outEnd = outBase + OUT_HITS * 8 + reserve;
  const pages = Math.ceil((outEnd + 64) / 65536);

  const body = kernel(buckets, width, reserve);
  const bytes = encodeModule(pages, [{ name: 'scan', params: [I32, I32, I32, I32, I32, I32], results: [I32], body }]);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
  const memory = instance.exports['memory'] as WebAssembly.Memory;
  const scanKernel = instance.exports['scan'] as KernelFn;
  const mem8 = new Uint8Array(memory.buffer);
  const mem32 = new Int32Array(memory.buffer);
  const lengths = planned.map((m) => m.bytes.length);
  // Hits are re-ordered to what an Aho-Corasick automaton reports: by end,
  // longer first, then by keyword index. Held hits may still be preceded by
  // hits of the next chunk.
  let hk = new Int32Array(1024);
  let hs = new Int32Array(1024);
  let hn = 0;
  const push = (kw: number, start: number): void => {
    if (hn === hk.length) {
      const nk = new Int32Array(hn * 2);
      nk.set(hk);
      hk = nk;
      const ns = new Int32Array(hn * 2);
      ns.set(hs);
      hs = ns;
    }
    // Insertion sort by (end, start, keyword): hits arrive nearly in order.
    const end = start + lengths[kw]!;
    let i = hn++;
    while (i > 0) {
      const pk = hk[i - 1]!;
      const ps = hs[i - 1]!;
      const pe = ps + lengths[pk]!;
      if (pe < end || (pe === end && (ps < start || (ps === start && pk <= kw)))) break;
      hk[i] = pk;
      hs[i] = ps;
      i--;
    }
    hk[i] = kw;
    hs[i] = start;
  };
  const flush = (upTo: number, onHit: HitCallback): void => {
    let i = 0;
    while (i < hn && hs[i]! + lengths[hk[i]!]! <= upTo) {
      onHit(hk[i]!, hs[i]!);
      i++;
    }
    if (i > 0) {
      hk.copyWithin(0, i, hn);
      hs.copyWithin(0, i, hn);
      hn -= i;
    }
  };

  return {
    keywords,
    scan(buf, from, to, onHit) {
      hn = 0;
      if (keywords.length === 0) return;
      for (let a = from; a < to; a += CHUNK) {
        const b = Math.min(a + CHUNK, to);
        const cs = Math.max(from, a - maxOffset);
        const ce = Math.min(to, b + maxTail);
        mem8.set(buf.subarray(cs, ce), inputBase);
        const delta = cs - inputBase;
        const p1 = b - delta;
        let p = a - delta;
        for (;;) {
          const next = scanKernel(p, p1, inputBase, ce - delta, outBase, outEnd);
          const outPtr = mem32[SLOT_OUT >> 2]!;
          for (let o = outBase >> 2; o < outPtr >> 2; o += 2) push(mem32[o]!, mem32[o + 1]! + delta);
          if (next >= p1) break;
          p = next;
        }
        flush(b === to ? Infinity : b, onHit);
      }
    },
  };
}

/** The bucket plan, for diagnostics and the benchmark: keyword indexes, fingerprint offsets and nibble tables. */
export function teddyPlan(keywords: readonly KeywordSpec[], width = FINGERPRINT, count = BUCKETS): { buckets: Array<Array<{ index: number; offset: number }>>; lo: Uint8Array[]; hi: Uint8Array[] } {
  const buckets = assignBuckets(keywords.map((k, i) => planKeyword(k, i, width)), count);
  const { lo, hi } = nibbleTables(buckets, width);
  return { buckets: buckets.map((b) => b.map((m) => ({ index: m.index, offset: m.offset }))), lo, hi };
}
