import type { Candidate, Confidence, Detector, Requirement, Verdict } from '../types.js';
import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import type { TokenFactory } from '../../test/support/token-factory.js';
import { CHARS, run, type CharSet, type Part, type RowMeta, type Run } from './token-row.js';
import { caselessAny } from './ascii-caseless.js';
import { KEY_CLOSE, OPERATOR, keyWords } from './assignment.js';
import { placeholderJudge, type PlaceholderJudge } from './placeholder-token.js';
import { placeholderReason } from './placeholder.js';

/**
 * Context-required formats: a value with no prefix of its own (a bare 32-hex
 * key, a UUID, 40 base62) is a credential only when the provider's word
 * stands next to it (`OKTA_API_TOKEN = ...`, `sonar.login=...`). Like the
 * identifiable rows of detectors/tables/, each is a row of a per-family table
 * (detectors/context-tables/) from which the detector, its examples and its
 * negatives follow; unlike them, a row is legacy tier (reported by scans,
 * never blocking) and its finding's reason says which word made the value a
 * credential: `40 hex characters next to the word "sonar"`.
 */

/** Hex matched in either case (config files upper-case it now and then), generated in lower case. */
export const HEX: CharSet = { chars: '0123456789abcdef', cls: '0-9a-fA-F' };

/** Standard base64 with its padding character, for keys printed with or without `=`. */
export const BASE64_PADDED: CharSet = { chars: `${CHARS.base64.chars}=`, cls: 'A-Za-z0-9+/=' };

/** `n` hex characters, or `n` to `max`. */
export const hex = (n: number, max = n): Part[] => [run(HEX, n, max)];

/** A UUID (8-4-4-4-12 hex). */
export const UUID: readonly Part[] = [run(HEX, 8), '-', run(HEX, 4), '-', run(HEX, 4), '-', run(HEX, 4), '-', run(HEX, 12)];

/** How the keyword reaches the value. */
export interface Gap {
  /** RE2 fragment (no groups) between the keyword and the value. */
  readonly pattern: string;
  /** Most bytes the fragment spans (sizes the window). */
  readonly reach: number;
  /** Byte pre-check after the keyword (types.ts); omitted: none. */
  readonly requires?: Requirement;
}

export interface ContextRow extends RowMeta {
  /** The provider's words (at least 3 characters, matched ASCII-case-insensitively); one must stand before the value. */
  readonly keywords: readonly string[];
  /** The value: literals and random runs (token-row's parts). */
  readonly value: readonly Part[];
  /** What the value is, for the finding's reason: `40 hex characters`. */
  readonly valueName: string;
  /**
   * How the keyword reaches the value. Default: an assignment whose key holds
   * the keyword (the rest of the key name, closing quotes, an operator,
   * opening quotes: `OKTA_API_TOKEN = "…"`, `"okta": "…"`, `okta_token: …`,
   * a Terraform variable's `default = "…"`).
   */
  readonly gap?: Gap;
  /** An environment variable name that holds a keyword, for the derived examples. */
  readonly env: string;
  /** A structure check beyond alphabet and length; false rejects. */
  readonly check?: (value: string) => boolean;
  /** Words of the key (after the keyword) that make it name a non-secret for this provider (`search` for Algolia's public search keys). */
  readonly notKeyWords?: readonly string[];
  /** Positives in the format's usual context; required with a custom gap (the derived ones are assignments). */
  readonly positives?: (t: TokenFactory, value: () => string) => PositiveExample[];
  /** Format-specific look-alikes that must not match. */
  readonly negatives?: (t: TokenFactory, value: () => string) => string[];
  /** Why the value needs its keyword, when the shape alone does not say. */
  readonly note?: string;
  /**
   * The finding's confidence; default `medium`. `high` where the keyword is
   * the format's own name (`secret_key_base`, `APP_KEY`) rather than a word
   * that may stand beside anything.
   */
  readonly confidence?: Confidence;
  /**
   * The keyword must begin the key name (no letter, digit or `_` right before
   * it): `APP_SECRET` is Symfony's, `FACEBOOK_APP_SECRET` is not.
   */
  readonly keyStart?: boolean;
}

/** A table of context rows for one family of providers. */
export interface ContextTable {
  readonly name: string;
  readonly rows: readonly ContextRow[];
}

/**
 * Words of an assignment's key (after the keyword) that make it name
 * something other than the secret: `FACEBOOK_APP_ID`, `postmark_message_id`,
 * `sonar.host.url`.
 */
const NOT_A_SECRET_KEY = new Set([
  'id', 'ids', 'name', 'names', 'username', 'url', 'uri', 'urls', 'host', 'hostname', 'domain', 'endpoint', 'region', 'site',
  'email', 'version', 'public', 'pub', 'publishable', 'hash', 'sha', 'digest', 'checksum', 'commit', 'build', 'project',
  'org', 'organization', 'team', 'path', 'file', 'dir', 'message', 'msg', 'event', 'request', 'trace', 'span', 'page',
  'group', 'channel', 'video', 'placeholder', 'example', 'sample', 'fake', 'mock', 'dummy',
]);

