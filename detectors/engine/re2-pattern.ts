import { createRequire } from 'node:module';
import type { RE2 as RE2Class } from 're2-wasm';

/**
 * re2-wasm compiles its WebAssembly when it is loaded (about 90 ms), so it is
 * loaded on the first pattern compile, not at import: a push whose blobs fire
 * no keyword never pays for it.
 */
let RE2: typeof RE2Class | undefined;
function re2(): typeof RE2Class {
  RE2 ??= (createRequire(import.meta.url)('re2-wasm') as { RE2: typeof RE2Class }).RE2;
  return RE2;
}

/**
 * RE2 (linear time, no backtracking) compiled lazily: compiling every pattern
 * up front costs seconds of start-up, and a push usually fires few keywords.
 * Inputs are latin1-decoded byte windows, so RE2's code-point offsets equal
 * byte offsets (every code point is < 256).
 */
export interface CompiledPattern {
  /** Every non-overlapping match in `text`, leftmost-first. */
  matchAll(text: string): PatternMatch[];
}

export interface PatternMatch {
  readonly index: number;
  readonly text: string;
  readonly groups: Readonly<Record<string, string | undefined>>;
}

export class PatternError extends Error {
  readonly code = 'PATTERN_INVALID';
  constructor(readonly detectorId: string, detail: string) {
    super(`detector ${detectorId}: invalid RE2 pattern: ${detail}`);
  }
}

export function compilePattern(detectorId: string, source: string): CompiledPattern {
  let re: RE2Class;
  try {
    re = new (re2())(source, 'gu');
  } catch (err) {
    throw new PatternError(detectorId, (err as Error).message);
  }
  return {
    matchAll(text) {
      const out: PatternMatch[] = [];
      re.lastIndex = 0;
      for (;;) {
        const m = re.exec(text);
        if (m === null) break;
        const whole = m[0] ?? '';
        out.push({ index: m.index, text: whole, groups: m.groups ?? {} });
        // Empty matches would loop forever; patterns should never match empty, but be safe.
        if (whole.length === 0) re.lastIndex = m.index + 1;
      }
      return out;
    },
  };
}
