import { createRequire } from 'node:module';
import { dirname, sep } from 'node:path';
import type { RE2 as RE2Class } from 're2-wasm';
import { jsExactTwin, jsTwin, leadingLiterals, type LeadingLiteral } from './js-fast-reject.js';
import { plainRegular } from './plain-regular.js';

/**
 * re2-wasm instances, each with its own fixed 16 MiB heap, loaded when first
 * needed (about 25 to 90 ms each), not at import: a push whose blobs fire no
 * keyword never pays for one. The module keeps its heap in module state, so a
 * second instance is the same files loaded again with Node's require cache
 * for them cleared.
 */
const instances: Array<typeof RE2Class> = [];
function re2Instance(index: number): typeof RE2Class {
  let instance = instances[index];
  if (instance === undefined) {
    const require = createRequire(import.meta.url);
    if (index > 0) {
      // node_modules/re2-wasm/build/src/re2.js -> node_modules/re2-wasm/
      const root = dirname(dirname(dirname(require.resolve('re2-wasm')))) + sep;
      for (const key of Object.keys(require.cache)) if (key.startsWith(root)) delete require.cache[key];
    }
    instance = (require('re2-wasm') as { RE2: typeof RE2Class }).RE2;
    instances[index] = instance;
  }
  return instance;
}

/**
 * RE2 (linear time, no backtracking) compiled lazily: compiling every pattern
 * up front costs seconds of start-up, and a push usually fires few keywords.
 * Inputs are latin1-decoded byte windows, so RE2's code-point offsets equal
 * byte offsets (every code point is < 256).
 */
export interface CompiledPattern {
  /**
   * Every non-overlapping match in `text`, leftmost-first. With `want`, only
   * the matches it accepts (by offset and length) get their groups extracted
   * and returned; the others are skipped, and matching goes on after them.
   */
  matchAll(text: string, want?: (index: number, length: number) => boolean): PatternMatch[];
  /**
   * With fast paths: the pattern's exact JavaScript twin (flags `gd`, named
   * groups kept), which finds the same matches as RE2 on latin1 text. The
   * engine runs it first and hands a window to RE2 only when one of its
   * matches would pass the detector's validator, so RE2 confirms findings
   * instead of rejecting thousands of `token: string` windows. Null when the
   * pattern has no exact twin or fast paths are off.
   */
  readonly exact: RegExp | null;
  /**
   * Whether the exact twin's matches are RE2's without asking RE2: the
   * pattern is in the syntax both read alike (plain-regular.ts).
   */
  readonly twinIsRe2: boolean;
  /** False only when no match is possible in `text` (the cheap, trimmed twin; always true without fast paths). */
  mayMatch(text: string): boolean;
  /** The twin's leading literals when every match of it starts with one of them (js-fast-reject.ts), else null. */
  readonly leadingLiterals: readonly LeadingLiteral[] | null;
  /** Whether the twin matches starting exactly at `at` (a sticky test); true when there is no twin. */
  mayMatchAt(text: string, at: number): boolean;
  /**
   * Whether RE2's leftmost match in `text` from offset `at` starts at `at`
   * and is `length` characters long. A search without groups: RE2 finds a
   * match's bounds with its DFA in microseconds, while extracting groups
   * costs up to a millisecond per match for patterns with counted
   * repetitions (measured: 11 us against 1,270 us for an Azure storage
   * connection string), so the engine asks RE2 only where a match is and
   * takes the groups from the exact twin's exec() of the same match.
   */
  confirm(text: string, at: number, length: number): boolean;
  /** The match of an exec() of `exact` as RE2's matchAll would give it on the same text. */
  twinMatch(m: RegExpExecArray): PatternMatch;
}

/**
 * re2-wasm's own binding, which RE2.exec/test wrap: a search from `start`
 * giving the match's offset and text, with groups only when asked. exec()
 * with groups costs several times a search without (tens of microseconds per
 * match, measured), so a match is first located without groups and its
 * groups are extracted only when the engine will use them. re2-wasm is pinned
 * (package.json); engine tests fail if this shape changes.
 */
interface Re2Binding {
  match(input: string, start: number, captureGroups: boolean): { index: number; match: string };
}

export interface PatternMatch {
  readonly index: number;
  readonly text: string;
  /** The pattern's named groups (never the engine's own prefix group). */
  readonly groups: Readonly<Record<string, string | undefined>>;
  /** Offset of the `secret` group inside `text`; undefined when the pattern has no such group or it did not take part. */
  readonly secretOffset: number | undefined;
}

export class PatternError extends Error {
  readonly code = 'PATTERN_INVALID';
  constructor(readonly detectorId: string, detail: string) {
    super(`detector ${detectorId}: invalid RE2 pattern: ${detail}`);
  }
}

