/**
 * A minimal WebAssembly binary writer: just the sections and instructions the
 * prefilter kernel needs. The kernel is generated in memory from TypeScript at
 * engine creation (its masks depend on the keyword set), so there is no
 * prebuilt .wasm file, no extra toolchain and no build step: the source of the
 * module is teddy.ts. Opcode numbers are from the WebAssembly core spec 2.0
 * and the fixed-width SIMD proposal (prefix 0xfd).
 */

export const I32 = 0x7f;
export const I64 = 0x7e;
export const V128 = 0x7b;
type ValType = typeof I32 | typeof I64 | typeof V128;

export function uleb(n: number, out: number[] = []): number[] {
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

export function sleb(n: number, out: number[] = []): number[] {
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

function slebBig(n: bigint, out: number[]): number[] {
  for (;;) {
    const b = Number(n & 0x7fn);
    n >>= 7n;
    if ((n === 0n && (b & 0x40) === 0) || (n === -1n && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/** Instruction stream of one function body. Locals are declared up front and referred to by index. */
export class FunctionBody {
  readonly code: number[] = [];
  private readonly localTypes: ValType[] = [];
  constructor(private readonly params: number) {}

  local(type: ValType): number {
    this.localTypes.push(type);
    return this.params + this.localTypes.length - 1;
  }

  private op(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }
  private simd(opcode: number, ...imm: number[]): this {
    this.code.push(0xfd, ...uleb(opcode), ...imm);
    return this;
  }

  // Control. Blocks and loops carry no values (block type 0x40).
  block(): this { return this.op(0x02, 0x40); }
  loop(): this { return this.op(0x03, 0x40); }
  if(): this { return this.op(0x04, 0x40); }
  end(): this { return this.op(0x0b); }
  br(depth: number): this { return this.op(0x0c, ...uleb(depth)); }
  brIf(depth: number): this { return this.op(0x0d, ...uleb(depth)); }
  return(): this { return this.op(0x0f); }
  drop(): this { return this.op(0x1a); }

  get(i: number): this { return this.op(0x20, ...uleb(i)); }
  set(i: number): this { return this.op(0x21, ...uleb(i)); }
  tee(i: number): this { return this.op(0x22, ...uleb(i)); }

  // Memory: alignment hint 0 (unaligned accesses are valid, and common here), then the static offset.
  i32Load(offset = 0): this { return this.op(0x28, 0, ...uleb(offset)); }
  i64Load(offset = 0): this { return this.op(0x29, 0, ...uleb(offset)); }
  i32Load8U(offset = 0): this { return this.op(0x2d, 0, ...uleb(offset)); }
  i32Store(offset = 0): this { return this.op(0x36, 0, ...uleb(offset)); }

  i32Const(n: number): this { return this.op(0x41, ...sleb(n | 0)); }
  i64Const(n: bigint): this { return this.op(0x42, ...slebBig(BigInt.asIntN(64, n), [])); }
  i32Eqz(): this { return this.op(0x45); }
  i32Eq(): this { return this.op(0x46); }
  i32Ne(): this { return this.op(0x47); }
  i32LtS(): this { return this.op(0x48); }
  i32LtU(): this { return this.op(0x49); }
  i32GtS(): this { return this.op(0x4a); }
  i32GtU(): this { return this.op(0x4b); }
  i32LeU(): this { return this.op(0x4d); }
  i32GeU(): this { return this.op(0x4f); }
  i64Eq(): this { return this.op(0x51); }
  i64Ne(): this { return this.op(0x52); }
  i32Ctz(): this { return this.op(0x68); }
  i32Add(): this { return this.op(0x6a); }
  i32Sub(): this { return this.op(0x6b); }
  i32Mul(): this { return this.op(0x6c); }
  i32And(): this { return this.op(0x71); }
  i32Or(): this { return this.op(0x72); }
  i32Xor(): this { return this.op(0x73); }
  i32Shl(): this { return this.op(0x74); }
  i32ShrU(): this { return this.op(0x76); }
  i64And(): this { return this.op(0x83); }

  // SIMD.
  v128Load(offset = 0): this { return this.simd(0x00, 0, ...uleb(offset)); }
  v128Store(offset = 0): this { return this.simd(0x0b, 0, ...uleb(offset)); }
  v128Const(bytes: ArrayLike<number>): this {
    if (bytes.length !== 16) throw new RangeError('v128.const takes 16 bytes');
    return this.simd(0x0c, ...Array.from(bytes, (b) => b & 0xff));
  }
  i8x16Swizzle(): this { return this.simd(0x0e); }
  i8x16Splat(): this { return this.simd(0x0f); }
  i32x4ExtractLane(lane: number): this { return this.simd(0x1b, lane); }
  i8x16Eq(): this { return this.simd(0x23); }
  i8x16Sub(): this { return this.simd(0x71); }
  i16x8ExtaddPairwiseI8x16U(): this { return this.simd(0x7d); }
  i32x4ExtaddPairwiseI16x8U(): this { return this.simd(0x7f); }
  i32x4Add(): this { return this.simd(0xae); }
  i8x16Ne(): this { return this.simd(0x24); }
  v128And(): this { return this.simd(0x4e); }
  v128Or(): this { return this.simd(0x50); }
  v128AnyTrue(): this { return this.simd(0x53); }
  i8x16Bitmask(): this { return this.simd(0x64); }
  i16x8ShrU(): this { return this.simd(0x8d); }

  /** Locals grouped by runs of one type, then the code. */
  encode(): number[] {
    const groups: Array<[number, ValType]> = [];
    for (const t of this.localTypes) {
      const last = groups[groups.length - 1];
      if (last && last[1] === t) last[0]++;
      else groups.push([1, t]);
    }
    const body: number[] = uleb(groups.length);
    for (const [n, t] of groups) body.push(...uleb(n), t);
    body.push(...this.code, 0x0b);
    return [...uleb(body.length), ...body];
  }
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function name(s: string): number[] {
  const bytes = Array.from(Buffer.from(s, 'utf8'));
  return [...uleb(bytes.length), ...bytes];
}

export interface ExportedFunction {
  readonly name: string;
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
  readonly body: FunctionBody;
}

/** A module with one memory of `pages` 64 KiB pages exported as `memory`, and the given exported functions. */
export function encodeModule(pages: number, functions: readonly ExportedFunction[]): Uint8Array<ArrayBuffer> {
  const types: number[] = uleb(functions.length);
  for (const f of functions) types.push(0x60, ...uleb(f.params.length), ...f.params, ...uleb(f.results.length), ...f.results);
  const funcs: number[] = uleb(functions.length);
  functions.forEach((_, i) => funcs.push(...uleb(i)));
  const memory = [1, 0x00, ...uleb(pages)];
  const exports: number[] = uleb(functions.length + 1);
  exports.push(...name('memory'), 0x02, 0);
  functions.forEach((f, i) => exports.push(...name(f.name), 0x00, ...uleb(i)));
  const code: number[] = uleb(functions.length);
  for (const f of functions) code.push(...f.body.encode());
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, types),
    ...section(3, funcs),
    ...section(5, memory),
    ...section(7, exports),
    ...section(10, code),
  ]);
}
