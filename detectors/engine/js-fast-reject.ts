import { setFlagsFromString } from 'node:v8';

/**
 * A fast reject for RE2 patterns with V8's own regex engine. re2-wasm costs
 * tens of microseconds per window (the copy into WASM, then its DFA), while a
 * V8 RegExp over the same few hundred bytes costs about one. So each pattern
 * gets a JavaScript twin that finds a match in every text where RE2 finds one
 * (the same language, searched for by a part of it, see `trim`), and a window
 * the twin does not match is not handed to RE2 at all. On a hit RE2 runs as
 * before and stays the only source of matches and groups.
 *
 * Translation is by a small parser that knows which constructs mean the same
 * in both syntaxes on latin1 text (every code point < 256) and gives up,
 * returning null, on anything else: flags such as `(?i)`, `\p{..}`, `\C`,
 * `\z`, `\Q..\E`, POSIX classes, `\x{..}`, a class that starts with `]`.
 * Where the two differ on latin1 it spells the RE2 meaning out: RE2's `\s` is
 * `[\t\n\f\r ]` (JavaScript's adds \v and U+00A0), RE2's `.` is `[^\n]`
 * (JavaScript's also excludes \r). Named groups become non-capturing: the
 * twin only answers "is there a match".
 *
 * V8 backtracks, so a pattern with nested quantifiers could take exponential
 * time on some window. The flags below make V8 switch a regexp to its linear
 * (breadth-first) engine after a bounded number of backtracks. They only
 * apply to regexps created after they are set, which is why they are set
 * when this module loads, before any twin exists; the engine tests check a
 * catastrophic pattern finishes quickly on 30 kB.
 */
setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
setFlagsFromString('--regexp-backtracks-before-fallback=10000');

/** Escapes whose meaning is the same in RE2 and in a JavaScript regexp without flags (ASCII semantics). */
const SAME_ESCAPES = new Set(['d', 'D', 'w', 'W', 'b', 'B', 'n', 'r', 't', 'f', 'v']);
/** Escaped punctuation: a literal in both. */
const LITERAL_ESCAPES = new Set(['\\', '.', '-', '[', ']', '(', ')', '{', '}', '*', '+', '?', '|', '^', '$', '/', '"', "'", '#', '&', '~', ' ', ':', '=', '!', '<', '>', ',', '@', '%', '`', ';', '_']);
const RE2_SPACE = String.raw`\t\n\f\r `;
/** Everything but RE2_SPACE, as class ranges (\v is not a space in RE2). */
const RE2_NON_SPACE_RANGES = String.raw`\x00-\x08\x0b\x0e-\x1f\x21-\uffff`;

/** The JavaScript twin of an RE2 pattern, or null when it cannot be made exact. */
export function jsTwin(re2Source: string): RegExp | null {
  const out = translate(re2Source);
  if (out === null) return null;
  try {
    return new RegExp(trim(out));
  } catch {
    return null;
  }
}

/**
 * The exact twin: the whole pattern, untrimmed, with its named groups kept
 * (`(?P<name>` becomes `(?<name>`), flags `g` and `d` so the engine can walk
 * every match with group offsets. Both engines pick matches leftmost-first
 * with the same preference order (RE2 keeps Perl's submatch semantics), so
 * on latin1 text it finds the same matches with the same groups as RE2.
 * Null when the pattern cannot be translated exactly.
 */
export function jsExactTwin(re2Source: string): RegExp | null {
  const out = translate(re2Source, true);
  if (out === null) return null;
  try {
    return new RegExp(runStartGuard(out), 'gd');
  } catch {
    return null;
  }
}

/**
 * Key-assignment patterns (`(?:prefix)?(?<key>(?:--?)?[C]*keyword...)...(?:[T]|$)`)
 * make V8 try a match at every offset inside a run of key characters C, each
 * attempt running to the end of the run and backtracking through it: quadratic
 * in identifier runs, the largest cost of the legacy tier on minified code.
 * No match can start inside such a run except through the prefix:
 *
 * - a match at p taking no prefix, with text[p-1] in C, would also exist at
 *   p-1 (its `[C]*` takes text[p-1], then the same path, `-` being in C), so
 *   p would not be the leftmost start;
 * - p = the search's own start is no exception: the first search starts at 0,
 *   and every match ends with a T character (disjoint from C) or at the end.
 *
 * So `(?:prefix|(?<![C]))` finds the same matches, in the same order, with the
 * same groups, while V8 rejects inside-run offsets at once: about half the
 * twin's time on the engine's windows. Applied only when the shape is exactly
 * this and T and C share no byte; the source unchanged otherwise.
 */
