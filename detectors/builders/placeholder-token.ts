/**
 * The one placeholder judgment every identifiable detector gets, applied by
 * the engine after the detector's validator: is the random part of a token
 * something a person typed (`a1b2c3d4…`, `abcd1234abcd1234…`, `FAKE…`,
 * `…hello…world…`, a constant body with a valid checksum, an edit of a
 * provider's documented example key) rather than something a generator drew?
 *
 * With no bypass, a placeholder that blocks a push leaves a developer stuck;
 * a real token waved through is a leak. So every rule's threshold is chosen
 * per format from its alphabet and length so that a uniformly random token
 * trips it with probability under a fixed budget, and `falseRejectionBound`
 * gives the sum (a union bound), which a test holds below one in a million
 * for every format. A short hex body simply gets fewer rules than a long
 * base62 one. Pure and allocation-light: it runs only on candidates that
 * already passed their validator.
 */

/** What the judgment needs to know about a format's random part. */
export interface RandomShape {
  readonly alphabet: string;
  readonly minLength: number;
  readonly maxLength: number;
}

export interface PlaceholderJudge {
  /** Why `random` (a candidate's random part) is a placeholder, or null when it may be generated. */
  reason(random: string): string | null;
}

/** Per-rule budgets: each rule rejects a random token with at most this probability. */
const STRETCH_BUDGET = 1e-7;
const DISTINCT_BUDGET = 1e-8;
const WORD_BUDGET = 1e-7;
const WORDS_BUDGET = 1e-7;
const EXAMPLE_BUDGET = 1e-8;

/**
 * Placeholder words, matched case-insensitively anywhere in the random part.
 * A word counts only for formats where it is improbable by chance: alone when
 * one occurrence is (`placeholder` in base62), in pairs otherwise (`fake` and
 * `token`).
 */
const WORDS = [
  'fake', 'example', 'sample', 'dummy', 'test', 'testing', 'hello', 'world', 'placeholder', 'your', 'yours',
  'redacted', 'hardcoded', 'changeme', 'replace', 'insert', 'secret', 'token', 'password', 'passwd', 'apikey',
  'mock', 'demo', 'foobar', 'lorem', 'ipsum', 'notreal', 'invalid', 'qwerty', 'asdf', 'xxxx', 'here', 'this',
  'that', 'some', 'dont', 'real', 'random', 'value', 'string', 'key', 'abc', 'xyz', 'not', 'fixme', 'todo',
];

/**
 * Starts of documented example keys' random parts (after the format's
 * prefix), from providers' public documentation; an edit that keeps the start
 * (`AKIAIOSFODNN7EXAMPL3`) is still the example. These are public, and none
 * is a complete token.
 */
const DOCUMENTED_EXAMPLE_STARTS = [
  'IOSFODNN7', // AWS access key id AKIAIOSFODNN7EXAMPLE (AWS documentation)
  'I44QH8DHB', // AWS access key id AKIAI44QH8DHBEXAMPLE (AWS documentation)
  'wJalrXUtnFEMI', // AWS secret access key wJalrXUtnFEMI/K7MDENG/... (AWS documentation)
  'je7MtGbClwBF', // AWS secret access key je7MtGbClwBF/2Zp9Utk/... (AWS documentation)
  '1B4a2e7783834', // GitHub refresh token ghr_1B4a2e7783834... (GitHub's "Refreshing user access tokens" page)
  '16C7e42F292c6', // GitHub user access token ghu_16C7e42F292c6... (GitHub's documentation)
];

/** Steps compared by the stretch rule: period (delta 0, shift 1-8), walks (delta ±1, shift 1-2). */
export const STRETCH_TESTS: ReadonlyArray<readonly [shift: number, delta: number]> = [
  [1, 0], [2, 0], [3, 0], [4, 0], [5, 0], [6, 0], [7, 0], [8, 0],
  [1, 1], [1, -1], [2, 1], [2, -1],
];

function fold(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 32 : c;
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);
}

/** log of the binomial coefficient C(n, k). */
function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 0; i < k; i++) s += Math.log(n - i) - Math.log(i + 1);
  return s;
}

interface Thresholds {
  /** A stretch of this many consecutive equal (or ±1) steps rejects. */
  readonly stretch: number;
  /** At most this many distinct characters rejects (0: rule off). */
  readonly fewDistinct: number;
  /** Words that reject alone. */
  readonly single: readonly string[];
  /** Words that reject in company, and how many occurrences it takes (0: rule off). */
  readonly paired: readonly string[];
  readonly pairedByFirst: ReadonlyMap<number, readonly string[]>;
  readonly pairedCount: number;
  readonly examples: readonly string[];
  /** The union bound of the rules above for a random part of this length. */
  readonly bound: number;
}

