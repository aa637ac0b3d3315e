import { createHash } from 'node:crypto';
import { createEngine } from '../engine/engine.js';
import { compilePattern, PatternError } from '../engine/re2-pattern.js';
import { crc32Base62, hasValidCrc32Base62 } from '../checksum/crc32-base62.js';
import type { Candidate, Detector, Severity, Tier, Verdict } from '../types.js';

/**
 * A team's own token formats, declared in a config file (`--config FILE`,
 * PUSHGATE_CONFIG): each becomes a detector like the built-in ones and runs
 * in the same engine. Its own examples are checked when the file loads, so a
 * detector that misses its positives or matches its negatives is a
 * configuration error naming the example, not a silent gap in push
 * protection. Pure: the caller reads and parses the file.
 *
 * The same file may exclude paths from the legacy tier only. Nothing
 * excludes anything from the identifiable tier: that would be a bypass.
 */
export type CustomConfigErrorCode =
  | 'CUSTOM_CONFIG_INVALID'
  | 'CUSTOM_DETECTOR_INVALID'
  | 'CUSTOM_DETECTOR_DUPLICATE'
  | 'CUSTOM_DETECTOR_ID_TAKEN'
  | 'CUSTOM_KEYWORD_TOO_SHORT'
  | 'CUSTOM_PATTERN_INVALID'
  | 'CUSTOM_EXAMPLE_FAILED';

