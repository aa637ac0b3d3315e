import type { KeywordSpec, Prefilter } from './prefilter-types.js';
import { buildTeddyPrefilter, wasmSimdAvailable } from './teddy.js';
import { buildDfaPrefilter } from './dfa.js';

export type { HitCallback, KeywordSpec, Prefilter } from './prefilter-types.js';

/**
 * Keyword prefilter: finds every occurrence of every keyword in one pass,
 * overlapping ones included, ASCII case-insensitively where asked.
 *
 * Two exact implementations that report the same hits in the same order: the
 * Aho-Corasick DFA (dfa.ts, 150-550 MB/s, built in a few milliseconds) and
 * the WebAssembly SIMD kernel (teddy.ts, about 1-1.7 GB/s on source text, but
 * planning and compiling it costs about 40 ms in a cold process). The default
 * starts with the DFA and moves to the kernel once SIMD_AFTER_BYTES have been
 * scanned: a push hook scanning a small diff never pays the set-up, a history
 * scan pays it once.
 */
export class PrefilterError extends Error {
  readonly code = 'PREFILTER_EMPTY_KEYWORD';
  constructor(readonly keyword: number) {
    super(`keyword #${keyword} is empty`);
  }
}

export type PrefilterKind = 'simd' | 'dfa';

export const SIMD_AFTER_BYTES = 8 * 1024 * 1024;

let simd: boolean | undefined;

export function buildPrefilter(keywords: readonly KeywordSpec[], kind?: PrefilterKind): Prefilter {
  keywords.forEach((k, i) => {
    if (k.text.length === 0) throw new PrefilterError(i);
  });
  if (kind === 'simd') return buildTeddyPrefilter(keywords);
  const dfa = buildDfaPrefilter(keywords);
  simd ??= wasmSimdAvailable();
  if (kind === 'dfa' || !simd) return dfa;
  let fast: Prefilter | undefined;
  let scanned = 0;
  return {
    keywords,
    scan(buf, from, to, onHit) {
      if (fast === undefined) {
        scanned += to - from;
        if (scanned > SIMD_AFTER_BYTES) fast = buildTeddyPrefilter(keywords);
      }
      (fast ?? dfa).scan(buf, from, to, onHit);
    },
  };
}
