/**
 * Whether an RE2 pattern uses only syntax that RE2 and JavaScript read the
 * same way and match the same way on latin1 text: literal characters and
 * escaped punctuation, classes of those and of alphanumeric ranges (negated
 * or not), `(?:...)` and `(?P<name>...)` groups, `|`, and greedy `?`, `*`,
 * `+`, `{n}`, `{n,}`, `{n,m}` (on a group only `?` and `{n}`). No `.`, no
 * `\b`, `\s`, `\w` or `\d` (their definitions differ), no anchors, no
 * flags. Both engines pick the leftmost match and, among matches starting
 * there, the first by the same priority (RE2 keeps Perl's leftmost-first
 * semantics), so for such a pattern the exact JavaScript twin's match is
 * RE2's match and RE2 need not confirm it (engine.ts, confirmTwinMatches).
 * Conservative: anything else is false.
 */
const LITERAL = /^[A-Za-z0-9_:@=!<>,;'"%&~# /]$/;
const ESCAPED = /^[-.+/$*?()[\]{}|\\^_:@#~!,=]$/;
const ALNUM = /^[A-Za-z0-9]$/;
/** Inside a class these are literal too, in both engines (`[A-Za-z0-9+/]`); not `[`, which RE2 may read as `[:alpha:]`. */
const CLASS_LITERAL = /^[A-Za-z0-9_:@=!<>,;'"%&~# /+.*?$(){}|]$/;
const NAMED = /^\(\?P<[A-Za-z_][A-Za-z0-9_]*>/;

export function plainRegular(source: string): boolean {
  let depth = 0;
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    let next: number;
    if (c === '(') {
      const named = NAMED.exec(source.slice(i));
      if (source.startsWith('(?:', i)) i += 3;
      else if (named !== null) i += named[0].length;
      else return false;
      depth++;
      continue;
    }
    if (c === '|') {
      i++;
      continue;
    }
    if (c === ')') {
      if (depth === 0) return false;
      depth--;
      // A group repeats once at most, or a fixed number of times: a loop over a body that can match
      // empty is where backtracking and RE2 are known to part (Perl's empty-iteration check).
      if (/^(?:[*+]|\{\d+,)/.test(source.slice(i + 1))) return false;
      next = i + 1;
    } else if (c === '[') {
      next = classEnd(source, i);
    } else if (c === '\\') {
      next = ESCAPED.test(source[i + 1] ?? '') ? i + 2 : -1;
    } else if (c === '-' || LITERAL.test(c)) {
      next = i + 1;
    } else return false;
    if (next < 0) return false;
    i = afterQuantifier(source, next);
    if (i < 0) return false;
  }
  return depth === 0;
}

/** Index after an optional greedy quantifier at `i`, or -1 for a lazy or possessive one. */
function afterQuantifier(source: string, i: number): number {
  const q = /^(?:[?*+]|\{\d+(?:,\d*)?\})/.exec(source.slice(i));
  if (q === null) return i;
  const after = i + q[0].length;
  return source[after] === '?' || source[after] === '+' ? -1 : after;
}

/**
 * Index after the class opening at `i`, or -1 unless every item is a literal
 * character, escaped punctuation or a range between two alphanumerics; `-`
 * is taken as a literal only first or last (both engines agree there).
 */
function classEnd(source: string, i: number): number {
  let k = i + 1;
  if (source[k] === '^') k++;
  const first = k;
  while (k < source.length && source[k] !== ']') {
    const c = source[k]!;
    if (c === '\\') {
      if (!ESCAPED.test(source[k + 1] ?? '')) return -1;
      k += 2;
    } else if (c === '-') {
      if (k !== first && source[k + 1] !== ']') return -1;
      k++;
    } else if (ALNUM.test(c) && source[k + 1] === '-' && source[k + 2] !== ']' && source[k + 2] !== undefined) {
      const to = source[k + 2]!;
      if (!ALNUM.test(to) || to < c) return -1;
      k += 3;
    } else if (CLASS_LITERAL.test(c)) {
      k++;
    } else return -1;
  }
  return k < source.length && k > first ? k + 1 : -1;
}