const ASSIGNMENT: Gap = {
  // The rest of the key name, its closing quotes, an operator (or a Terraform variable's default), opening quotes.
  pattern: String.raw`(?P<tail>[\w.-]*)${KEY_CLOSE}(?:[ \t]*\{[ \t]*\r?\n[ \t]*default[ \t]*=[ \t]*|${OPERATOR})(?:\\?["'\x60]){0,2}`,
  reach: 72,
  requires: { anyOf: ' \t\r\n=:,>{', over: 'A-Za-z0-9_.\\"\']-', within: 72 },
};

const isRun = (p: Part): p is Run => typeof p !== 'string';

function escapeRe2(literal: string): string {
  return literal.replace(/[\\^$.|?*+()[\]{}-]/g, (c) => `\\${c}`);
}

/**
 * RE2 source of the value. A run with a wide length range is written
 * unbounded (`{24,}`): RE2 expands a counted repetition into states, and
 * re2-wasm's heap is shared by every detector; the window bounds the match
 * and the exact twin (compile) checks the upper bound in the validator.
 */
function valueSource(parts: readonly Part[]): string {
  const quantifier = (r: Run): string => (r.min === r.max ? `{${r.min}}` : r.max - r.min > 16 ? `{${r.min},}` : `{${r.min},${r.max}}`);
  return parts.map((p) => (isRun(p) ? `[${p.set.cls}]${quantifier(p)}` : escapeRe2(p))).join('');
}

/** The value's exact JavaScript pattern, every run in its own group with both bounds. */
function exactSource(parts: readonly Part[]): string {
  return parts.map((p) => (isRun(p) ? `([${p.set.cls}]${p.min === p.max ? `{${p.min}}` : `{${p.min},${p.max}}`})` : escapeRe2(p))).join('');
}

/** Bytes that may not touch the value: word characters and every character of its runs (with `-` last, see engine/char-class.ts). */
function boundaryOf(parts: readonly Part[]): string {
  const extra = new Set<string>();
  for (const p of parts) for (const c of isRun(p) ? p.set.chars : '') if (!/[A-Za-z0-9_]/.test(c)) extra.add(c);
  const dash = extra.delete('-');
  return `A-Za-z0-9_${[...extra].sort().join('')}${dash ? '-' : ''}`;
}

const maxLength = (parts: readonly Part[]): number => parts.reduce((n, p) => n + (isRun(p) ? p.max : p.length), 0);

/** The row's compiled pieces, shared by its detector and its examples. */
interface Compiled {
  readonly exact: RegExp;
  readonly judge: PlaceholderJudge;
  /** Index of each judged run among the exact pattern's groups. */
  readonly judged: readonly boolean[];
}

const compiledRows = new WeakMap<ContextRow, Compiled>();

function compile(row: ContextRow): Compiled {
  const cached = compiledRows.get(row);
  if (cached !== undefined) return cached;
  const runs = row.value.filter(isRun);
  if (runs.length === 0) throw new Error(`${row.id}: the value needs a random run`);
  const main = runs.reduce((a, b) => (b.max > a.max ? b : a));
  const judged = runs.map((r) => r.set === main.set);
  const exact = new RegExp(`^${exactSource(row.value)}$`);
  const maxRandom = runs.filter((_, i) => judged[i]).reduce((n, r) => n + r.max, 0);
  const c: Compiled = { exact, judged, judge: placeholderJudge({ alphabet: main.set.chars, minLength: main.min, maxLength: maxRandom }) };
  compiledRows.set(row, c);
  return c;
}

/** The random characters of a value (its runs of the main alphabet), or null when it does not have the row's shape. */
function randomOf(c: Compiled, value: string): string | null {
  const m = c.exact.exec(value);
  return m === null ? null : m.slice(1).filter((_, i) => c.judged[i]).join('');
}

/** The row's detector: legacy tier, the keyword then the gap then the value. */
export function contextDetector(row: ContextRow): Detector {
  if (row.keywords.length === 0 || row.keywords.some((k) => k.length < 3)) throw new Error(`${row.id}: keywords must be given and at least 3 characters`);
  if (!row.keywords.some((k) => row.env.toLowerCase().includes(k.toLowerCase()))) throw new Error(`${row.id}: env ${row.env} holds no keyword`);
  if (row.gap !== undefined && row.positives === undefined) throw new Error(`${row.id}: a custom gap needs its own positives`);
  const gap = row.gap ?? ASSIGNMENT;
  const compiled = compile(row);
  const check = row.check;
  const assignment = row.gap === undefined;
  const notKey = new Set([...NOT_A_SECRET_KEY, ...(row.notKeyWords ?? [])]);
  const confidence = row.confidence ?? 'medium';
  const validate = ({ secret, groups }: Candidate): Verdict | null => {
    if (check !== undefined && !check(secret)) return null;
    if (assignment && keyWords(groups['tail'] ?? '').some((w) => notKey.has(w))) return null;
    const random = randomOf(compiled, secret);
    if (random === null || compiled.judge.reason(random) !== null || placeholderReason(secret) !== null) return null;
    return { confidence, reason: `${row.valueName} next to the word "${(groups['kw'] ?? '').toLowerCase()}"` };
  };
  const longest = Math.max(...row.keywords.map((k) => k.length));
  return {
    id: row.id,
    family: row.family ?? row.id,
    provider: row.provider,
    title: row.title,
    severity: row.severity ?? 'high',
    tier: 'legacy',
    docs: row.docs,
    revoke: row.revoke,
    keywords: row.keywords,
    keywordsIgnoreCase: true,
    // keyStart: one byte of window before the keyword, which must not continue a name (or the text starts there).
    pattern: `${row.keyStart ? '(?:^|[^A-Za-z0-9_])' : ''}(?P<kw>${caselessAny(row.keywords)})${gap.pattern}(?P<secret>${valueSource(row.value)})`,
    alphabet: boundaryOf(row.value),
    window: { before: row.keyStart ? 1 : 0, after: longest + gap.reach + maxLength(row.value) },
    ...(gap.requires !== undefined ? { requires: gap.requires } : {}),
    validate,
  };
}

