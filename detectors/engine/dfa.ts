import type { KeywordSpec, Prefilter } from './prefilter-types.js';

/**
 * Aho-Corasick compiled to a dense DFA over byte equivalence classes: the
 * portable fallback of the prefilter (and the reference the benchmark
 * compares the SIMD kernel with). Transitions hold the target row's offset
 * (state times class count), so a step is two dependent loads and no
 * multiply; the sign bit marks states with outputs.
 */
function foldVariants(byte: number, ignoreCase: boolean): number[] {
  if (!ignoreCase) return [byte];
  if (byte >= 0x41 && byte <= 0x5a) return [byte, byte + 0x20];
  if (byte >= 0x61 && byte <= 0x7a) return [byte, byte - 0x20];
  return [byte];
}

export function buildDfaPrefilter(keywords: readonly KeywordSpec[]): Prefilter {
  // Trie over raw bytes; case-insensitive keywords add both cases as edges.
  const goto: Map<number, number>[] = [new Map()];
  const outputs: number[][] = [[]];
  const lengths = keywords.map((k) => Buffer.byteLength(k.text, 'latin1'));
  keywords.forEach((kw, index) => {
    const bytes = Buffer.from(kw.text, 'latin1');
    let states = [0];
    for (const b of bytes) {
      const next: number[] = [];
      for (const s of states) {
        for (const v of foldVariants(b, kw.ignoreCase)) {
          let t = goto[s]!.get(v);
          if (t === undefined) {
            t = goto.length;
            goto.push(new Map());
            outputs.push([]);
            goto[s]!.set(v, t);
          }
          if (!next.includes(t)) next.push(t);
        }
      }
      states = next;
    }
    for (const s of states) outputs[s]!.push(index);
  });

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

  // Byte classes: bytes that never appear in any keyword share class 0.
  const classOf = new Uint8Array(256);
  let classes = 1;
  for (const m of goto) for (const b of m.keys()) if (classOf[b] === 0) classOf[b] = classes++;
  const byteOfClass = new Int32Array(classes).fill(-1);
  for (let b = 0; b < 256; b++) if (classOf[b] !== 0 && byteOfClass[classOf[b]!] === -1) byteOfClass[classOf[b]!] = b;

  const n = goto.length;
  const target = new Int32Array(n * classes);
  for (const s of [0, ...queue]) {
    for (let c = 1; c < classes; c++) {
      const direct = goto[s]!.get(byteOfClass[c]!);
      target[s * classes + c] = direct !== undefined ? direct : s === 0 ? 0 : target[fail[s]! * classes + c]!;
    }
  }
  // Row offsets instead of state numbers; sign bit: the target state has outputs.
  const delta = new Int32Array(n * classes);
  for (let i = 0; i < delta.length; i++) {
    const t = target[i]!;
    delta[i] = t * classes | (outputs[t]!.length > 0 ? -0x80000000 : 0);
  }
  const outByRow = new Map<number, Int32Array>();
  outputs.forEach((o, s) => {
    if (o.length > 0) outByRow.set(s * classes, Int32Array.from(o));
  });

  return {
    keywords,
    scan(buf, from, to, onHit) {
      let row = 0;
      for (let i = from; i < to; i++) {
        const t = delta[row + classOf[buf[i]!]!]!;
        if (t < 0) {
          row = t & 0x7fffffff;
          const outs = outByRow.get(row)!;
          for (let k = 0; k < outs.length; k++) {
            const kw = outs[k]!;
            onHit(kw, i + 1 - lengths[kw]!);
          }
        } else {
          row = t;
        }
      }
    },
  };
}