/** Probability model of one random character: how many alphabet characters fold to each folded character. */
class Model {
  readonly size: number;
  private readonly folded = new Map<number, number>();
  private readonly raw = new Set<number>();
  constructor(alphabet: string) {
    for (const ch of new Set(alphabet)) {
      const c = ch.charCodeAt(0);
      this.raw.add(c);
      this.folded.set(fold(c), (this.folded.get(fold(c)) ?? 0) + 1);
    }
    this.size = this.raw.size;
  }
  /** Largest chance that a random character folds to one given character. */
  get maxFold(): number {
    return Math.max(...this.folded.values()) / this.size;
  }
  /** Chance that `word.length` random characters spell `word`, ignoring case. */
  spell(word: string): number {
    let q = 1;
    for (const ch of word) q *= (this.folded.get(fold(ch.charCodeAt(0))) ?? 0) / this.size;
    return q;
  }
  /** Chance that random characters are exactly `text` (case kept). */
  exactly(text: string): number {
    let q = 1;
    for (const ch of text) q *= this.raw.has(ch.charCodeAt(0)) ? 1 / this.size : 0;
    return q;
  }
}

function thresholds(model: Model, n: number): Thresholds {
  const A = model.size;
  let bound = 0;
  // Stretch: `n` starts, 12 tests, each further step matching with chance at most maxFold.
  const p1 = model.maxFold;
  let stretch = 4;
  while (STRETCH_TESTS.length * n * p1 ** stretch > STRETCH_BUDGET) stretch++;
  bound += STRETCH_TESTS.length * n * p1 ** stretch;
  // Few distinct characters: P(at most k distinct) <= C(A, k) (k/A)^n.
  let fewDistinct = 0;
  for (let k = 1; k < A; k++) {
    const logP = logChoose(A, k) + n * Math.log(k / A);
    if (logP > Math.log(DISTINCT_BUDGET)) break;
    fewDistinct = k;
  }
  if (fewDistinct > 0) bound += Math.exp(logChoose(A, fewDistinct) + n * Math.log(fewDistinct / A));
  // Words: alone where improbable enough, else in company.
  const single: string[] = [];
  const paired: string[] = [];
  let singleSum = 0;
  let pairedSum = 0;
  const candidates = WORDS.map((w) => ({ w, p: Math.max(0, n - w.length + 1) * model.spell(w) })).filter((x) => x.p > 0);
  candidates.sort((a, b) => a.p - b.p);
  for (const { w, p } of candidates) {
    if (singleSum + p <= WORD_BUDGET) {
      single.push(w);
      singleSum += p;
    } else {
      paired.push(w);
      pairedSum += p;
    }
  }
  bound += singleSum;
  // k occurrences of paired words at disjoint places: at most pairedSum^k (union over ordered placements).
  let pairedCount = 0;
  if (pairedSum > 0) {
    for (let k = 2; k <= 4; k++) {
      if (pairedSum ** k <= WORDS_BUDGET) {
        pairedCount = k;
        bound += pairedSum ** k;
        break;
      }
    }
  }
  const examples: string[] = [];
  for (const e of DOCUMENTED_EXAMPLE_STARTS) {
    const p = model.exactly(e);
    if (p > 0 && p <= EXAMPLE_BUDGET && e.length <= n) {
      examples.push(e);
      bound += p;
    }
  }
  const kept = pairedCount > 0 ? paired : [];
  return { stretch, fewDistinct, single, paired: kept, pairedByFirst: byFirstCharacter(kept), pairedCount, examples, bound };
}

/**
 * The first of STRETCH_TESTS (in their order) for which `folded` holds
 * `length` consecutive steps of `shift` characters that differ by `delta`,
 * or -1: all twelve in one pass over the part.
 */
export function firstStretch(folded: Uint16Array, length: number): number {
  // STRETCH_TESTS' order: periods 1-8 (tests 0-7), then walks +1 and -1 by 1 (8, 9) and by 2 (10, 11).
  const n = folded.length;
  const runs = new Int32Array(12);
  let found = 0;
  for (let i = 0; i < n; i++) {
    const a = folded[i]!;
    for (let s = 1; s <= 8 && i + s < n; s++) {
      const run = folded[i + s] === a ? runs[s - 1]! + 1 : 0;
      runs[s - 1] = run;
      if (run >= length) found |= 1 << (s - 1);
    }
    if (!isAlnum(a)) {
      runs[8] = runs[9] = runs[10] = runs[11] = 0;
      continue;
    }
    for (let s = 1; s <= 2 && i + s < n; s++) {
      const b = folded[i + s]!;
      const alnum = isAlnum(b);
      const up = alnum && b - a === 1 ? runs[6 + 2 * s]! + 1 : 0;
      const down = alnum && a - b === 1 ? runs[7 + 2 * s]! + 1 : 0;
      runs[6 + 2 * s] = up;
      runs[7 + 2 * s] = down;
      if (up >= length) found |= 1 << (6 + 2 * s);
      if (down >= length) found |= 1 << (7 + 2 * s);
    }
  }
  return found === 0 ? -1 : 31 - Math.clz32(found & -found);
}