export function runStartGuard(js: string): string {
  const items = split(js);
  if (items === null || items.length < 3) return js;
  const prefix = items[0]!.atom.startsWith('(?:') && items[0]!.quantifier === '?' ? items[0]! : null;
  const rest = prefix ? items.slice(1) : items;
  const key = rest[0]!;
  const named = /^\(\?<[A-Za-z_][A-Za-z0-9_]*>/.exec(key.atom);
  if (named === null || key.quantifier !== '') return js;
  const inner = split(key.atom.slice(named[0].length, -1));
  if (inner === null) return js;
  const dashes = inner[0]?.atom === '(?:--?)' && inner[0].quantifier === '?';
  const run = inner[dashes ? 1 : 0];
  if (run === undefined || !run.atom.startsWith('[') || run.atom.startsWith('[^') || run.quantifier !== '*') return js;
  const last = items[items.length - 1]!;
  const end = /^\(\?:(\[.*\])\|\$\)$/.exec(last.atom);
  if (end === null || last.quantifier !== '' || classEnd(end[1]!, 0) !== end[1]!.length) return js;
  const inRun = new RegExp(run.atom);
  const ends = new RegExp(end[1]!);
  if (dashes && !inRun.test('-')) return js;
  for (let b = 0; b < 256; b++) {
    const c = String.fromCharCode(b);
    if (inRun.test(c) && ends.test(c)) return js;
  }
  const guard = `(?<!${run.atom})`;
  const head = prefix ? `(?:${prefix.atom.slice(3, -1)}|${guard})` : guard;
  return head + rest.map((it) => it.atom + it.quantifier).join('');
}

/** The translated source, or null (exported for tests). Named groups become non-capturing unless `keepNames`. */
export function translate(src: string, keepNames = false): string | null {
  // Beyond latin1 the two differ (JavaScript without the u flag sees UTF-16 halves); no detector needs it.
  if (/[^\x00-\xff]/.test(src)) return null;
  let out = '';
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (c === '\\') {
      const e = escape(src, i, false);
      if (e === null) return null;
      out += e.text;
      i = e.next;
    } else if (c === '[') {
      const cls = charClass(src, i);
      if (cls === null) return null;
      out += cls.text;
      i = cls.next;
    } else if (c === '(') {
      if (src[i + 1] !== '?') {
        out += '(?:';
        i += 1;
      } else if (src[i + 2] === ':') {
        out += '(?:';
        i += 3;
      } else if (src.startsWith('(?P<', i) || (src[i + 2] === '<' && /[A-Za-z_]/.test(src[i + 3] ?? ''))) {
        const close = src.indexOf('>', i);
        if (close === -1) return null;
        const name = src.slice(src[i + 2] === 'P' ? i + 4 : i + 3, close);
        if (keepNames && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return null;
        out += keepNames ? `(?<${name}>` : '(?:';
        i = close + 1;
      } else {
        // Flag groups `(?i)`, `(?s:...)` and anything else.
        return null;
      }
    } else if (c === '.') {
      out += '[^\\n]';
      i += 1;
    } else if (c === '{') {
      // A counted repetition in both only when it is `{n}`, `{n,}` or `{n,m}`; RE2 and JavaScript disagree on the rest.
      const m = /^\{\d+(?:,\d*)?\}/.exec(src.slice(i));
      if (m === null) return null;
      out += m[0];
      i += m[0].length;
    } else if (c === '}') {
      return null;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

interface Piece {
  readonly text: string;
  readonly next: number;
}

function escape(src: string, i: number, inClass: boolean): Piece | null {
  const e = src[i + 1];
  if (e === undefined) return null;
  if (e === 's') return { text: inClass ? RE2_SPACE : `[${RE2_SPACE}]`, next: i + 2 };
  // Inside a class a negation cannot be nested: RE2's \S there is spelled as the ranges around its four spaces.
  if (e === 'S') return { text: inClass ? RE2_NON_SPACE_RANGES : `[^${RE2_SPACE}]`, next: i + 2 };
  if (e === 'b' || e === 'B') return inClass ? null : { text: `\\${e}`, next: i + 2 };
  if (SAME_ESCAPES.has(e)) return { text: `\\${e}`, next: i + 2 };
  if (e === 'x' && /^[0-9A-Fa-f]{2}$/.test(src.slice(i + 2, i + 4))) return { text: src.slice(i, i + 4), next: i + 4 };
  // `\x{fe}`: RE2's code point, JavaScript's code unit; the same for latin1 text, the only text the engine has.
  const braced = e === 'x' ? /^\{([0-9A-Fa-f]{1,2})\}/.exec(src.slice(i + 2)) : null;
  if (braced !== null) return { text: `\\x${braced[1]!.padStart(2, '0')}`, next: i + 2 + braced[0].length };
  if (LITERAL_ESCAPES.has(e)) return { text: `\\${e}`, next: i + 2 };
  return null;
}

function charClass(src: string, start: number): Piece | null {
  let i = start + 1;
  let out = '[';
  if (src[i] === '^') {
    out += '^';
    i += 1;
  }
  // `[]a]` and `[^]a]`: a literal `]` in RE2, an empty class in JavaScript.
  if (src[i] === ']') return null;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ']') return { text: `${out}]`, next: i + 1 };
    if (c === '\\') {
      const e = escape(src, i, true);
      if (e === null) return null;
      out += e.text;
      i = e.next;
    } else if (c === '[') {
      // `[:alpha:]` and friends in RE2, a literal `[` in JavaScript.
      if (src[i + 1] === ':') return null;
      out += '\\[';
      i += 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return null;
}

/** One item of a concatenation: an atom and its quantifier (`''` when none). */
interface Item {
  readonly atom: string;
  readonly quantifier: string;
}

/**
 * Makes the twin cheaper to search for while keeping "no twin match means no
 * RE2 match": a match of a concatenation contains a match of any contiguous
 * part of it, so leading and trailing items may be dropped. Items that can
 * match empty (`x*`, `x?`) change nothing when dropped from either end; a
 * leading run of character classes before a literal (`[a-z][a-z0-9+.-]+://`)
 * is dropped too, so V8 can look for the literal instead of trying the
 * pattern at every offset. Works on
 * the translated (JavaScript) source, at the top level only, after
 * flattening unquantified non-capturing groups without alternation.
 */
export function trim(js: string): string {
  const items = flatten(js);
  if (items === null) return js;
  const optional = (it: Item): boolean => it.quantifier.startsWith('*') || it.quantifier.startsWith('?') || /^\{0[,}]/.test(it.quantifier);
  let from = 0;
  let to = items.length;
  while (from < to && optional(items[from]!)) from++;
  while (to > from && optional(items[to - 1]!)) to--;
  // Only a run of classes is dropped for a literal: a leading group (a keyword alternation) is worth more than `=`.
  let lit = from;
  while (lit < to && items[lit]!.atom.startsWith('[')) lit++;
  if (lit < to && isLiteral(items[lit]!.atom) && items[lit]!.quantifier === '') from = lit;
  if (from >= to) return js;
  return items
    .slice(from, to)
    .map((it) => it.atom + it.quantifier)
    .join('');
}

function isLiteral(atom: string): boolean {
  if (atom.length === 1) return !'^$.|()[]{}*+?'.includes(atom);
  return atom.length === 2 && atom[0] === '\\' && !/[dDwWsSbBnrtfvx0-9]/.test(atom[1]!);
}

/** Top-level items of `src`, with unquantified `(?:...)` groups without a top-level `|` spliced in; null on top-level alternation. */
function flatten(src: string): Item[] | null {
  const items = split(src);
  if (items === null) return null;
  const out: Item[] = [];
  for (const it of items) {
    if (it.quantifier === '' && it.atom.startsWith('(?:')) {
      const inner = flatten(it.atom.slice(3, -1));
      if (inner !== null) {
        out.push(...inner);
        continue;
      }
    }
    out.push(it);
  }
  return out;
}

function split(src: string): Item[] | null {
  const items: Item[] = [];
  let i = 0;
  while (i < src.length) {
    const start = i;
    const c = src[i]!;
    if (c === '|') return null;
    if (c === '\\') i += src[i + 1] === 'x' ? 4 : 2;
    else if (c === '[') i = classEnd(src, i);
    else if (c === '(') i = groupEnd(src, i);
    else i += 1;
    if (i < 0 || i > src.length) return null;
    const atom = src.slice(start, i);
    const q = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/.exec(src.slice(i));
    const quantifier = q ? q[0] : '';
    i += quantifier.length;
    items.push({ atom, quantifier });
  }
  return items;
}

/** Index after the `]` closing the class at `i` (translated source: `]` never first, escapes are two or four characters). */
function classEnd(src: string, i: number): number {
  let k = i + 1;
  if (src[k] === '^') k++;
  while (k < src.length && src[k] !== ']') k += src[k] === '\\' ? (src[k + 1] === 'x' ? 4 : 2) : 1;
  return k < src.length ? k + 1 : -1;
}

/** Index after the `)` closing the group at `i`. */
function groupEnd(src: string, i: number): number {
  let depth = 0;
  let k = i;
  while (k < src.length) {
    const c = src[k]!;
    if (c === '\\') k += src[k + 1] === 'x' ? 4 : 2;
    else if (c === '[') {
      k = classEnd(src, k);
      if (k < 0) return -1;
    } else {
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return k + 1;
      k++;
    }
  }
  return -1;
}

/** One alternative of a twin's leading alternation. */
export interface LeadingLiteral {
  /** In lower case. */
  readonly lower: string;
  /** As written, when it has no `[Xx]` letter pairs (it then matches in this case only); else null. */
  readonly exact: string | null;
}

/**
 * The literals of a twin that starts with an alternation of literals
 * (`(?:[Ss][Ee][Cc][Rr][Ee][Tt]|[Tt][Oo][Kk][Ee][Nn]|...)...` or
 * `(?:AKIA|ASIA|...)...`), or null. Every match of such a twin starts where
 * one of them occurs; when each is also a keyword of the detector, the
 * prefilter's hits are the only offsets where a match can start, and the
 * engine tries the twin only there (mayMatchAt).
 */
export function leadingLiterals(twinSource: string): LeadingLiteral[] | null {
  const items = split(twinSource);
  const first = items?.[0];
  if (first === undefined || first.quantifier !== '' || !first.atom.startsWith('(?:')) return null;
  return alternationLiterals(first.atom);
}

/**
 * The literals every match of `source` opens with: a leading alternation of
 * literals (as leadingLiterals), or the run of literal characters before the
 * first quantified or non-literal atom (`npm_` of `npm_[A-Za-z0-9]{36}`).
 * Null otherwise, and when `source` has a `|` outside groups. For the
 * pattern itself, not a twin: the tokens read here (literals, escapes,
 * classes, groups, counts) are written alike in RE2 and JavaScript.
 */
export function openingLiterals(source: string): LeadingLiteral[] | null {
  const items = split(source);
  const first = items?.[0];
  if (first === undefined || first.quantifier !== '') return null;
  if (first.atom.startsWith('(?:')) return alternationLiterals(first.atom);
  let run = '';
  for (const item of items!) {
    if (item.quantifier !== '' || literalOf(item.atom) === null) break;
    run += item.atom;
  }
  const literal = run === '' ? null : literalOf(run);
  return literal === null ? null : [literal];
}

/** The literals of a `(?:a|b|...)` group, or null when one alternative is not a literal. */
function alternationLiterals(group: string): LeadingLiteral[] | null {
  const literals: LeadingLiteral[] = [];
  for (const alt of topLevelAlternatives(group.slice(3, -1))) {
    const literal = literalOf(alt);
    if (literal === null) return null;
    literals.push(literal);
  }
  return literals;
}

function topLevelAlternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') i += src[i + 1] === 'x' ? 3 : 1;
    else if (c === '[') i = classEnd(src, i) - 1;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(from, i));
      from = i + 1;
    }
  }
  out.push(src.slice(from));
  return out;
}

/** A sequence of plain characters, escaped punctuation and `[Xx]` letter pairs as a literal; null for anything else. */
function literalOf(alt: string): LeadingLiteral | null {
  let text = '';
  let pairs = false;
  for (let i = 0; i < alt.length; ) {
    const pair = /^\[([A-Za-z])([A-Za-z])\]/.exec(alt.slice(i));
    if (pair !== null && pair[1] !== pair[2] && pair[1]!.toLowerCase() === pair[2]!.toLowerCase()) {
      text += pair[1]!.toLowerCase();
      pairs = true;
      i += 4;
      continue;
    }
    const c = alt[i]!;
    if (c === '\\') {
      const e = alt[i + 1];
      if (e === undefined || !LITERAL_ESCAPES.has(e)) return null;
      text += e;
      i += 2;
    } else if (/[A-Za-z0-9_\-:@=!<>,;'"%&~`# \/]/.test(c)) {
      text += c;
      i += 1;
    } else {
      return null;
    }
  }
  return text.length > 0 ? { lower: text.toLowerCase(), exact: pairs ? null : text } : null;
}