export interface CompileOptions {
  /**
   * Default true: reject windows with the pattern's JavaScript twin
   * (js-fast-reject.ts), locate matches without groups, and extract groups
   * only for matches `want` accepts (none for a pattern that is all secret).
   * False: exec() with groups for every match, the reference tests compare to.
   */
  readonly fastPaths?: boolean;
}

/** The capture group the engine adds around everything before `(?P<secret>`, to know where the secret starts. */
const PREFIX_GROUP = 'pushgate_before_secret';

/**
 * `source` with the part before a top-level `(?P<secret>` wrapped in a named
 * group. Adding a capture group changes no match and no other group, and
 * re2-wasm gives group texts but not their offsets: the prefix group's length
 * is the secret's exact offset in the match (a value that also occurs earlier
 * in the match, `admin:admin@`, is no longer a guess). Null when the secret
 * group is nested or follows a top-level `|`.
 */
export function withPrefixGroup(source: string): string | null {
  const at = source.indexOf('(?P<secret>');
  if (at <= 0) return null;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < at; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      // `[]...]` and `[^]...]`: the first `]` is a literal.
      if (source[i + 1] === '^') i++;
      if (source[i + 1] === ']') i++;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return null;
  }
  if (depth !== 0 || inClass) return null;
  return `(?P<${PREFIX_GROUP}>${source.slice(0, at)})${source.slice(at)}`;
}

/**
 * Whether `source` is `(?P<secret>...)` around the whole pattern with no other
 * capture group: then the match is the secret and there is nothing else to
 * extract, so a search without groups gives everything exec() would.
 */
export function wholeMatchIsSecret(source: string): boolean {
  if (!source.startsWith('(?P<secret>') || !source.endsWith(')')) return false;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      if (source[i + 1] === '^') i++;
      if (source[i + 1] === ']') i++;
    } else if (c === '(') {
      // Another capture group: plain `(` or a named one.
      if (i > 0 && (source[i + 1] !== '?' || source[i + 2] === 'P' || source[i + 2] === '<')) return false;
      depth++;
    } else if (c === ')') {
      depth--;
      // The secret group closes before the end: something follows it.
      if (depth === 0 && i !== source.length - 1) return false;
    }
  }
  return depth === 0 && !inClass;
}

/**
 * Compiled RE2 objects by source, shared by every engine of the process.
 * One re2-wasm heap is fixed at 16 MiB for all its compiled programs and DFA
 * caches, and running out aborts that instance for good; the catalogue's 330
 * patterns no longer fit in one (the conformance run aborted past about 300).
 * So each instance holds at most RE2_PATTERNS_PER_INSTANCE (the 200 longest
 * patterns, each worked over 64 KiB, fit in one: pattern-heap.test.ts holds
 * this many), a pattern goes to the first instance with room, and up to
 * RE2_INSTANCES are loaded: the whole catalogue stays compiled (compiling
 * costs 2 ms for a median pattern and up to 90 ms for long counted
 * repetitions, so evicting in turn made a scan of every detector's examples
 * several times slower). Past that, the least recently used is freed.
 * Nothing outside this map holds a compiled object across calls, so freeing
 * one is safe: calls are synchronous and look the object up each time.
 */
export const RE2_PATTERNS_PER_INSTANCE = 128;
export const RE2_INSTANCES = 4;
interface Compiled {
  readonly re: RE2Class;
  readonly instance: number;
}
const shared = new Map<string, Compiled>();
const livePerInstance: number[] = [];

