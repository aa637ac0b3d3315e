import type { HitCallback } from './prefilter-types.js';

/**
 * Re-orders keyword hits into what an Aho-Corasick automaton reports: by end
 * offset, longer keyword first (at one end, longer means an earlier start),
 * then by keyword index. The SIMD kernels (teddy.ts, teddy-native.ts) find
 * hits by fingerprint position instead, so nearly in order: an insertion sort
 * on arrival is cheap, and `flush` hands on the hits no later one can precede.
 *
 * Starts are kept as Int32: callers whose positions may pass 2^31 push them
 * relative to a base of their own, pass that base to `flush` and move it with
 * `shift`.
 */
export class HitOrder {
  private hk = new Int32Array(1024);
  private hs = new Int32Array(1024);
  private hn = 0;

  /** `lengths[kw]`: keyword lengths in bytes. */
  constructor(private readonly lengths: readonly number[]) {}

  /** Hits held, not yet flushed. */
  get size(): number {
    return this.hn;
  }

  clear(): void {
    this.hn = 0;
  }

  push(kw: number, start: number): void {
    const lengths = this.lengths;
    let hk = this.hk;
    let hs = this.hs;
    let hn = this.hn;
    if (hn === hk.length) {
      const nk = new Int32Array(hn * 2);
      nk.set(hk);
      this.hk = hk = nk;
      const ns = new Int32Array(hn * 2);
      ns.set(hs);
      this.hs = hs = ns;
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
    this.hn = hn;
  }

  /** Reports, as `base + start`, and drops the held hits that end at or before `upTo` (in pushed coordinates). */
  flush(upTo: number, onHit: HitCallback, base = 0): void {
    const { lengths, hk, hs } = this;
    const hn = this.hn;
    let i = 0;
    while (i < hn && hs[i]! + lengths[hk[i]!]! <= upTo) {
      onHit(hk[i]!, base + hs[i]!);
      i++;
    }
    if (i > 0) {
      hk.copyWithin(0, i, hn);
      hs.copyWithin(0, i, hn);
      this.hn = hn - i;
    }
  }

  /** Subtracts `delta` from every held start: the caller moved its base forward by `delta`. */
  shift(delta: number): void {
    const hs = this.hs;
    for (let i = 0; i < this.hn; i++) hs[i] = hs[i]! - delta;
  }
}
