import { FunctionBody, I32, V128, encodeModule } from './wasm-emit.js';
import { nativeCountByte } from './teddy-native.js';

/**
 * Counts occurrences of one byte value (the engine counts newlines for line
 * numbers) with WebAssembly SIMD: 16 bytes per compare, at memory-copy speed.
 * A `Buffer.indexOf` call per newline costs tens of nanoseconds each, and
 * source text has a newline every 30-40 bytes: that was a fifth of a scan.
 * Bytes are copied into the module's memory in chunks (like the prefilter).
 * Where the native addon is built (teddy-native.ts) its AVX2 counter runs on
 * the caller's buffer instead, without the copy (measured per 64 MB: 2.2 ms
 * against 3.8).
 */
const CHUNK = 256 * 1024;
const BASE = 64;

/**
 * count(end, byte) -> occurrences of `byte` in memory [BASE, end), read in
 * 16-byte blocks; the caller zero-pads up to the next block (and counts a
 * zero byte itself). Per-lane byte counters are widened into 32-bit sums
 * every 255 blocks, before they can wrap.
 */
function kernel(): FunctionBody {
  const f = new FunctionBody(2);
  const [END, BYTE] = [0, 1];
  const p = f.local(I32);
  const stop = f.local(I32);
  const needle = f.local(V128);
  const acc8 = f.local(V128);
  const acc32 = f.local(V128);
  f.get(BYTE).i8x16Splat().set(needle);
  f.i32Const(BASE).set(p);
  f.block(); // $done
  f.loop(); // $outer
  f.get(p).get(END).i32GeU().brIf(1);
  // stop = min(p + 255 * 16, end)
  f.get(p).i32Const(255 * 16).i32Add().tee(stop).get(END).i32GtU();
  f.if().get(END).set(stop).end();
  f.v128Const(new Uint8Array(16)).set(acc8);
  f.loop(); // $inner
  f.get(acc8).get(p).v128Load(0).get(needle).i8x16Eq().i8x16Sub().set(acc8);
  f.get(p).i32Const(16).i32Add().tee(p).get(stop).i32LtU().brIf(0);
  f.end(); // $inner
  f.get(acc32).get(acc8).i16x8ExtaddPairwiseI8x16U().i32x4ExtaddPairwiseI16x8U().i32x4Add().set(acc32);
  f.br(0);
  f.end(); // $outer
  f.end(); // $done
  f.get(acc32).i32x4ExtractLane(0).get(acc32).i32x4ExtractLane(1).i32Add();
  f.get(acc32).i32x4ExtractLane(2).i32Add().get(acc32).i32x4ExtractLane(3).i32Add();
  return f;
}

type CountFn = (end: number, byte: number) => number;

let counter: { run: CountFn; mem: Uint8Array } | undefined;
/** The addon's counter; null where it is unavailable (decided on first use). */
let native: ((buf: Uint8Array, from: number, to: number, byte: number) => number) | null | undefined;

function instance(): { run: CountFn; mem: Uint8Array } {
  if (!counter) {
    const bytes = encodeModule(Math.ceil((BASE + CHUNK + 64) / 65536), [{ name: 'count', params: [I32, I32], results: [I32], body: kernel() }]);
    const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    counter = { run: inst.exports['count'] as CountFn, mem: new Uint8Array((inst.exports['memory'] as WebAssembly.Memory).buffer) };
  }
  return counter;
}

/** How many bytes equal to `byte` are in buf[from, to). */
export function countByte(buf: Uint8Array, from: number, to: number, byte: number): number {
  if (to - from < 256) {
    // Short spans: the copy would cost more than the loop.
    let n = 0;
    for (let i = from; i < to; i++) if (buf[i] === byte) n++;
    return n;
  }
  if (native === undefined) native = nativeCountByte() ?? null;
  if (native !== null) return native(buf, from, to, byte);
  return countByteWasm(buf, from, to, byte);
}

/** The WebAssembly counter (what runs without the addon), for any span; exported for tests. */
export function countByteWasm(buf: Uint8Array, from: number, to: number, byte: number): number {
  const { run, mem } = instance();
  let n = 0;
  for (let a = from; a < to; a += CHUNK) {
    const len = Math.min(CHUNK, to - a);
    mem.set(buf.subarray(a, a + len), BASE);
    // Pad to a whole block with a value that is not `byte`.
    mem.fill(byte ^ 0xff, BASE + len, BASE + len + 16);
    n += run(BASE + len, byte);
  }
  return n;
}
