import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HitCallback, KeywordSpec, Prefilter } from './prefilter-types.js';
import { HitOrder } from './hit-order.js';
import { planTeddy, verifyTable, type TeddyPlan } from './teddy.js';

/**
 * The Teddy keyword search of teddy.ts in a native addon (native/prefilter.c,
 * built by `npm install` through scripts/build-native.mjs when a C compiler is
 * there): AVX2, 32 positions per step (SSSE3, 16, on older x86-64), run on the
 * caller's buffer where the WebAssembly kernel copies every 64 KB chunk into
 * its memory, and the candidate lanes followed in C.
 *
 * Same plan as the WebAssembly kernel (planTeddy and verifyTable of teddy.ts,
 * packed into one byte array), so the same candidate lanes and the same hits,
 * reported in the same order as every prefilter (hit-order.ts). The addon is
 * optional: `nativePrefilterAvailable()` says whether it loaded and this CPU
 * runs a kernel; without it the WebAssembly kernel does the same work.
 */

export type NativeKernel = 'avx512' | 'avx2' | 'ssse3';

export type NativePrefilterErrorCode =
  | 'PREFILTER_NATIVE_UNAVAILABLE'
  | 'PREFILTER_EMPTY_KEYWORD'
  | 'PREFILTER_NATIVE_KEYWORD_TOO_LONG'
  | 'PREFILTER_NATIVE_RANGE';

/** Errors of this module. The addon's own errors carry codes too (PREFILTER_NATIVE_PLAN, _ARG, _RANGE, _KERNEL). */
export class NativePrefilterError extends Error {
  constructor(
    readonly code: NativePrefilterErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'NativePrefilterError';
  }
}

interface Addon {
  readonly kernel: NativeKernel | 'none';
  readonly kernels: readonly NativeKernel[];
  compile(plan: Uint8Array, kernel?: NativeKernel, bucketBits?: number): object;
  /** See native/prefilter.c: hits from out[1] as (keyword, start - lo) pairs, their count in out[0]; returns where to resume. */
  scan(handle: object, buf: Uint8Array, from: number, to: number, lo: number, hi: number, out: Int32Array): number;
  countByte(buf: Uint8Array, from: number, to: number, byte: number): number;
}

export interface NativePrefilterStatus {
  readonly available: boolean;
  /** The kernel scans use by default; 'none' when unavailable. */
  readonly kernel: NativeKernel | 'none';
  /** Every kernel this CPU runs. */
  readonly kernels: readonly NativeKernel[];
  /** The addon file that was loaded. */
  readonly path?: string;
  /** Why it is unavailable. */
  readonly reason?: string;
}

const ADDON = join('build', 'Release', 'pushgate_prefilter.node');

let status: NativePrefilterStatus | undefined;
let addon: Addon | undefined;

/**
 * The addon's path: build/Release of the package root, found by walking up from
 * this module, which runs from detectors/engine/ (sources under vitest),
 * dist/detectors/engine/ (compiled) or dist/ (inside the esbuild bundle). The
 * walk stops at the first directory with a package.json, so no other project's
 * addon is picked up.
 */
function findAddon(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, ADDON);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (existsSync(join(dir, 'package.json')) || parent === dir) return undefined;
    dir = parent;
  }
}

function load(): NativePrefilterStatus {
  if (status !== undefined) return status;
  const none = (reason: string, path?: string): NativePrefilterStatus => ({ available: false, kernel: 'none', kernels: [], reason, ...(path === undefined ? {} : { path }) });
  if (process.env['PUSHGATE_NATIVE'] === '0') return (status = none('disabled by PUSHGATE_NATIVE=0'));
  const path = findAddon();
  if (path === undefined) return (status = none(`${ADDON} not found (not built: see scripts/build-native.mjs)`));
  try {
    const loaded = createRequire(import.meta.url)(path) as Addon;
    if (loaded.kernel === 'none') return (status = none('no native kernel for this CPU (needs x86-64 with SSSE3 or AVX2)', path));
    addon = loaded;
    return (status = { available: true, kernel: loaded.kernel, kernels: [...loaded.kernels], path });
  } catch (e) {
    return (status = none(`could not load ${path}: ${e instanceof Error ? e.message : String(e)}`, path));
  }
}

/** True when the addon loaded (lazily, on the first call) and runs on this CPU; PUSHGATE_NATIVE=0 turns it off. */
export function nativePrefilterAvailable(): boolean {
  return load().available;
}

export function nativePrefilterStatus(): NativePrefilterStatus {
  return load();
}

/**
 * The addon's byte counter (AVX2 on the caller's buffer; the engine counts
 * newlines with it), or undefined where the addon is unavailable. Throws a
 * RangeError-like addon error (PREFILTER_NATIVE_RANGE) on a bad range.
 */
