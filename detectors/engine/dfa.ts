import type { KeywordSpec, Prefilter } from './prefilter-types.js';

/**
 * Aho-Corasick compiled to dense DFAs over byte equivalence classes: the
 * portable fallback of the prefilter, and the reference the benchmark
 * compares the SIMD kernel with.
 *
 * Case-sensitive and case-insensitive keywords get one automaton each, the
 * second over case-folded input. One automaton with both cases as trie edges
 * would need a state per case variant of every prefix: 2^18 states for
 * `aws_secret_access_key`. Transitions hold the target row's offset (state
 * times class count), so a step is two dependent loads and no multiply; the
 * sign bit marks states with outputs.
 */
interface Automaton {
  readonly classOf: Uint8Array;
  readonly delta: Int32Array;
  /** Keyword indexes by row offset, longest first, then by index. */
  readonly outputs: Map<number, Int32Array>;
}

function buildAutomaton(keywords: ReadonlyArray<{ bytes: Uint8Array; index: number }>, foldInput: boolean): Automaton {
  const goto: Map<number, number>[] = [new Map()];
  const outputs: number[][] = [[]];
  for (const { bytes, index } of keywords) {
    let s = 0;
    for (const b of bytes) {
      let t = goto[s]!.get(b);
      if (t === undefined) {
        t = goto.length;
        goto.push(new Map());
        outputs.push([]);
        goto[s]!.set(b, t);
      }
      s = t;
    }
    outputs[s]!.push(index);
  }

  // Failure links (BFS), merged outputs: own keywords first, then shorter suffixes.
  const fail = new Int32Array(goto.length);
  const queue: number[] = [];
  for (const t of goto[0]!.values()) queue.push(t);
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi]!;
    for (const [b, t] of goto[s]!) {
      queue.push(t);
      let f = fail[s]!;
      while (f !== 0 && !goto[f]!.has(b)) f = fail[f]!;
      const ft = goto[f]!.get(b);
      fail[t] = ft !== undefined && ft !== t ? ft : 0;
      outputs[t]!.push(...outputs[fail[t]!]!);
    }
  }

  // Byte classes: bytes that never appear in a keyword share class 0; folded input maps A-Z onto a-z.
  const classOf = new Uint8Array(256);
  let classes = 1;
  for (const m of goto) for (const b of m.keys()) if (classOf[b] === 0) classOf[b] = classes++;
  const byteOfClass = new Int32Array(classes).fill(-1);
  for (let b = 0; b < 256; b++) if (classOf[b] !== 0 && byteOfClass[classOf[b]!] === -1) byteOfClass[classOf[b]!] = b;
  // After byteOfClass, which must name the lower-case byte the trie has edges for.
  if (foldInput) for (let b = 0x41; b <= 0x5a; b++) classOf[b] = classOf[b + 0x20]!;

  const n = goto.length;
  const target = new Int32Array(n * classes);
  for (const s of [0, ...queue]) {
    for (let c = 1; c < classes; c++) {
      const direct = goto[s]!.get(byteOfClass[c]!);
      target[s * classes + c] = direct !== undefined ? direct : s === 0 ? 0 : target[fail[s]! * classes + c]!;
    }
  }
  const delta = new Int32Array(n * classes);
  for (let i = 0; i < delta.length; i++) {
    const t = target[i]!;
    delta[i] = (t * classes) | (outputs[t]!.length > 0 ? -0x80000000 : 0);
  }
  const outByRow = new Map<number, Int32Array>();
  outputs.forEach((o, s) => {
    if (o.length > 0) outByRow.set(s * classes, Int32Array.from(o));
  });
  return { classOf, delta, outputs: outByRow };
}

export function buildDfaPrefilter(keywords: readonly KeywordSpec[]): Prefilter {
  const lengths = keywords.map((k) => Buffer.byteLength(k.text, 'latin1'));
  const exact: Array<{ bytes: Uint8Array; index: number }> = [];
  const folded: Array<{ bytes: Uint8Array; index: number }> = [];
  keywords.forEach((k, index) => {
    const bytes = Uint8Array.from(Buffer.from(k.text, 'latin1'));
    if (k.ignoreCase) {
      for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x41 && bytes[i]! <= 0x5a) bytes[i]! += 0x20;
      folded.push({ bytes, index });
    } else {
      exact.push({ bytes, index });
    }
  });
  const a = buildAutomaton(exact, false);
  const b = buildAutomaton(folded, true);

  /** Hits at one end offset from both automata: longer first, then by index, as one automaton would. */
  const emitBoth = (ra: number, rb: number, end: number, onHit: (kw: number, start: number) => void): void => {
    const oa = ra >= 0 ? a.outputs.get(ra)! : new Int32Array(0);
    const ob = rb >= 0 ? b.outputs.get(rb)! : new Int32Array(0);
    let i = 0;
    let j = 0;
    while (i < oa.length || j < ob.length) {
      let kw: number;
      if (j >= ob.length) kw = oa[i++]!;
      else if (i >= oa.length) kw = ob[j++]!;
      else {
        const ka = oa[i]!;
        const kb = ob[j]!;
        const first = lengths[ka]! > lengths[kb]! || (lengths[ka] === lengths[kb] && ka < kb);
        kw = first ? (i++, ka) : (j++, kb);
      }
      onHit(kw, end - lengths[kw]!);
    }
  };

  return {
    keywords,
    scan(buf, from, to, onHit) {
      const ca = a.classOf;
      const da = a.delta;
      if (folded.length === 0 || exact.length === 0) {
        const one = folded.length === 0 ? a : b;
        const c = one.classOf;
        const d = one.delta;
        let row = 0;
        for (let i = from; i < to; i++) {
          const t = d[row + c[buf[i]!]!]!;
          if (t < 0) {
            row = t & 0x7fffffff;
            const outs = one.outputs.get(row)!;
            for (let k = 0; k < outs.length; k++) onHit(outs[k]!, i + 1 - lengths[outs[k]!]!);
          } else {
            row = t;
          }
        }
        return;
      }
      const cb = b.classOf;
      const db = b.delta;
      let rowA = 0;
      let rowB = 0;
      for (let i = from; i < to; i++) {
        const x = buf[i]!;
        const ta = da[rowA + ca[x]!]!;
        const tb = db[rowB + cb[x]!]!;
        rowA = ta & 0x7fffffff;
        rowB = tb & 0x7fffffff;
        if ((ta | tb) < 0) emitBoth(ta < 0 ? rowA : -1, tb < 0 ? rowB : -1, i + 1, onHit);
      }
    },
  };
}
