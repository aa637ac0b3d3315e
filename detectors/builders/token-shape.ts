import type { Verdict } from '../types.js';

/** The verdict of a fixed-prefix detector whose candidate passed its shape checks. */
export const SHAPE_MATCH: Verdict = { confidence: 'high', reason: 'prefix, alphabet and length' };

const PLACEHOLDER_WORDS = ['EXAMPLE', 'Example', 'example'];

/**
 * Tells a generated token body from one a person typed as a placeholder
 * (`XXXXXXXX...`, `0000...`, `1234567890abcdef...`, `...EXAMPLE...`).
 *
 * The thresholds are set so that a uniformly random body of 16+ characters
 * fails them with negligible probability, even over a 16-character (hex)
 * alphabet: fewer distinct characters than min(8, length/3), an identical run
 * of 7, a run of 8 consecutive code points (up or down), a run of 6 `x`/`X`,
 * or a placeholder word.
 */
export function looksGenerated(body: string): boolean {
  if (new Set(body).size < Math.min(8, Math.ceil(body.length / 3))) return false;
  let same = 1;
  let up = 1;
  let down = 1;
  let xs = isX(body.charCodeAt(0)) ? 1 : 0;
  for (let i = 1; i < body.length; i++) {
    const prev = body.charCodeAt(i - 1);
    const c = body.charCodeAt(i);
    same = c === prev ? same + 1 : 1;
    up = c === prev + 1 ? up + 1 : 1;
    down = c === prev - 1 ? down + 1 : 1;
    xs = isX(c) ? xs + 1 : 0;
    if (same >= 7 || up >= 8 || down >= 8 || xs >= 6) return false;
  }
  return !PLACEHOLDER_WORDS.some((w) => body.includes(w));
}

function isX(c: number): boolean {
  return c === 0x78 || c === 0x58;
}

/** A validator that accepts a candidate when the part after `prefixLength` looks generated. */
export function generatedBodyAfter(prefixLength: number): (candidate: { secret: string }) => Verdict | null {
  return ({ secret }) => (looksGenerated(secret.slice(prefixLength)) ? SHAPE_MATCH : null);
}