/** A value of the row's shape drawn from the factory (retried until the row's check and the placeholder judgments pass). */
export function contextValue(row: ContextRow, t: TokenFactory): string {
  const compiled = compile(row);
  for (let i = 0; i < 1000; i++) {
    const v = row.value.map((p) => (isRun(p) ? t.chars(p.set.chars, p.min + t.int(p.max - p.min + 1)) : p)).join('');
    if ((row.check === undefined || row.check(v)) && compiled.judge.reason(randomOf(compiled, v)!) === null && placeholderReason(v) === null) return v;
  }
  throw new Error(`${row.id}: no generated value passes its check`);
}

/** A constant value of the row's shape: every run one repeated character. */
function constantValue(row: ContextRow): string {
  return row.value.map((p) => (isRun(p) ? p.set.chars[p.set.chars.length - 1]!.repeat(p.min) : p)).join('');
}

/** Replaces the first occurrence of `secret` in `text`. */
const swap = (text: string, secret: string, by: string): string => text.replace(secret, () => by);

/**
 * The row's labelled examples. Positives: the value assigned to a key that
 * holds the keyword, in the usual config and code forms (or the row's own
 * for a custom gap). Negatives, derived from the first positive: the keyword
 * removed, the value glued to a longer run, a constant value, a template
 * placeholder, one character short; for assignments also a key that names
 * an id and a keyword inside a file name.
 */
export function contextExamples(row: ContextRow): DetectorExamples {
  const positives = (t: TokenFactory): PositiveExample[] => {
    const make = (): string => contextValue(row, t);
    if (row.gap !== undefined) return row.positives!(t, make);
    const env = row.env;
    const lower = env.toLowerCase();
    const [a, b, c, d, e, f] = [make(), make(), make(), make(), make(), make()];
    return [
      { text: `# ${row.provider} settings\nexport ${env}=${a}\n`, secret: a },
      { text: `{\n  "${lower}": "${b}",\n  "timeout": 30\n}\n`, secret: b },
      { text: `config:\r\n  ${lower}: '${c}'\r\n  log_level: debug\r\n`, secret: c },
      { text: `variable "${lower}" {\n  default = "${d}"\n}\n`, secret: d },
      { text: `<appSettings>\n  <add key="${env}" value="${e}" />\n</appSettings>\n`, secret: e },
      { text: `os.environ.setdefault("${env}", "${f}")\n`, secret: f },
      ...(row.positives?.(t, make) ?? []),
    ];
  };
  return {
    generate: (t) => contextValue(row, t),
    positives,
    negatives: (t) => {
      const make = (): string => contextValue(row, t);
      const first = positives(t)[0]!;
      const keywordless = row.keywords.reduce((text, k) => text.replace(new RegExp(escapeRe2(k), 'gi'), 'zqx'), first.text);
      const lastRun = row.value[row.value.length - 1]!;
      const out = [
        keywordless,
        swap(first.text, first.secret, `Q7${first.secret}`),
        swap(first.text, first.secret, constantValue(row)),
        swap(first.text, first.secret, '<your-token-here>'),
      ];
      // Glued to a longer run, and one character short, where the value's end is fixed (a variable-length run may still fit).
      if (!isRun(lastRun) || lastRun.min === lastRun.max) out.push(swap(first.text, first.secret, `${first.secret}Q7`));
      if (isRun(lastRun) && lastRun.min === lastRun.max) out.push(swap(first.text, first.secret, first.secret.slice(0, -1)));
      if (row.gap === undefined) {
        const k = row.keywords[0]!.toLowerCase();
        out.push(`${row.env.replace(/_?[A-Z]*(?:KEY|TOKEN|SECRET|PASSWORD)$/, '')}_APP_ID=${make()}`);
        out.push(`  resolved "https://registry.yarnpkg.com/${k}-reporter/-/${k}-reporter-1.2.4.tgz#${make()}"`);
        out.push(`The ${row.provider} integration is configured elsewhere; build ${make()}`);
      }
      return [...out, ...(row.negatives?.(t, make) ?? [])];
    },
  };
}
