import type { Candidate, Detector, DetectorMeta, RandomPart, Severity, Verdict } from '../types.js';
import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import type { TokenFactory } from '../../test/support/token-factory.js';
import { byteClass } from '../engine/char-class.js';

/**
 * Formats that are only literals and random runs (`gsk_` + 52 base62, or
 * `tskey-` + kind + `-` + id + `-` + secret) are declared as rows of a
 * per-provider-family table (detectors/tables/) rather than as folders: the
 * detector, its examples and its negatives all follow from the row's shape,
 * so a hundred such formats do not bury the ones with real validators.
 * Formats with a checksum or a structure to check keep a folder.
 */

/** A character set as the characters themselves (for generation) and an RE2 class body (for matching). */
export interface CharSet {
  readonly chars: string;
  readonly cls: string;
}

const set = (chars: string, cls: string): CharSet => ({ chars, cls });
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';

/** The alphabets formats are drawn from. */
export const CHARS = {
  digits: set(DIGITS, '0-9'),
  hexLower: set(`${DIGITS}abcdef`, '0-9a-f'),
  hexUpper: set(`${DIGITS}ABCDEF`, '0-9A-F'),
  base62: set(`${DIGITS}${UPPER}${LOWER}`, '0-9A-Za-z'),
  lowerAlnum: set(`${DIGITS}${LOWER}`, '0-9a-z'),
  upperAlnum: set(`${DIGITS}${UPPER}`, '0-9A-Z'),
  upper: set(UPPER, 'A-Z'),
  lower: set(LOWER, 'a-z'),
  base32Upper: set(`${UPPER}234567`, 'A-Z2-7'),
  base32Lower: set(`${LOWER}234567`, 'a-z2-7'),
  base64: set(`${UPPER}${LOWER}${DIGITS}+/`, 'A-Za-z0-9+/'),
  base64url: set(`${UPPER}${LOWER}${DIGITS}-_`, 'A-Za-z0-9_-'),
  /** base62 plus `_` and `-`, the most common "URL-safe" token alphabet. */
  urlSafe: set(`${UPPER}${LOWER}${DIGITS}-_`, 'A-Za-z0-9_-'),
  /** base62 plus `_`. */
  word: set(`${UPPER}${LOWER}${DIGITS}_`, 'A-Za-z0-9_'),
} as const satisfies Record<string, CharSet>;

/** A run of random characters: exactly `min` of them, or `min` to `max`. */
export interface Run {
  readonly set: CharSet;
  readonly min: number;
  readonly max: number;
}

/** `n` characters of `set`, or `n` to `max`. */
export function run(charSet: CharSet, n: number, max = n): Run {
  if (!(n >= 1 && max >= n)) throw new Error(`run: bad length ${n}..${max}`);
  return { set: charSet, min: n, max };
}

/** A token is literals and runs, in order. */
export type Part = string | Run;

/** What every table row says about its format, identifiable or context-required. */
export interface RowMeta {
  readonly id: string;
  readonly provider: string;
  readonly title: string;
  /** Default `high`; `critical` for cloud-wide or payment credentials. */
  readonly severity?: Severity;
  /** Default: the id. */
  readonly family?: string;
  readonly docs: string;
  readonly revoke: string;
}

export interface TokenRow extends RowMeta {
  readonly shape: readonly Part[];
  /** Default: the shape's first literal (at least 3 characters). */
  readonly keywords?: readonly string[];
  readonly keywordsIgnoreCase?: boolean;
  /**
   * Characters that may not touch the token on either side. Default: every
   * character of the shape's runs and literals that is a letter, a digit, `_` or `-`.
   */
  readonly boundary?: string;
  /** Environment variable name for the config-style examples. */
  readonly env: string;
  /** A structure check beyond alphabet and length (a numeric id range, a date); null rejects. */
  readonly check?: (secret: string) => boolean;
  /** Format-specific look-alikes that must not match. */
  readonly negatives?: (t: TokenFactory) => string[];
  /** Format-specific positives (in their usual context). */
  readonly positives?: (t: TokenFactory) => PositiveExample[];
  /** Why the format is deterministic, when the shape alone does not say (a documented prefix, a fixed length). */
  readonly note?: string;
}

/** A table of rows for one provider family. */
export interface TokenTable {
  /** Kebab-case name of the table file (`ai-providers`). */
  readonly name: string;
  readonly rows: readonly TokenRow[];
}

const ROW_MATCH: Verdict = { confidence: 'high', reason: 'fixed prefix, alphabet and length (format row)' };

function isRun(p: Part): p is Run {
  return typeof p !== 'string';
}