function countDistinct(random: string): number {
  // Candidates are latin1 text: a 256-bit set, no Set of one-character strings.
  const seen = new Uint32Array(8);
  let distinct = 0;
  for (let i = 0; i < random.length; i++) {
    const c = random.charCodeAt(i);
    if (c > 0xff) return new Set(random).size;
    const bit = 1 << (c & 31);
    if ((seen[c >> 5]! & bit) === 0) {
      seen[c >> 5]! |= bit;
      distinct++;
    }
  }
  return distinct;
}

/** Words by their first character, in list order: most places start none of them. */
function byFirstCharacter(words: readonly string[]): Map<number, string[]> {
  const index = new Map<number, string[]>();
  for (const w of words) {
    const c = w.charCodeAt(0);
    let list = index.get(c);
    if (list === undefined) index.set(c, (list = []));
    list.push(w);
  }
  return index;
}

/** Occurrences of the indexed words in `lower` at disjoint places, greedily from the left (the first listed word at a place). */
function wordOccurrences(lower: string, words: ReadonlyMap<number, readonly string[]>): string[] {
  const found: string[] = [];
  for (let i = 0; i < lower.length; ) {
    const w = words.get(lower.charCodeAt(i))?.find((x) => lower.startsWith(x, i));
    if (w === undefined) i++;
    else {
      found.push(w);
      i += w.length;
    }
  }
  return found;
}

export function placeholderJudge(shape: RandomShape): PlaceholderJudge {
  const model = new Model(shape.alphabet);
  const byLength = new Map<number, Thresholds>();
  const at = (n: number): Thresholds => {
    let t = byLength.get(n);
    if (t === undefined) byLength.set(n, (t = thresholds(model, n)));
    return t;
  };
  // Judged per candidate on the scan path: one folded copy reused, each word list as one search.
  let folded = new Uint16Array(64);
  const anyWord = new Map<readonly string[], RegExp | null>();
  const search = (words: readonly string[]): RegExp | null => {
    let re = anyWord.get(words);
    if (re === undefined) anyWord.set(words, (re = words.length === 0 ? null : new RegExp(words.map(escapeRegExp).join('|'))));
    return re;
  };
  return {
    reason(random) {
      const n = random.length;
      if (n === 0) return null;
      const t = at(n);
      if (folded.length < n) folded = new Uint16Array(2 * n);
      for (let i = 0; i < n; i++) folded[i] = fold(random.charCodeAt(i));
      const part = folded.subarray(0, n);
      const stretched = firstStretch(part, t.stretch);
      if (stretched >= 0) {
        const [shift, delta] = STRETCH_TESTS[stretched]!;
        return delta === 0 ? (shift === 1 ? 'placeholder: one character repeated' : 'placeholder: repeating pattern') : 'placeholder: alphabet walk';
      }
      if (t.fewDistinct > 0 && countDistinct(random) <= t.fewDistinct) return 'placeholder: too few distinct characters';
      const lower = random.toLowerCase();
      if (search(t.single)?.test(lower) === true) {
        for (const w of t.single) if (lower.includes(w)) return `placeholder: the word "${w}"`;
      }
      if (t.pairedCount > 0 && search(t.paired)?.test(lower) === true) {
        const found = wordOccurrences(lower, t.pairedByFirst);
        if (found.length >= t.pairedCount) return `placeholder: the words ${found.map((w) => `"${w}"`).join(', ')}`;
      }
      for (const e of t.examples) if (random.startsWith(e)) return 'placeholder: a documented example key';
      return null;
    },
  };
}

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Upper bound of the chance that the judgment rejects a uniformly random
 * random part of this shape, over every length it may have.
 */
export function falseRejectionBound(shape: RandomShape): number {
  const model = new Model(shape.alphabet);
  let worst = 0;
  for (let n = shape.minLength; n <= shape.maxLength; n++) worst = Math.max(worst, thresholds(model, n).bound);
  return worst;
}
