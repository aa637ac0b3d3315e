import type { KeywordSpec, Prefilter } from './prefilter-types.js';
import { buildTeddyPrefilter, wasmSimdAvailable } from './teddy.js';
import { buildDfaPrefilter } from './dfa.js';

export type { HitCallback, KeywordSpec, Prefilter } from './prefilter-types.js';

/**
 * Keyword prefilter: finds every occurrence of every keyword in one pass,
 * overlapping ones included, ASCII case-insensitively where asked.
 *
 * The SIMD kernel (teddy.ts) runs at several GB/s on source text; the
 * Aho-Corasick DFA (dfa.ts) is the fallback for runtimes without
 * WebAssembly SIMD and reports exactly the same hits in the same order.
 */
export class PrefilterError extends Error {
  readonly code = 'PREFILTER_EMPTY_KEYWORD';
  constructor(readonly keyword: number) {
    super(`keyword #${keyword} is empty`);
  }
}

export type PrefilterKind = 'simd' | 'dfa';

let simd: boolean | undefined;

export function buildPrefilter(keywords: readonly KeywordSpec[], kind?: PrefilterKind): Prefilter {
  keywords.forEach((k, i) => {
    if (k.text.length === 0) throw new PrefilterError(i);
  });
  simd ??= wasmSimdAvailable();
  const use = kind ?? (simd ? 'simd' : 'dfa');
  return use === 'simd' ? buildTeddyPrefilter(keywords) : buildDfaPrefilter(keywords);
}
