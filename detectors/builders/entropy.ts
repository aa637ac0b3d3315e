/**
 * Randomness measures for legacy (heuristic) detectors: Shannon entropy and
 * character-class mix. Pure and allocation-light; values are short.
 */

/** Per-byte counts and first-seen order, reused by shannonEntropy (zeroed again before it returns). */
const BYTE_COUNTS = new Int32Array(256);
const FIRST_SEEN = new Uint8Array(256);

/** Whether every character is below U+0100 (what the engine's latin1 windows hold): then characters are code points. */
function isNarrow(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0xff) return false;
  return true;
}

/** Length in code points (`[...value].length`, without the array for narrow strings). */
export function codePointLength(value: string): number {
  return isNarrow(value) ? value.length : [...value].length;
}

/**
 * Shannon entropy in bits per character (0 for an empty string). Narrow
 * strings (every candidate the engine produces) are counted in a reused byte
 * table, summed in first-seen order like the general path, so both give the
 * same bits to the last digit; validators call this for every candidate.
 */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  if (isNarrow(value)) {
    let distinct = 0;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (BYTE_COUNTS[c] === 0) FIRST_SEEN[distinct++] = c;
      BYTE_COUNTS[c]!++;
    }
    let bits = 0;
    for (let k = 0; k < distinct; k++) {
      const c = FIRST_SEEN[k]!;
      const p = BYTE_COUNTS[c]! / value.length;
      bits -= p * Math.log2(p);
      BYTE_COUNTS[c] = 0;
    }
    return bits;
  }
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const n = [...value].length;
  let bits = 0;
  for (const c of counts.values()) {
    const p = c / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export interface CharClasses {
  readonly lower: boolean;
  readonly upper: boolean;
  readonly digit: boolean;
  /** Anything that is not a letter, digit or one of the separators `_ - .`. */
  readonly symbol: boolean;
  /** How many of the four classes occur. Separators `_ - .` count as none: `open_sesame` is one class. */
  readonly count: number;
}

export function charClasses(value: string): CharClasses {
  let lower = false;
  let upper = false;
  let digit = false;
  let symbol = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) lower = true;
    else if (c >= 0x41 && c <= 0x5a) upper = true;
    else if (c >= 0x30 && c <= 0x39) digit = true;
    else if (c !== 0x5f && c !== 0x2d && c !== 0x2e) symbol = true;
  }
  return { lower, upper, digit, symbol, count: Number(lower) + Number(upper) + Number(digit) + Number(symbol) };
}

/** How often consecutive characters switch between lower, upper, digit and other. */
function classChanges(value: string): number {
  const kind = (c: number): number => (c >= 0x61 && c <= 0x7a ? 0 : c >= 0x41 && c <= 0x5a ? 1 : c >= 0x30 && c <= 0x39 ? 2 : 3);
  let changes = 0;
  for (let i = 1; i < value.length; i++) if (kind(value.charCodeAt(i)) !== kind(value.charCodeAt(i - 1))) changes++;
  return changes;
}

/** Graded randomness of a candidate value, from length, class mix and entropy. */
export type Strength = 'random' | 'strong' | 'fair' | 'weak';

export interface StrengthReport {
  readonly strength: Strength;
  readonly length: number;
  readonly classes: number;
  /** Bits per character. */
  readonly entropy: number;
}

/**
 * - random: machine-generated looking (long, high entropy, at least two classes);
 * - strong: a human password with a real mix (8+ characters, 3+ classes);
 * - fair: 8+ characters, two classes including a digit or a symbol mixed into the letters (not `word123`);
 * - weak: anything else (words, short values, single class, repetitive runs).
 * Thresholds were tuned on the detectors' own examples and the Nosey Parker corpus
 * (see test/corpus/legacy-eval.test.ts).
 */
export function strengthOf(value: string): StrengthReport {
  const length = codePointLength(value);
  const cls = charClasses(value);
  const entropy = shannonEntropy(value);
  const base = { length, classes: cls.count, entropy };
  // Entropy of a random string is capped by log2(length) and by its alphabet (hex: 4 bits); compare against what they allow.
  const alphabetBits = /^[0-9a-f]+$/i.test(value) ? 4 : 6;
  const cap = Math.min(alphabetBits, Math.log2(Math.max(2, Math.min(length, 64))));
  // Two classes only: they must interleave (hex, base62), not be a word with one symbol stuck in (`keldordor!silmav`).
  const interleaved = cls.count >= 3 || classChanges(value) >= 4;
  if (length >= 16 && cls.count >= 2 && interleaved && entropy >= Math.min(3.5, cap * 0.8)) return { ...base, strength: 'random' };
  if (length >= 12 && cls.count >= 3 && entropy >= Math.min(3.3, cap * 0.85)) return { ...base, strength: 'random' };
  if (length >= 8 && cls.count >= 3 && entropy >= 2.5) return { ...base, strength: 'strong' };
  // Two classes only: one run of letters with digits or symbols around it (`busybox@`, `abuser123`) is a word, not a mix.
  const decoratedWord = /^[^A-Za-z]*[A-Za-z]+[^A-Za-z]*$/.test(value);
  if (length >= 8 && cls.count === 2 && (cls.digit || cls.symbol) && entropy >= 2.5 && !decoratedWord) return { ...base, strength: 'fair' };
  return { ...base, strength: 'weak' };
}