export function compilePattern(detectorId: string, source: string, options: CompileOptions = {}): CompiledPattern {
  const fast = options.fastPaths !== false;
  const twin = fast ? jsTwin(source) : null;
  const exact = fast ? jsExactTwin(source) : null;
  const sticky = twin === null ? null : new RegExp(twin.source, 'y');
  const secretOnly = fast && wholeMatchIsSecret(source);
  const prefixed = withPrefixGroup(source);
  const final = prefixed ?? source;
  // Without an exact twin the pattern is compiled now, so an invalid one fails at engine use, not mid-scan.
  if (exact === null) compileRe2(detectorId, final);
  const compiledRe2 = (): RE2Class => compileRe2(detectorId, final);
  const atStart = `^(?:${source})`;
  const afterContext = `^(?s:.)(?:${source})`;

  const withGroups = (m: NonNullable<ReturnType<RE2Class['exec']>>): PatternMatch => {
    const whole = m[0] ?? '';
    const groups: Record<string, string | undefined> = m.groups ?? {};
    let secretOffset: number | undefined;
    const secret = groups['secret'];
    if (secret !== undefined) {
      const before = groups[PREFIX_GROUP];
      secretOffset = before !== undefined ? before.length : secretOffsetGuess(whole, secret);
    }
    if (prefixed !== null) delete groups[PREFIX_GROUP];
    return { index: m.index, text: whole, groups, secretOffset };
  };

  /** The reference: exec() with groups for every match. */
  const matchAllPlain = (text: string): PatternMatch[] => {
    const re = compiledRe2();
    const out: PatternMatch[] = [];
    re.lastIndex = 0;
    for (;;) {
      const m = re.exec(text);
      if (m === null) break;
      out.push(withGroups(m));
      // Empty matches would loop forever; patterns should never match empty, but be safe.
      if ((m[0] ?? '').length === 0) re.lastIndex = m.index + 1;
    }
    return out;
  };

  return {
    exact,
    twinIsRe2: exact !== null && plainRegular(source),
    mayMatch: (text) => twin === null || twin.test(text),
    leadingLiterals: twin === null ? null : leadingLiterals(twin.source),
    mayMatchAt(text, at) {
      if (sticky === null) return true;
      sticky.lastIndex = at;
      return sticky.test(text);
    },
    confirm(text, at, length) {
      if (at <= 1) {
        // The match from `at`, anchored, behind its one character of context when there is one: the
        // same question as the unanchored search from `at` below (the leftmost match from there starts
        // there exactly when one does, and RE2 picks the same one), with `\b` and `^` seeing the same
        // neighbour or the same edge. An anchored search builds a handful of DFA states where the
        // unanchored one builds a state per set of live counters: a pattern's first confirmation cost
        // 2.5 ms unanchored and 0.3 ms anchored (measured over 60 table formats), and every scan pays
        // it once per pattern with a finding.
        const anchored = (compileRe2(detectorId, at === 1 ? afterContext : atStart) as unknown as { wrapper: Re2Binding }).wrapper;
        const found = anchored.match(text, 0, false);
        return found.index === 0 && found.match.length === length + at;
      }
      const binding = (compiledRe2() as unknown as { wrapper: Re2Binding }).wrapper;
      const found = binding.match(text, at, false);
      return found.index === at && found.match.length === length;
    },
    twinMatch(m) {
      const whole = m[0];
      const groups: Record<string, string | undefined> = { ...m.groups };
      const secret = groups['secret'];
      let secretOffset: number | undefined;
      if (secret !== undefined) {
        // RE2's offset is exact when the prefix group could be added, a guess otherwise (withGroups): the same here.
        const at = m.indices?.groups?.['secret']?.[0];
        secretOffset = prefixed !== null && at !== undefined ? at - m.index : secretOffsetGuess(whole, secret);
      }
      return { index: m.index, text: whole, groups, secretOffset };
    },
    matchAll(text, want) {
      if (!fast) return matchAllPlain(text);
      const out: PatternMatch[] = [];
      // The twin matches a superset of the pattern's language: no match there, no match in RE2.
      if (twin !== null && !twin.test(text)) return out;
      const re = compiledRe2();
      const binding = (re as unknown as { wrapper: Re2Binding }).wrapper;
      let at = 0;
      while (at <= text.length) {
        // Locate the next match without groups (re2-wasm returns index -1 when there is none).
        const found = binding.match(text, at, false);
        if (found.index < 0) break;
        const index = found.index;
        const length = found.match.length;
        at = length === 0 ? index + 1 : index + length;
        if (want !== undefined && !want(index, length)) continue;
        if (secretOnly) {
          out.push({ index, text: found.match, groups: { secret: found.match }, secretOffset: 0 });
          continue;
        }
        // The same match again, with groups: RE2's leftmost match from `index` is the one starting there.
        re.lastIndex = index;
        const m = re.exec(text);
        if (m === null || m.index !== index) break;
        out.push(withGroups(m));
      }
      return out;
    },
  };
}

function compileRe2(detectorId: string, source: string): RE2Class {
  const hit = shared.get(source);
  if (hit !== undefined) {
    // Most recently used goes last: Map iteration order is insertion order.
    shared.delete(source);
    shared.set(source, hit);
    return hit.re;
  }
  let instance = 0;
  while (instance < RE2_INSTANCES && (livePerInstance[instance] ?? 0) >= RE2_PATTERNS_PER_INSTANCE) instance++;
  if (instance === RE2_INSTANCES) {
    const [oldest, evicted] = shared.entries().next().value as [string, Compiled];
    shared.delete(oldest);
    (evicted.re as unknown as { wrapper: { delete(): void } }).wrapper.delete();
    instance = evicted.instance;
    livePerInstance[instance]!--;
  }
  let re: RE2Class;
  try {
    re = new (re2Instance(instance))(source, 'gu');
  } catch (err) {
    throw new PatternError(detectorId, (err as Error).message);
  }
  shared.set(source, { re, instance });
  livePerInstance[instance] = (livePerInstance[instance] ?? 0) + 1;
  return re;
}

/** Compiled RE2 objects alive in each loaded instance (tests: the bound holds). */
export function liveRe2Patterns(): readonly number[] {
  return instances.map((_, i) => livePerInstance[i] ?? 0);
}

/** For patterns whose secret group is nested: the last occurrence is the usual place of a value. */
function secretOffsetGuess(whole: string, secret: string): number {
  return whole.endsWith(secret) ? whole.length - secret.length : whole.indexOf(secret);
}
