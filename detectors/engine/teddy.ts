import { FunctionBody, I32, V128, encodeModule } from './wasm-emit.js';
import { SOURCE_BYTE_FREQUENCY } from './source-byte-frequency.js';
import type { HitCallback, KeywordSpec, Prefilter } from './prefilter-types.js';
import { buildDfaPrefilter } from './dfa.js';
import { HitOrder } from './hit-order.js';

/**
 * Teddy-style SIMD multi-literal search (the idea of Hyperscan's and Rust
 * aho-corasick's "Teddy"), as a WebAssembly SIMD kernel generated for the
 * keyword set.
 *
 * Every keyword gets a fingerprint: FINGERPRINT consecutive bytes of it, and
 * is put in one of 8 or 16 buckets (window and bucket chosen together by a
 * byte-frequency model of source text, assignBuckets). For each fingerprint position k the kernel holds two
 * 16-byte tables per 8 buckets, indexed by the low and the high nibble of a
 * byte; bit b of an entry says "some keyword of bucket b allows this nibble
 * here". Sixteen text positions are tested at once with `i8x16.swizzle`
 * (pshufb): a lane whose AND over all tables is non-zero is a candidate. A
 * candidate's fingerprint bytes are then looked up in a small hash table of
 * the exact fingerprints, and only keywords with that fingerprint are
 * compared in full (64-bit masked compares; the mask folds ASCII case where
 * asked). Most 16-byte blocks of source text have no candidate, so the
 * common path is a few dozen vector instructions per 16 bytes.
 *
 * Why WebAssembly: JavaScript has no byte-shuffle instruction, and a
 * table-driven DFA in JavaScript pays a dependent load per byte (dfa.ts,
 * 150-550 MB/s measured here). Why generated: the nibble tables are constants
 * of the keyword set, and a hand-written emitter (wasm-emit.ts) keeps the
 * source of the module in this repository with nothing prebuilt, no extra
 * toolchain and no build step.
 *
 * Exact: the fingerprint test only removes positions where no keyword can
 * occur; every surviving candidate is verified in full, so every occurrence
 * (overlapping ones too) is reported once. prefilter.test.ts checks it
 * against a naive search on random keyword sets and texts.
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

export interface PlannedKeyword {
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

/** A keyword with each of its fingerprint windows: the planner chooses one (assignBuckets). */
function windowsOf(spec: KeywordSpec, index: number, width: number): PlannedKeyword[] {
  const bytes = Uint8Array.from(Buffer.from(spec.text, 'latin1'));
  const out: PlannedKeyword[] = [];
  for (let offset = 0; offset <= Math.max(0, bytes.length - width); offset++) {
    const { lo, hi } = fingerprintSets(bytes, spec.ignoreCase, offset, width);
    out.push({ index, bytes, ignoreCase: spec.ignoreCase, offset, lo, hi });
  }
  return out;
}

/** A bucket being planned: its members and the union of their nibble sets per fingerprint position. */
class PlannedBucket {
  readonly lo: number[];
  readonly hi: number[];
  members: PlannedKeyword[] = [];
  /** Expected work per text byte: how often it fires times the keywords it must verify. */
  cost = 0;

  constructor(private readonly width: number) {
    this.lo = new Array<number>(width).fill(0);
    this.hi = new Array<number>(width).fill(0);
  }

  costWith(m: PlannedKeyword): number {
    let rate = 1;
    for (let k = 0; k < this.width; k++) rate *= nibbleRate(this.lo[k]! | m.lo[k]!, this.hi[k]! | m.hi[k]!);
    return rate * (5 + this.members.length);
  }

  add(m: PlannedKeyword): void {
    this.members.push(m);
    this.update();
  }

  remove(m: PlannedKeyword): void {
    this.members = this.members.filter((x) => x !== m);
    this.update();
  }

  private update(): void {
    this.lo.fill(0);
    this.hi.fill(0);
    for (const m of this.members) {
      for (let k = 0; k < this.width; k++) {
        this.lo[k] = this.lo[k]! | m.lo[k]!;
        this.hi[k] = this.hi[k]! | m.hi[k]!;
      }
    }
    let rate = this.members.length === 0 ? 0 : 1;
    for (let k = 0; k < this.width && rate > 0; k++) rate *= nibbleRate(this.lo[k]!, this.hi[k]!);
    this.cost = rate * (4 + this.members.length);
  }
}