export function nativeCountByte(): ((buf: Uint8Array, from: number, to: number, byte: number) => number) | undefined {
  if (!load().available || addon === undefined) return undefined;
  const native = addon;
  return (buf, from, to, byte) => native.countByte(buf, from, to, byte);
}

/** Hits the addon may write per call before it returns to have them drained. */
const OUT_HITS = 4096;
/**
 * Fingerprint positions per addon call at most. With the keyword slack either
 * side a call spans under 1 GiB, so starts relative to its `lo` fit an Int32
 * (in the addon's output and in the hit queue) however large the buffer.
 */
const WINDOW = 256 * 1024 * 1024;
const MAX_SLACK = 256 * 1024 * 1024;

// Packed plan header: see native/prefilter.c.
const MAGIC = 0x31544750;
const HEADER = 64;

/** Bytes per keyword in the plan's requirement section: u32 within, then anyOf and over as 256-bit sets. */
const REQ_BYTES = 68;

/**
 * planTeddy's plan as the one byte array the addon takes; record addresses are
 * offsets from its start. Keywords with `requires` add the requirement section.
 */
export function packNativePlan(plan: TeddyPlan, keywords: readonly KeywordSpec[] = []): Uint8Array {
  const { width, tables, planned, buckets } = plan;
  const groups = tables.length;
  if (width < 1 || width > 4) throw new RangeError(`native prefilter: fingerprint width ${width} is not 1..4`);
  if (groups < 1 || groups > 4) throw new RangeError(`native prefilter: ${groups} bucket groups is not 1..4`);
  const tableOffset = Math.ceil((HEADER + groups * width * 32) / 16) * 16;
  const vt = verifyTable(planned, width, tableOffset);
  const requirements = keywords.some((k) => k.requires !== undefined);
  const reqOffset = tableOffset + vt.bytes.length;
  const bytes = new Uint8Array(reqOffset + (requirements ? planned.length * REQ_BYTES : 0));
  const dv = new DataView(bytes.buffer);
  const u32 = (at: number, v: number): void => dv.setUint32(at, v >>> 0, true);
  u32(0, MAGIC);
  u32(4, width);
  u32(8, groups);
  u32(12, planned.length);
  u32(16, vt.tableBits);
  u32(20, tableOffset);
  u32(24, vt.widths.length);
  // Per fingerprint width: which buckets hold keywords of it, so a lane skips the lookups no bucket of it asks for.
  const masks = vt.widths.map(() => 0);
  buckets.forEach((members, b) => {
    for (const m of members) {
      const w = Math.min(width, m.bytes.length - m.offset);
      const i = vt.widths.indexOf(w);
      masks[i] = masks[i]! | (1 << b);
    }
  });
  vt.widths.forEach((w, i) => {
    u32(28 + 4 * i, w);
    u32(44 + 4 * i, masks[i]!);
  });
  tables.forEach((t, g) => {
    for (let k = 0; k < width; k++) {
      bytes.set(t.lo[k]!, HEADER + (g * width + k) * 32);
      bytes.set(t.hi[k]!, HEADER + (g * width + k) * 32 + 16);
    }
  });
  bytes.set(vt.bytes, tableOffset);
  if (requirements) {
    u32(60, reqOffset);
    keywords.forEach((k, i) => {
      const r = k.requires;
      if (r === undefined || r.within <= 0) return;
      const at = reqOffset + i * REQ_BYTES;
      u32(at, Math.min(r.within, 0xffffffff));
      for (let b = 0; b < 256; b++) {
        if (r.anyOf[b] === 1) bytes[at + 4 + (b >> 3)]! |= 1 << (b & 7);
        if (r.over === null || r.over[b] === 1) bytes[at + 36 + (b >> 3)]! |= 1 << (b & 7);
      }
    });
  }
  return bytes;
}

/**
 * For tests: a kernel other than the best; small windows, output buffers and
 * lookup buckets (log2 of their count: overflowing ones take the addon's
 * fallback path) to exercise their edges.
 */
export interface NativeTeddyOptions {
  readonly kernel?: NativeKernel;
  /** Fingerprint width and bucket groups instead of nativeShape's. */
  readonly width?: number;
  readonly groups?: number;
  readonly window?: number;
  readonly outHits?: number;
  readonly bucketBits?: number;
}