function escapeRe2(literal: string): string {
  return literal.replace(/[\\^$.|?*+()[\]{}-]/g, (c) => `\\${c}`);
}

function quantifier(r: Run): string {
  return r.min === r.max ? `{${r.min}}` : `{${r.min},${r.max}}`;
}

/** RE2 (and JavaScript) source of the shape, with or without a group per run. */
function shapeSource(shape: readonly Part[], groupRuns: boolean): string {
  return shape
    .map((p) => (isRun(p) ? `${groupRuns ? '(' : ''}[${p.set.cls}]${quantifier(p)}${groupRuns ? ')' : ''}` : escapeRe2(p)))
    .join('');
}

function maxLength(parts: readonly Part[]): number {
  return parts.reduce((n, p) => n + (isRun(p) ? p.max : p.length), 0);
}

function minLength(parts: readonly Part[]): number {
  return parts.reduce((n, p) => n + (isRun(p) ? p.min : p.length), 0);
}

/** RE2-style class body of the characters in `chars`, for the boundary check. */
function classOf(chars: Iterable<string>): string {
  const s = new Set(chars);
  let cls = '';
  if ([...UPPER].every((c) => s.has(c))) for (const c of UPPER) s.delete(c), (cls += c === 'A' ? 'A-Z' : '');
  if ([...LOWER].every((c) => s.has(c))) for (const c of LOWER) s.delete(c), (cls += c === 'a' ? 'a-z' : '');
  if ([...DIGITS].every((c) => s.has(c))) for (const c of DIGITS) s.delete(c), (cls += c === '0' ? '0-9' : '');
  // `-` goes last, unescaped: a literal there for RE2 and for the engine's byteClass, which reads no escapes.
  const dash = s.delete('-') ? '-' : '';
  const rest = [...s].sort().map((c) => (c === ']' || c === '\\' || c === '^' ? `\\${c}` : c));
  return cls + rest.join('') + dash;
}

function defaultBoundary(shape: readonly Part[]): string {
  const chars: string[] = [];
  for (const p of shape) for (const c of isRun(p) ? p.set.chars : p) if (/[A-Za-z0-9_-]/.test(c)) chars.push(c);
  // Word characters always: a token glued to an identifier is part of something longer.
  return classOf([...chars, ...UPPER, ...LOWER, ...DIGITS, '_']);
}

/** Where the keyword sits in the shape: the most characters before it and after it. */
function reach(shape: readonly Part[], keyword: string): { before: number; after: number } {
  for (let i = 0; i < shape.length; i++) {
    const p = shape[i]!;
    if (isRun(p)) continue;
    const at = p.indexOf(keyword);
    if (at < 0) continue;
    return { before: maxLength(shape.slice(0, i)) + at, after: p.length - at - keyword.length + maxLength(shape.slice(i + 1)) };
  }
  throw new Error(`keyword "${keyword}" is not inside a literal of the shape`);
}

/** The row's detector: the pattern, keywords, window and random part all follow from the shape. */
export function rowDetector(row: TokenRow): Detector {
  const firstLiteral = row.shape.find((p): p is string => typeof p === 'string');
  const keywords = row.keywords ?? (firstLiteral !== undefined ? [firstLiteral] : []);
  if (keywords.length === 0 || keywords.some((k) => k.length < 3)) throw new Error(`${row.id}: keywords must be given and at least 3 characters`);
  const windows = keywords.map((k) => reach(row.shape, k));
  // The judged random part: the runs drawn from the longest run's alphabet (the placeholder
  // judgment's error bound assumes one alphabet; a short numeric id beside a long secret is left out).
  const runs = row.shape.filter(isRun);
  const main = runs.reduce((a, b) => (b.max > a.max ? b : a));
  const judged = runs.map((r) => r.set === main.set);
  const exact = new RegExp(`^${shapeSource(row.shape, true)}$`);
  const randomPart: RandomPart = {
    alphabet: main.set.chars,
    minLength: minLength(runs.filter((_, i) => judged[i])),
    maxLength: maxLength(runs.filter((_, i) => judged[i])),
    of: (secret) => {
      const m = exact.exec(secret);
      return m === null ? null : m.slice(1).filter((_, i) => judged[i]).join('');
    },
  };
  const meta: DetectorMeta = {
    id: row.id,
    family: row.family ?? row.id,
    provider: row.provider,
    title: row.title,
    severity: row.severity ?? 'high',
    tier: 'identifiable',
    docs: row.docs,
    revoke: row.revoke,
  };
  const check = row.check;
  return {
    ...meta,
    keywords,
    ...(row.keywordsIgnoreCase ? { keywordsIgnoreCase: true } : {}),
    pattern: `(?P<secret>${shapeSource(row.shape, false)})`,
    alphabet: row.boundary ?? defaultBoundary(row.shape),
    window: { before: Math.max(...windows.map((w) => w.before)), after: Math.max(...windows.map((w) => w.after)) },
    randomPart,
    ...(check ? { validate: (c: Candidate) => (check(c.secret) ? ROW_MATCH : null) } : {}),
  };
}