/**
 * Chooses each keyword's fingerprint window and bucket together: greedily,
 * keywords whose rarest window is most frequent first, each to the (window,
 * bucket) that adds the least cost; then single moves (another window,
 * another bucket) while they lower the total. Choosing the window with the
 * bucket lets a keyword reuse bytes its bucket already accepts (`hooks.slack.com\/`
 * beside `hooks.slack.com/`, base64 forms of related prefixes): on 64 MB of source,
 * the registry's 162 keywords gave 1.1% candidate lanes per byte against 2.7% with
 * the rarest window chosen first, and the native scan took 15 ms instead of 19.
 */
function assignBuckets(keywords: readonly KeywordSpec[], width: number, count: number): PlannedKeyword[][] {
  const buckets = Array.from({ length: count }, () => new PlannedBucket(width));
  const options = keywords.map((k, i) => windowsOf(k, i, width));
  const order = options
    .map((o) => ({ o, rate: Math.min(...o.map((m) => rateOf(m.lo, m.hi))) }))
    .sort((a, b) => b.rate - a.rate || a.o[0]!.index - b.o[0]!.index)
    .map((x) => x.o);
  const at = new Array<{ bucket: PlannedBucket; m: PlannedKeyword }>(keywords.length);
  /** The cheapest (window, bucket) for a keyword, if it adds less than `limit`. */
  const cheapest = (windows: readonly PlannedKeyword[], limit: number): { bucket: PlannedBucket; m: PlannedKeyword } | undefined => {
    let best: { bucket: PlannedBucket; m: PlannedKeyword } | undefined;
    let bestDelta = limit;
    for (const m of windows) {
      for (const bucket of buckets) {
        const delta = bucket.costWith(m) - bucket.cost;
        if (delta < bestDelta) {
          bestDelta = delta;
          best = { bucket, m };
        }
      }
    }
    return best;
  };
  for (const windows of order) {
    const best = cheapest(windows, Infinity)!;
    best.bucket.add(best.m);
    at[windows[0]!.index] = best;
  }
  for (let round = 0; round < 4; round++) {
    let moved = false;
    for (const windows of order) {
      const cur = at[windows[0]!.index]!;
      const before = cur.bucket.cost;
      cur.bucket.remove(cur.m);
      const gain = before - cur.bucket.cost;
      const best = cheapest(windows, gain * (1 - 1e-9)) ?? cur;
      best.bucket.add(best.m);
      at[windows[0]!.index] = best;
      if (best !== cur) moved = true;
    }
    if (!moved) break;
  }
  return buckets.map((b) => b.members);
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

/** Where the verification hash table starts in memory; the records follow it. */
const TABLE = 64;
/** Multiplier of the verification table's hash (also hard-coded in native/prefilter.c). */
const GOLDEN = 0x9e3779b1 | 0;

export interface VerifyTable {
  /** Table then records, to be copied to the `base` given to verifyTable. */
  readonly bytes: Uint8Array;
  readonly tableBits: number;
  /** Distinct fingerprint lengths (1..width) to look up per candidate. */
  readonly widths: readonly number[];
}

/**
 * Verification by exact fingerprint: a candidate lane's first `w` bytes (with
 * `w` in its width tag) are looked up in an open-addressing table; each entry
 * lists the keywords with exactly that fingerprint (every case variant of a
 * case-insensitive one is an entry), and only those are compared in full. So
 * a false candidate costs one lookup however many keywords share its bucket.
 * Records: [keyword, offset, length, next record] then (pattern, mask) i64 pairs.
 * Table entries: [key, first record, end of records, 0], 16 bytes each. Record
 * addresses are `base` plus the offset in `bytes`: where the table is copied to
 * (WebAssembly memory), or 0-relative in the native addon's packed plan.
 */
export function verifyTable(planned: readonly PlannedKeyword[], width: number, base = TABLE): VerifyTable {
  const byKey = new Map<number, PlannedKeyword[]>();
  const widths = new Set<number>();
  for (const m of planned) {
    const w = Math.min(width, m.bytes.length - m.offset);
    widths.add(w);
    let keys = [w << 24];
    for (let k = 0; k < w; k++) {
      const vs = variants(m.bytes[m.offset + k]!, m.ignoreCase);
      keys = keys.flatMap((key) => vs.map((v) => key | (v << (8 * k))));
    }
    for (const key of keys) {
      const list = byKey.get(key) ?? [];
      if (!list.includes(m)) list.push(m);
      byKey.set(key, list);
    }
  }
  let tableBits = 4;
  while (1 << tableBits < byKey.size * 2) tableBits++;
  const slots = 1 << tableBits;
  const tableBytes = slots * 16;
  const records: number[] = [];
  const table = new Int32Array(slots * 4);
  const i32 = (n: number): void => {
    records.push(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
  };
  for (const [key, list] of byKey) {
    let slot = Math.imul(key, GOLDEN) >>> (32 - tableBits);
    while (table[slot * 4] !== 0) slot = (slot + 1) & (slots - 1);
    table[slot * 4] = key;
    table[slot * 4 + 1] = base + tableBytes + records.length;
    for (const m of list) {
      const words = keywordWords(m);
      i32(m.index);
      i32(m.offset);
      i32(m.bytes.length);
      i32(base + tableBytes + records.length + 4 + words.length * 16);
      for (const { pattern, mask } of words) {
        for (const v of [pattern, mask]) for (let j = 0; j < 8; j++) records.push(Number((v >> BigInt(8 * j)) & 0xffn));
      }
    }
    table[slot * 4 + 2] = base + tableBytes + records.length;
  }
  const bytes = new Uint8Array(tableBytes + records.length);
  bytes.set(new Uint8Array(table.buffer), 0);
  bytes.set(records, tableBytes);
  return { bytes, tableBits, widths: [...widths].sort((x, y) => y - x) };
}

/**
 * scan(p, p1, lo, hi, out, outEnd) -> next p. Tests fingerprint positions
 * [p, p1) sixteen at a time; a verified keyword must lie in [lo, hi) (bytes
 * outside are read, memory has slack, but never reported). Writes (keyword,
 * start) i32 pairs from `out`; returns early, with the position to resume
 * from, when fewer than `reserve` bytes of output space remain. The final
 * output pointer is stored at SLOT_OUT.
 */
function kernel(tables: TeddyPlan['tables'], width: number, reserve: number, vt: VerifyTable): FunctionBody {
  const groups = tables.length;
  const f = new FunctionBody(6);
  const [P, P1, LO, HI, OUT, OUT_END] = [0, 1, 2, 3, 4, 5];
  const mLo = tables.map((t) => t.lo.map(() => f.local(V128)));
  const mHi = tables.map((t) => t.hi.map(() => f.local(V128)));
  const nLo = Array.from({ length: width }, () => f.local(V128));
  const nHi = Array.from({ length: width }, () => f.local(V128));
  const NIB = f.local(V128);
  const ZERO = f.local(V128);
  const V = f.local(V128);
  const bits = f.local(I32);
  const q = f.local(I32);
  const key = f.local(I32);
  const h = f.local(I32);
  const e = f.local(I32);
  const rec = f.local(I32);
  const recEnd = f.local(I32);
  const start = f.local(I32);
  const len = f.local(I32);
  const w = f.local(I32);
  const wEnd = f.local(I32);
  const pos = f.local(I32);
  const tableMask = ((1 << vt.tableBits) - 1) * 16;

  tables.forEach((t, g) => {
    t.lo.forEach((bytes, k) => f.v128Const(bytes).set(mLo[g]![k]!));
    t.hi.forEach((bytes, k) => f.v128Const(bytes).set(mHi[g]![k]!));
  });
  f.v128Const(new Uint8Array(16).fill(0x0f)).set(NIB);

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
    if (g > 0) f.v128Or();
  }
  f.tee(V).v128AnyTrue();
  f.if(); // candidates in this block
  f.get(V).get(ZERO).i8x16Ne().i8x16Bitmask().set(bits);
  f.block(); // $lanesDone
  f.loop(); // $lanes
  f.get(bits).i32Ctz().get(P).i32Add().tee(q).get(P1).i32GeU().brIf(1);
  f.get(OUT).i32Const(reserve).i32Add().get(OUT_END).i32GtU();
  f.if().i32Const(SLOT_OUT).get(OUT).i32Store().get(q).return().end();
  for (const width of vt.widths) {
    const mask = width >= 4 ? -1 : (1 << (8 * width)) - 1;
    f.get(q).i32Load(0).i32Const(mask).i32And().i32Const(width << 24).i32Or().tee(key);
    f.i32Const(GOLDEN).i32Mul().i32Const(32 - vt.tableBits).i32ShrU().i32Const(4).i32Shl().set(h);
    f.block(); // $probeDone
    f.loop(); // $probe
    f.get(h).i32Load(TABLE).tee(e).i32Eqz().brIf(1);
    f.get(e).get(key).i32Eq();
    f.if();
    {
      f.get(h).i32Load(TABLE + 4).set(rec);
      f.get(h).i32Load(TABLE + 8).set(recEnd);
      f.block(); // $recsDone
      f.loop(); // $recs
      f.get(rec).get(recEnd).i32GeU().brIf(1);
      f.get(q).get(rec).i32Load(4).i32Sub().set(start);
      f.get(rec).i32Load(8).set(len);
      f.get(rec).i32Load(12).set(wEnd);
      f.get(start).get(LO).i32GeU().get(start).get(len).i32Add().get(HI).i32LeU().i32And();
      f.if(); // in bounds
      f.get(rec).i32Const(16).i32Add().set(w);
      f.get(start).set(pos);
      f.block(); // $verify
      f.loop(); // $words
      f.get(w).get(wEnd).i32LtU();
      f.if();
      f.get(pos).i64Load().get(w).i64Load(8).i64And().get(w).i64Load(0).i64Ne().brIf(2);
      f.get(pos).i32Const(8).i32Add().set(pos);
      f.get(w).i32Const(16).i32Add().set(w);
      f.br(1);
      f.end(); // if
      f.end(); // $words
      f.get(OUT).get(rec).i32Load(0).i32Store(0);
      f.get(OUT).get(start).i32Store(4);
      f.get(OUT).i32Const(8).i32Add().set(OUT);
      f.end(); // $verify
      f.end(); // in bounds
      f.get(wEnd).set(rec);
      f.br(0);
      f.end(); // $recs
      f.end(); // $recsDone
      f.br(2); // found: leave $probeDone
    }
    f.end(); // if key
    f.get(h).i32Const(16).i32Add().i32Const(tableMask).i32And().set(h);
    f.br(0);
    f.end(); // $probe
    f.end(); // $probeDone
  }
  f.get(bits).get(bits).i32Const(1).i32Sub().i32And().tee(bits);
  f.brIf(0);
  f.end(); // $lanes
  f.end(); // $lanesDone
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

/**
 * Groups of 8 buckets: each group costs 2 x width shuffles per 16 bytes and
 * spreads the keywords thinner. Measured on 64 MB of source: a third group
 * (or a 4-byte fingerprint) costs more in the loop than it saves in candidates.
 */
function groupsFor(keywords: number): number {
  return keywords <= 16 ? 1 : 2;
}

/** What both kernels (this one and the native addon, teddy-native.ts) search with. */
export interface TeddyPlan {
  /** Fingerprint length in bytes. */
  readonly width: number;
  /** Per keyword, by index. */
  readonly planned: readonly PlannedKeyword[];
  /** groups x 8 buckets; bucket B is bit B % 8 of group floor(B / 8). */
  readonly buckets: readonly (readonly PlannedKeyword[])[];
  /** Per group of 8 buckets: per fingerprint position, the 16-byte low and high nibble tables. */
  readonly tables: ReadonlyArray<{ readonly lo: Uint8Array[]; readonly hi: Uint8Array[] }>;
  /** Largest fingerprint offset inside a keyword, and largest keyword length past it (at least `width`). */
  readonly maxOffset: number;
  readonly maxTail: number;
}

export function planTeddy(keywords: readonly KeywordSpec[], width = FINGERPRINT, groups = groupsFor(keywords.length)): TeddyPlan {
  const buckets = assignBuckets(keywords, width, groups * BUCKETS);
  const planned = new Array<PlannedKeyword>(keywords.length);
  for (const members of buckets) for (const m of members) planned[m.index] = m;
  const tables = Array.from({ length: groups }, (_, g) => nibbleTables(buckets.slice(g * 8, g * 8 + 8), width));
  let maxOffset = 0;
  let maxTail = width;
  for (const m of planned) {
    maxOffset = Math.max(maxOffset, m.offset);
    maxTail = Math.max(maxTail, m.bytes.length - m.offset);
  }
  return { width, planned, buckets, tables, maxOffset, maxTail };
}

export function buildTeddyPrefilter(keywords: readonly KeywordSpec[], width = FINGERPRINT, groups = groupsFor(keywords.length)): Prefilter {
  const { planned, tables, maxOffset, maxTail } = planTeddy(keywords, width, groups);
  const reserve = 8 * planned.length;
  const align = (n: number): number => Math.ceil(n / 64) * 64;
  // Slack before the text for reads at q - offset, after it for vector and 64-bit overreads.
  const vt = verifyTable(planned, width);
  const inputBase = align(TABLE + vt.bytes.length + maxOffset + 64);
  const inputCap = CHUNK + maxOffset + maxTail;
  const outBase = align(inputBase + inputCap + 64);
  const outEnd = outBase + OUT_HITS * 8 + reserve;
  const pages = Math.ceil((outEnd + 64) / 65536);

  const body = kernel(tables, width, reserve, vt);
  const bytes = encodeModule(pages, [{ name: 'scan', params: [I32, I32, I32, I32, I32, I32], results: [I32], body }]);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
  const memory = instance.exports['memory'] as WebAssembly.Memory;
  const scanKernel = instance.exports['scan'] as KernelFn;
  const mem8 = new Uint8Array(memory.buffer);
  const mem32 = new Int32Array(memory.buffer);
  mem8.set(vt.bytes, TABLE);
  // Hits are re-ordered to what an Aho-Corasick automaton reports (hit-order.ts).
  // Held hits may still be preceded by hits of the next chunk.
  const order = new HitOrder(planned.map((m) => m.bytes.length));

  // The kernel's memory and the hit queue are per instance: a scan started from inside a
  // callback (nothing does that today) gets the DFA, which has no shared state.
  let busy = false;
  let nested: Prefilter | undefined;
  return {
    keywords,
    scan(buf, from, to, onHit) {
      if (busy) {
        nested ??= buildDfaPrefilter(keywords);
        nested.scan(buf, from, to, onHit);
        return;
      }
      busy = true;
      try {
        scanChunks(buf, from, to, onHit);
      } finally {
        busy = false;
      }
    },
  };

  function scanChunks(buf: Uint8Array, from: number, to: number, onHit: HitCallback): void {
    order.clear();
    if (keywords.length === 0) return;
    // Held starts are relative to the current chunk's first byte, so they fit an Int32 however long the input.
    let base = from;
    for (let a = from; a < to; a += CHUNK) {
      const b = Math.min(a + CHUNK, to);
      const cs = Math.max(from, a - maxOffset);
      const ce = Math.min(to, b + maxTail);
      if (cs !== base) {
        order.shift(cs - base);
        base = cs;
      }
      mem8.set(buf.subarray(cs, ce), inputBase);
      const delta = cs - inputBase;
      const p1 = b - delta;
      let p = a - delta;
      for (;;) {
        const next = scanKernel(p, p1, inputBase, ce - delta, outBase, outEnd);
        const outPtr = mem32[SLOT_OUT >> 2]!;
        for (let o = outBase >> 2; o < outPtr >> 2; o += 2) order.push(mem32[o]!, mem32[o + 1]! - inputBase);
        if (next >= p1) break;
        p = next;
      }
      order.flush(b === to ? Infinity : b - base, onHit, base);
    }
  }
}

/** The bucket plan, for diagnostics and the benchmark: keyword indexes, fingerprint offsets and nibble tables. */
export function teddyPlan(keywords: readonly KeywordSpec[], width = FINGERPRINT, count = BUCKETS): { buckets: Array<Array<{ index: number; offset: number }>>; lo: Uint8Array[]; hi: Uint8Array[] } {
  const buckets = assignBuckets(keywords, width, count);
  const { lo, hi } = nibbleTables(buckets, width);
  return { buckets: buckets.map((b) => b.map((m) => ({ index: m.index, offset: m.offset }))), lo, hi };
}