export class CustomConfigError extends Error {
  override readonly name = 'CustomConfigError';
  constructor(
    readonly code: CustomConfigErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface CustomConfig {
  readonly detectors: readonly Detector[];
  /** Path globs (`**`, `*`, `?`) whose legacy findings are dropped; identifiable findings are never excluded. */
  readonly excludeLegacyPaths: readonly string[];
  /** Tests whether a path is excluded from the legacy tier. */
  readonly legacyExcluded: (path: string) => boolean;
}

export const EMPTY_CUSTOM_CONFIG: CustomConfig = { detectors: [], excludeLegacyPaths: [], legacyExcluded: () => false };

export const MIN_KEYWORD_LENGTH = 3;
const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
const TIERS: readonly Tier[] = ['identifiable', 'legacy'];
const ID = /^[a-z0-9][a-z0-9-]{2,63}$/;
const CHECKSUM_KINDS = ['crc32-base62'] as const;

/** Characters an example template (`{base62:32}`) draws from. */
const TEMPLATE_SETS: Readonly<Record<string, string>> = {
  digits: '0123456789',
  hex: '0123456789abcdef',
  HEX: '0123456789ABCDEF',
  base62: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  alnum: '0123456789abcdefghijklmnopqrstuvwxyz',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
};

interface RawDetector {
  readonly [key: string]: unknown;
}

/**
 * The custom detectors and legacy exclusions of a parsed config (YAML or JSON
 * already parsed to plain data). `builtins`: the ids a custom one must not take.
 */
export function customConfig(data: unknown, builtins: readonly Detector[]): CustomConfig {
  if (data === null || data === undefined) return EMPTY_CUSTOM_CONFIG;
  if (typeof data !== 'object' || Array.isArray(data)) throw new CustomConfigError('CUSTOM_CONFIG_INVALID', 'the config must be a mapping with `detectors` and/or `exclude`');
  const top = data as Record<string, unknown>;
  const unknownKeys = Object.keys(top).filter((k) => k !== 'detectors' && k !== 'exclude');
  if (unknownKeys.length > 0) throw new CustomConfigError('CUSTOM_CONFIG_INVALID', `unknown top-level key ${JSON.stringify(unknownKeys[0])} (expected detectors, exclude)`);
  const rawDetectors = top['detectors'] ?? [];
  if (!Array.isArray(rawDetectors)) throw new CustomConfigError('CUSTOM_CONFIG_INVALID', '`detectors` must be a list');
  const taken = new Set(builtins.map((d) => d.id));
  const seen = new Set<string>();
  const detectors = rawDetectors.map((raw, i) => {
    const d = customDetector(raw, i);
    if (taken.has(d.id)) throw new CustomConfigError('CUSTOM_DETECTOR_ID_TAKEN', `detector ${d.id}: a built-in detector has this id; choose another`);
    if (seen.has(d.id)) throw new CustomConfigError('CUSTOM_DETECTOR_DUPLICATE', `detector ${d.id} is declared twice`);
    seen.add(d.id);
    return d;
  });
  for (const [i, raw] of rawDetectors.entries()) checkExamples(detectors[i]!, raw as RawDetector);
  const exclude = excludeOf(top['exclude']);
  const matchers = exclude.map(globToRegExp);
  return { detectors, excludeLegacyPaths: exclude, legacyExcluded: (path) => matchers.some((m) => m.test(path)) };
}

function customDetector(raw: unknown, index: number): Detector {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new CustomConfigError('CUSTOM_DETECTOR_INVALID', `detectors[${index}] must be a mapping`);
  const r = raw as RawDetector;
  const id = r['id'];
  if (typeof id !== 'string' || !ID.test(id)) throw new CustomConfigError('CUSTOM_DETECTOR_INVALID', `detectors[${index}].id must be 3 to 64 lower-case letters, digits and dashes`);
  const where = `detector ${id}`;
  const allowed = new Set(['id', 'title', 'provider', 'severity', 'tier', 'keywords', 'pattern', 'alphabet', 'checksum', 'revoke', 'docs', 'window', 'examples']);
  const extra = Object.keys(r).find((k) => !allowed.has(k));
  if (extra) throw new CustomConfigError('CUSTOM_DETECTOR_INVALID', `${where}: unknown key ${JSON.stringify(extra)}`);
  const text = (key: string, required: boolean): string | undefined => {
    const v = r[key];
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || v.trim() === '') throw new CustomConfigError('CUSTOM_DETECTOR_INVALID', `${where}: \`${key}\` must be a non-empty string`);
    return v;
  };
  const title = text('title', true)!;
  const revoke = text('revoke', true)!;
  const severity = (r['severity'] ?? 'high') as Severity;
  if (!SEVERITIES.includes(severity)) throw new CustomConfigError('CUSTOM_DETECTOR_INVALID', `${where}: severity must be one of ${SEVERITIES.join(', ')}`);
  const tier = r['tier'] as Tier;
  if (!TIERS.includes(tier)) throw new CustomConfigError('CUSTOM_DETECTOR_INVALID', `${where}: tier must be identifiable (blocks pushes) or legacy (reported by scans)`);
  const keywords = r['keywords'];
  if (!Array.isArray(keywords) || keywords.length === 0 || keywords.some((k) => typeof k !== 'string')) {
    throw new CustomConfigError('CUSTOM_DETECTOR_INVALID', `${where}: keywords must be a list of strings (the literal text every match contains)`);
  }
  const short = (keywords as string[]).find((k) => k.length < MIN_KEYWORD_LENGTH);
  if (short !== undefined) {
    throw new CustomConfigError('CUSTOM_KEYWORD_TOO_SHORT', `${where}: keyword ${JSON.stringify(short)} is shorter than ${MIN_KEYWORD_LENGTH} characters (it would run the pattern almost everywhere)`);
  }
  const pattern = text('pattern', true)!;
  if (!/\(\?P<secret>/.test(pattern)) throw new CustomConfigError('CUSTOM_PATTERN_INVALID', `${where}: the pattern needs a (?P<secret>...) group around the secret`);
  try {
    compilePattern(id, pattern, { fastPaths: false });
  } catch (err) {
    if (err instanceof PatternError) throw new CustomConfigError('CUSTOM_PATTERN_INVALID', `${where}: RE2 rejects the pattern: ${err.message}`);
    throw err;
  }
  const alphabet = r['alphabet'] === undefined ? '' : text('alphabet', true)!;
  const window = windowOf(r['window'], where);
  const validate = checksumValidator(r['checksum'], where);
  return {
    id,
    family: `custom:${id}`,
    provider: text('provider', false) ?? 'Custom',
    title,
    severity,
    tier,
    docs: text('docs', false) ?? '',
    revoke,
    keywords: keywords as string[],
    pattern,
    alphabet,
    window,
    ...(validate ? { validate } : {}),
  };
}

function windowOf(raw: unknown, where: string): Detector['window'] {
  if (raw === undefined) return { before: 64, after: 512 };
  const w = raw as { before?: unknown; after?: unknown };
  const ok = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 4096;
  if (typeof raw !== 'object' || raw === null || !ok(w.before) || !ok(w.after)) {
    throw new CustomConfigError('CUSTOM_DETECTOR_INVALID', `${where}: window needs before and after, whole numbers of bytes from 0 to 4096`);
  }
  return { before: w.before, after: w.after };
}

/** `checksum: {kind: crc32-base62, prefix: acme_}`: the secret is the prefix, 30 base62 characters and their CRC-32 in 6 base62 (GitHub's and npm's scheme). */
function checksumValidator(raw: unknown, where: string): ((c: Candidate) => Verdict | null) | undefined {
  if (raw === undefined) return undefined;
  const c = raw as { kind?: unknown; prefix?: unknown };
  if (typeof raw !== 'object' || raw === null || !CHECKSUM_KINDS.includes(c.kind as (typeof CHECKSUM_KINDS)[number]) || typeof c.prefix !== 'string') {
    throw new CustomConfigError('CUSTOM_DETECTOR_INVALID', `${where}: checksum needs kind (${CHECKSUM_KINDS.join(', ')}) and the literal prefix before the checksummed body`);
  }
  const prefix = c.prefix;
  return (candidate) =>
    candidate.secret.startsWith(prefix) && hasValidCrc32Base62(candidate.secret.slice(prefix.length)) ? { confidence: 'high', reason: 'CRC-32 checksum' } : null;
}

/** Example texts: plain strings, with `{set:n}` templates and `{crc32-base62}` expanded (so the file holds no real-format token). */
function checkExamples(d: Detector, raw: RawDetector): void {
  const ex = raw['examples'] as { positive?: unknown; negative?: unknown } | undefined;
  const where = `detector ${d.id}`;
  if (!ex || typeof ex !== 'object' || !Array.isArray(ex.positive) || ex.positive.length === 0) {
    throw new CustomConfigError('CUSTOM_DETECTOR_INVALID', `${where}: examples.positive must list at least one text the detector finds`);
  }
  const negatives = ex.negative === undefined ? [] : ex.negative;
  if (!Array.isArray(negatives)) throw new CustomConfigError('CUSTOM_DETECTOR_INVALID', `${where}: examples.negative must be a list`);
  const engine = createEngine([d], { decode: false });
  const random = seeded(d.id);
  ex.positive.forEach((e, i) => {
    if (typeof e !== 'string') throw new CustomConfigError('CUSTOM_DETECTOR_INVALID', `${where}: examples.positive[${i}] must be a string`);
    const text = expandTemplate(e, random, where);
    if (engine.scan(Buffer.from(text, 'utf8')).length === 0) {
      throw new CustomConfigError('CUSTOM_EXAMPLE_FAILED', `${where}: examples.positive[${i}] is not found by the detector (${JSON.stringify(e.slice(0, 60))})`);
    }
  });
  negatives.forEach((e, i) => {
    if (typeof e !== 'string') throw new CustomConfigError('CUSTOM_DETECTOR_INVALID', `${where}: examples.negative[${i}] must be a string`);
    const text = expandTemplate(e, random, where);
    if (engine.scan(Buffer.from(text, 'utf8')).length > 0) {
      throw new CustomConfigError('CUSTOM_EXAMPLE_FAILED', `${where}: examples.negative[${i}] is found by the detector, but it is listed as a negative (${JSON.stringify(e.slice(0, 60))})`);
    }
  });
}

/** Random characters that depend only on the seed: examples expand the same on every load. */
function seeded(seed: string): (n: number) => number {
  let counter = 0;
  let pool: Buffer = Buffer.alloc(0);
  let at = 0;
  return (n) => {
    if (at + 4 > pool.length) {
      pool = createHash('sha256').update(`${seed}\0${counter++}`).digest();
      at = 0;
    }
    const v = pool.readUInt32BE(at);
    at += 4;
    return v % n;
  };
}

export function expandTemplate(template: string, random: (n: number) => number, where: string): string {
  return template.replace(/\{([A-Za-z0-9-]+)(?::(\d+))?\}/g, (whole, name: string, count: string | undefined) => {
    if (name === 'crc32-base62') {
      const body = Array.from({ length: 30 }, () => TEMPLATE_SETS['base62']![random(62)]).join('');
      return body + crc32Base62(body);
    }
    const set = TEMPLATE_SETS[name];
    if (set === undefined || count === undefined) {
      throw new CustomConfigError('CUSTOM_DETECTOR_INVALID', `${where}: unknown example template ${whole} (use {${Object.keys(TEMPLATE_SETS).join('|')}:N} or {crc32-base62})`);
    }
    const n = Number(count);
    if (n < 1 || n > 4096) throw new CustomConfigError('CUSTOM_DETECTOR_INVALID', `${where}: template ${whole}: 1 to 4096 characters`);
    return Array.from({ length: n }, () => set[random(set.length)]).join('');
  });
}

function excludeOf(raw: unknown): string[] {
  if (raw === undefined) return [];
  const r = raw as { legacy?: unknown; identifiable?: unknown };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new CustomConfigError('CUSTOM_CONFIG_INVALID', '`exclude` must be a mapping (exclude: {legacy: {paths: [...]}})');
  const keys = Object.keys(r);
  if (keys.some((k) => k !== 'legacy')) {
    throw new CustomConfigError('CUSTOM_CONFIG_INVALID', 'only the legacy tier can exclude paths: nothing excludes anything from the identifiable tier (there is no bypass)');
  }
  const legacy = r.legacy as { paths?: unknown } | undefined;
  if (legacy === undefined) return [];
  if (typeof legacy !== 'object' || legacy === null || !Array.isArray(legacy.paths) || legacy.paths.some((p) => typeof p !== 'string' || p === '')) {
    throw new CustomConfigError('CUSTOM_CONFIG_INVALID', '`exclude.legacy.paths` must be a list of path globs');
  }
  return legacy.paths as string[];
}

/** A path glob: `**` any directories, `*` within one, `?` one character; a glob without `/` matches a name at any depth. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(glob.includes('/') ? `^${re}$` : `(?:^|/)${re}$`);
}