/** A token of the row's shape drawn from the factory. */
export function rowToken(row: TokenRow, t: TokenFactory, lengthOf: (r: Run) => number = (r) => r.min + t.int(r.max - r.min + 1)): string {
  return row.shape.map((p) => (isRun(p) ? t.chars(p.set.chars, lengthOf(p)) : p)).join('');
}

/** The row's labelled examples: the token in common contexts, and look-alikes that must not match. */
export function rowExamples(row: TokenRow): DetectorExamples {
  const make = (t: TokenFactory): string => {
    // Draw until the row's own structure check passes (a numeric id range, say).
    for (let i = 0; i < 1000; i++) {
      const token = rowToken(row, t);
      if (!row.check || row.check(token)) return token;
    }
    throw new Error(`${row.id}: no generated token passes its check`);
  };
  const lastRun = [...row.shape].reverse().find(isRun);
  return {
    generate: make,
    // A token whose judged runs (those of the longest run's alphabet, as rowDetector's randomPart
    // takes them) hold `random` in order, each run its minimum length and the rest spread from the
    // first; the other runs drawn until the row's check passes.
    withRandom: (t, random) => {
      const runs = row.shape.filter(isRun);
      const main = runs.reduce((a, b) => (b.max > a.max ? b : a));
      const judgedRuns = runs.filter((r) => r.set === main.set);
      if (random.length < minLength(judgedRuns) || random.length > maxLength(judgedRuns)) return null;
      if ([...random].some((c) => !main.set.chars.includes(c))) return null;
      let extra = random.length - minLength(judgedRuns);
      const lengths = judgedRuns.map((r) => {
        const n = r.min + Math.min(extra, r.max - r.min);
        extra -= n - r.min;
        return n;
      });
      for (let i = 0; i < 1000; i++) {
        let at = 0;
        let k = 0;
        const token = row.shape
          .map((p) => {
            if (!isRun(p)) return p;
            if (p.set !== main.set) return t.chars(p.set.chars, p.min + t.int(p.max - p.min + 1));
            const part = random.slice(at, at + lengths[k]!);
            at += lengths[k++]!;
            return part;
          })
          .join('');
        if (!row.check || row.check(token)) return token;
      }
      return null;
    },
    positives: (t) => {
      const [a, b, c, d] = [make(t), make(t), make(t), make(t)];
      return [
        { text: `# deploy settings\nexport ${row.env}=${a}\n`, secret: a },
        { text: `{\n  "credentials": {\n    "token": "${b}"\n  }\n}\n`, secret: b },
        { text: `env:\r\n  ${row.env}: '${c}'\r\n  LOG_LEVEL: debug\r\n`, secret: c },
        { text: `client = Client(api_key="${d}", timeout=30)`, secret: d },
        ...(row.positives?.(t) ?? []),
      ];
    },
    negatives: (t) => {
      const good = make(t);
      const glue = row.shape.some((p) => !isRun(p) && /[A-Za-z0-9]$/.test(p)) ? 'Q7' : 'q7';
      const out = [
        // Glued to a longer run of word characters on either side: part of something else.
        `blob: a9${glue}${good}`,
        `blob: ${good}${glue}x0`,
        // Every run a constant: a placeholder in the format's shape.
        `${row.env}=${row.shape.map((p) => (isRun(p) ? p.set.chars[p.set.chars.length - 1]!.repeat(p.min) : p)).join('')}`,
        `${row.env}=${keywordsOrPrefix(row)}<your-token-here>`,
      ];
      // Where `-` is a token character, a dash glues as well (URL-safe alphabets); the tail outruns any run length.
      if (byteClass(row.boundary ?? defaultBoundary(row.shape))[0x2d] === 1) out.push(`blob: a9-${good}`, `blob: ${good}-${'x0'.repeat(40)}`);
      // One character short, when the last run has a fixed length (a variable one may still fit).
      if (lastRun && lastRun.min === lastRun.max && row.shape[row.shape.length - 1] === lastRun) out.push(`${row.env}=${good.slice(0, -1)} `);
      return [...out, ...(row.negatives?.(t) ?? [])];
    },
  };
}

function keywordsOrPrefix(row: TokenRow): string {
  const first = row.shape[0];
  return typeof first === 'string' ? first : (row.keywords?.[0] ?? '');
}