/**
 * Fingerprint width and bucket groups (8 buckets each) for a keyword count.
 * More groups spread the keywords thinner, so fewer positions are candidates
 * (which cost far more than a vector step: mostly mispredicted branches in
 * extract and follow), but each group adds two table lookups per byte.
 * Measured on 64 MB of source (AMD EPYC, AVX2), 3-byte fingerprints: 369
 * keywords (identifiable tier) 17.1 ms with 2 groups, 19.8 with 3; 542 (all
 * detectors) 41.1 and 34.3; 968 (identifiable with the decoder's triggers)
 * 36.2 and 32.6; 4 groups no better than 3, 4-byte fingerprints slower in
 * every case. On Intel with the AVX-512 kernel and prefetching (2026-12-06):
 * 369 keywords 14.0 ms with 2 groups, 14.7 with 3, 16.4 with 4; 542 keywords
 * 25.4 with 3, 26.8 with 4; 968 keywords 20.3 with 2, 18.0 to 19.3 with 3,
 * 18.5 to 18.8 with 4: the same shapes stay best.
 */
export function nativeShape(keywords: number, options: Pick<NativeTeddyOptions, 'width' | 'groups'> = {}): [width: number, groups: number] {
  const groups = keywords <= 16 ? 1 : keywords <= 450 ? 2 : 3;
  return [options.width ?? 3, options.groups ?? groups];
}

interface ScanState {
  readonly out: Int32Array;
  readonly order: HitOrder;
}

export function buildNativeTeddyPrefilter(keywords: readonly KeywordSpec[], options: NativeTeddyOptions = {}): Prefilter {
  keywords.forEach((k, i) => {
    if (k.text.length === 0) throw new NativePrefilterError('PREFILTER_EMPTY_KEYWORD', `keyword #${i} is empty`);
  });
  const st = load();
  if (!st.available || addon === undefined) throw new NativePrefilterError('PREFILTER_NATIVE_UNAVAILABLE', `native prefilter unavailable: ${st.reason ?? 'unknown'}`);
  const native = addon;
  if (keywords.length === 0) return { keywords, scan() {} };

  const plan = planTeddy(keywords, ...nativeShape(keywords.length, options));
  const { maxOffset, maxTail } = plan;
  if (maxOffset + maxTail > MAX_SLACK) throw new NativePrefilterError('PREFILTER_NATIVE_KEYWORD_TOO_LONG', 'a keyword is longer than 256 MiB');
  // Validated and copied once by the addon; immutable afterwards, so nested scans may share it.
  const handle = native.compile(packNativePlan(plan, keywords), options.kernel, options.bucketBits);
  const lengths = plan.planned.map((m) => m.bytes.length);
  const window = Math.max(1, Math.floor(options.window ?? WINDOW));
  // The addon needs room for every hit of one position (at most one per keyword).
  const outSize = 1 + 2 * (Math.max(1, Math.floor(options.outHits ?? OUT_HITS)) + keywords.length);
  const newState = (): ScanState => ({ out: new Int32Array(outSize), order: new HitOrder(lengths) });
  const state = newState();

  // The output buffer and the hit queue are per prefilter: a scan started from inside a callback gets
  // fresh ones (the compiled plan is read-only).
  let busy = false;
  return {
    keywords,
    scan(buf, from, to, onHit) {
      if (!Number.isInteger(from) || !Number.isInteger(to)) throw new NativePrefilterError('PREFILTER_NATIVE_RANGE', `scan range [${from}, ${to}) is not integral`);
      from = Math.max(0, from);
      to = Math.min(to, buf.length);
      if (from >= to) return;
      if (busy) {
        scanWindows(newState(), buf, from, to, onHit);
        return;
      }
      busy = true;
      try {
        scanWindows(state, buf, from, to, onHit);
      } finally {
        busy = false;
      }
    },
  };

  function scanWindows({ out, order }: ScanState, buf: Uint8Array, from: number, to: number, onHit: HitCallback): void {
    order.clear();
    // Requirements are checked up to the end of the buffer the addon gets: the end of this scan.
    const view = to < buf.length ? buf.subarray(0, to) : buf;
    // Held hits are relative to `base`, the current window's lo.
    let base = from;
    for (let a = from; a < to; a += window) {
      const b = Math.min(a + window, to);
      const lo = Math.max(from, a - maxOffset);
      const hi = Math.min(to, b + maxTail);
      if (lo !== base) {
        order.shift(lo - base);
        base = lo;
      }
      let p = a;
      for (;;) {
        const next = native.scan(handle, view, p, b, lo, hi, out);
        const n = out[0]!;
        for (let i = 1; i <= 2 * n; i += 2) order.push(out[i]!, out[i + 1]!);
        if (next >= b) break;
        // Every later hit comes from a position >= next, so it ends after next.
        order.flush(next - base, onHit, base);
        p = next;
      }
      order.flush(b === to ? Infinity : b - base, onHit, base);
    }
  }
}
