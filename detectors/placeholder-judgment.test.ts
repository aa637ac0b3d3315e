import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS } from './registry.js';
import { createEngine, type Engine } from './engine/engine.js';
import type { Detector, RandomPart } from './types.js';
import type { DetectorExamples, PositiveExample } from './examples-types.js';
import { TokenFactory } from '../test/support/token-factory.js';
import { TABLE_ENTRIES } from './tables/tables.js';
import { falseRejectionBound, placeholderJudge } from './builders/placeholder-token.js';

/**
 * The shared placeholder judgment (builders/placeholder-token.ts) across
 * every identifiable detector that declares its random part, folders and
 * table rows alike (detectors added later are picked up):
 * - its error bound: a truly random token of the format is rejected with
 *   probability under one in a million;
 * - generated tokens and the positive examples are never rejected;
 * - planted placeholders (alphabet walks, periodic and constant bodies,
 *   placeholder words, edits of AWS's documented example key), each made a
 *   complete token that passes every other check (checksums and signatures
 *   recomputed through the examples' `withRandom`), are reported by no
 *   identifiable detector, while the same construction with a random body is.
 */
const here = import.meta.dirname;
const folders = readdirSync(here, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(here, e.name, 'detector.ts')))
  .map((e) => e.name)
  .sort();

interface Entry {
  readonly where: string;
  readonly detector: Detector;
  readonly examples: DetectorExamples;
  readonly random: RandomPart;
  /** The first positive example that holds its secret verbatim: plants and generated tokens go in its place. */
  readonly context: PositiveExample | undefined;
}

async function judgedDetectors(): Promise<Entry[]> {
  const out: Entry[] = [];
  const add = (where: string, detector: Detector, examples: DetectorExamples): void => {
    if (detector.tier !== 'identifiable' || !detector.randomPart) return;
    const context = examples.positives(new TokenFactory(where)).find((p) => p.text.includes(p.secret));
    out.push({ where, detector, examples, random: detector.randomPart, context });
  };
  for (const folder of folders) {
    const d = (await import(`./${folder}/detector.ts`)) as { detector: Detector };
    const e = (await import(`./${folder}/examples.ts`)) as { examples: DetectorExamples };
    add(folder, d.detector, e.examples);
  }
  for (const e of TABLE_ENTRIES) add(`tables/${e.table}:${e.row.id}`, e.detector, e.examples);
  return out;
}

const entries = await judgedDetectors();

/** The full engine, and scans of texts as latin1 (one byte per character, so string offsets are byte offsets). */
const engine = createEngine(ALL_DETECTORS);
const scan = (e: Engine, text: string) => e.scan(Buffer.from(text, 'latin1'));

/** Each detector alone and without the judgment: what its other checks (pattern, boundary, validator) accept. */
const unjudged = new Map<Entry, Engine>();
function own(entry: Entry): Engine {
  let e = unjudged.get(entry);
  if (e === undefined) unjudged.set(entry, (e = createEngine([{ ...entry.detector, randomPart: undefined }], { decode: false })));
  return e;
}

/** `token` in the entry's context text (in place of that example's secret). */
function place(entry: Entry, token: string): string {
  return entry.context ? entry.context.text.split(entry.context.secret).join(token) : token;
}

/**
 * The random part of `token` as the engine takes it: `randomPart.of` on the
 * token alone, or, for a detector that reads it from the match's groups, on
 * the detector's match in `text` (default: the token in its context).
 */
function partOf(entry: Entry, token: string, text?: string): string | null {
  const alone = entry.random.of(token, {});
  if (alone !== null) return alone;
  const m = scan(own(entry), text ?? place(entry, token)).find((x) => x.secret === token);
  return m ? entry.random.of(token, m.context) : null;
}

function table(rows: ReadonlyArray<readonly string[]>): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n');
}

describe('placeholder judgment', () => {
  it('rejects a random token of every format with probability under one in a million', () => {
    const rows = entries
      .map(({ where, random }) => ({ where, random, bound: falseRejectionBound(random) }))
      .sort((a, b) => b.bound - a.bound);
    console.log(
      `False-rejection bound of ${rows.length} formats, worst first:\n` +
        table([
          ['detector', 'bound', 'alphabet', 'length'],
          ...rows
            .slice(0, 12)
            .map((r) => [r.where, r.bound.toExponential(2), String(new Set(r.random.alphabet).size), `${r.random.minLength}..${r.random.maxLength}`]),
        ]),
    );
    expect(entries.length).toBeGreaterThan(100);
    expect(rows.filter((r) => !(r.bound < 1e-6)).map((r) => `${r.where}: ${r.bound}`)).toEqual([]);
  });

  it('never rejects generated tokens, nor the random part of any positive example', () => {
    const SEEDS = 4;
    const PER_SEED = 150;
    const problems: string[] = [];
    let judged = 0;
    for (const entry of entries) {
      const { where, examples, random } = entry;
      const judge = placeholderJudge(random);
      const check = (what: string, part: string | null): void => {
        if (part === null) return;
        judged++;
        const reason = judge.reason(part);
        if (reason !== null) problems.push(`${where}: ${what} rejected (${reason})`);
      };
      let found = 0;
      if (examples.generate) {
        for (let seed = 0; seed < SEEDS; seed++) {
          const t = new TokenFactory(`${where}#mc${seed}`);
          for (let i = 0; i < PER_SEED; i++) {
            const token = examples.generate(t);
            // A part read from the match's groups costs a scan: fewer of those.
            const part = random.of(token, {}) ?? (i < 10 ? partOf(entry, token) : null);
            if (part !== null) found++;
            check('a generated token', part);
          }
        }
      }
      // (The conformance test finds each positive through the full engine; here its random part is judged.)
      for (const [i, ex] of examples.positives(new TokenFactory(where)).entries()) {
        const part = partOf(entry, ex.secret, ex.text);
        if (part !== null) found++;
        check(`positive #${i}`, part);
      }
      if (found === 0) problems.push(`${where}: randomPart.of finds no random part in any generated token or positive example`);
    }
    console.log(`Judged ${judged} random parts of generated tokens and positive examples of ${entries.length} formats.`);
    expect(problems).toEqual([]);
  });

  it('reports no planted placeholder of any kind, and reports the same construction with a random body', () => {
    /** Per kind: plants only the judgment could reject, plants the format's own checks refuse, kinds the format cannot express. */
    const judgedPlants = new Map<string, number>();
    const refused = new Map<string, number>();
    const inexpressible = new Map<string, number>();
    const count = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
    const problems: string[] = [];
    const fallback: string[] = [];
    let controls = 0;

    for (const entry of entries) {
      const { where, detector, examples, random } = entry;
      if (!entry.context) {
        problems.push(`${where}: no positive example holds its secret verbatim, nothing to plant into`);
        continue;
      }
      const t = new TokenFactory(`${where}#plant`);
      const build = makeBuilder(entry, t);
      if (!examples.withRandom) fallback.push(where);

      /** What a token gets in context: whether the detector without the judgment reports it, and which identifiable detectors do. */
      const outcome = (token: string): { text: string; own: boolean; all: string[] } => {
        const text = place(entry, token);
        const at = text.indexOf(token);
        const overlaps = (m: { start: number; end: number }): boolean => m.start < at + token.length && at < m.end;
        return {
          text,
          own: scan(own(entry), text).some((m) => m.secret === token),
          all: scan(engine, text)
            .filter((m) => m.detector.tier === 'identifiable' && overlaps(m))
            .map((m) => m.detector.id),
        };
      };

      const lengths = randomLengths(entry);
      if (lengths.length === 0) problems.push(`${where}: no random part found in its generated tokens or positive examples`);
      for (const length of lengths) {
        // Control: a random body, same construction. It must be built, pass and be reported.
        let controlled = false;
        for (let attempt = 0; attempt < 8 && !controlled; attempt++) {
          const token = build(t.chars(random.alphabet, length));
          if (token === null) continue;
          const o = outcome(token);
          if (o.own && o.all.includes(detector.id)) controlled = true;
        }
        controls++;
        if (!controlled) {
          problems.push(
            `${where}: the control (length ${length}, random body) is not reported: ` +
              (examples.withRandom ? 'withRandom builds tokens its detector refuses' : 'its examples need a withRandom (a random part written into a generated token does not pass)'),
          );
          continue;
        }
        for (const kind of plantKinds(entry, length)) {
          // The first candidate the format's own checks accept; failing that, the first it can build at all.
          let outcomeOf: 'judged' | 'refused' | 'none' = 'none';
          for (const candidate of kind.candidates) {
            if (candidate.length !== length || ![...candidate].every((c) => random.alphabet.includes(c))) continue;
            const token = build(candidate);
            if (token === null) continue;
            const o = outcome(token);
            if (o.all.length > 0) problems.push(`${where}: planted ${kind.name} (length ${length}) reported by ${o.all.join(', ')}`);
            if (!o.own) {
              outcomeOf = 'refused';
              continue;
            }
            if (partOf(entry, token, o.text) !== candidate) problems.push(`${where}: the token built for ${kind.name} does not carry that random part`);
            outcomeOf = 'judged';
            break;
          }
          count(outcomeOf === 'judged' ? judgedPlants : outcomeOf === 'refused' ? refused : inexpressible, kind.name);
        }
      }
    }

    const kinds = [...new Set([...judgedPlants.keys(), ...refused.keys(), ...inexpressible.keys()])].sort();
    console.log(
      `Planted placeholders in ${entries.length} formats (${controls} random-body controls built the same way, all reported).\n` +
        `judged: passes the format's other checks, so only the placeholder judgment stands in the way; ` +
        `refused: the format's own checks already refuse it; not planted: the alphabet or length cannot express it ` +
        `(or, for a word in a random body, one occurrence is not improbable enough in that format to reject alone).\n` +
        table([
          ['kind', 'judged', 'refused', 'not planted'],
          ...kinds.map((k) => [k, String(judgedPlants.get(k) ?? 0), String(refused.get(k) ?? 0), String(inexpressible.get(k) ?? 0)]),
        ]) +
        (fallback.length > 0 ? `\nNo withRandom (random part written into a generated token): ${fallback.join(', ')}` : ''),
    );
    expect(problems).toEqual([]);
    for (const k of ['walk a1b2c3', 'walk aBcDeF', 'periodic abcd1234', 'constant']) {
      expect((judgedPlants.get(k) ?? 0) + (refused.get(k) ?? 0)).toBeGreaterThan(entries.length * 0.8);
    }
    expect(judgedPlants.get('aws example edit') ?? 0).toBeGreaterThan(0);
  });
});

/** The random-part lengths to plant at: those of generated tokens and positive examples (at most 3). */
function randomLengths(entry: Entry): number[] {
  const { examples, random } = entry;
  const lengths = new Set<number>();
  const add = (secret: string, text?: string): void => {
    const n = partOf(entry, secret, text)?.length;
    if (n !== undefined && n >= random.minLength && n <= random.maxLength) lengths.add(n);
  };
  const t = new TokenFactory('lengths');
  if (examples.generate) for (let i = 0; i < 3; i++) add(examples.generate(t));
  for (const p of examples.positives(new TokenFactory('lengths'))) add(p.secret, p.text);
  return [...lengths].slice(0, 3);
}

/**
 * A token around a chosen random part: the examples' withRandom, or else a
 * generated token (or positive secret) with the part written over the
 * characters `randomPart.of` takes (found by changing one character at a
 * time), which serves formats without a checksum.
 */
function makeBuilder(entry: Entry, t: TokenFactory): (part: string) => string | null {
  const { examples, random } = entry;
  if (examples.withRandom) return (part) => examples.withRandom!(t, part);
  return (part) => {
    const sources: string[] = [];
    if (examples.generate) sources.push(examples.generate(t));
    sources.push(...examples.positives(t).map((p) => p.secret));
    for (const token of sources) {
      const where = placesOf(random, token);
      if (where === null || where.length === 0) continue;
      // One run of characters: replaced whole, whatever its length. Scattered ones: one by one.
      if (where.every((at, k) => at === where[0]! + k)) return token.slice(0, where[0]) + part + token.slice(where[0]! + where.length);
      if (where.length !== part.length) continue;
      const chars = [...token];
      where.forEach((at, k) => (chars[at] = part[k]!));
      return chars.join('');
    }
    return null;
  };
}

/** Where each character of the token's random part sits in it, or null when `of` is not a plain selection of characters. */
function placesOf(random: RandomPart, token: string): number[] | null {
  const base = random.of(token, {});
  if (base === null) return null;
  const at = new Array<number>(base.length).fill(-1);
  for (let i = 0; i < token.length; i++) {
    const other = [...random.alphabet].find((c) => c !== token[i])!;
    const changed = random.of(token.slice(0, i) + other + token.slice(i + 1), {});
    if (changed === null || changed.length !== base.length) continue;
    const moved = [...changed].flatMap((c, k) => (c === base[k] ? [] : [k]));
    if (moved.length === 1 && changed[moved[0]!] === other) at[moved[0]!] = i;
  }
  return at.includes(-1) ? null : at;
}

interface PlantKind {
  readonly name: string;
  /** Random parts to try, in order, until one makes a token the detector's other checks accept. */
  readonly candidates: readonly string[];
}

const fill = (unit: string, n: number): string => (unit.length === 0 ? '' : unit.repeat(Math.ceil(n / unit.length)).slice(0, n));

/** Each kind of placeholder as random parts of `length` characters in the format's alphabet. */
function plantKinds({ detector, random }: Entry, length: number): PlantKind[] {
  const alphabet = random.alphabet;
  const has = (c: string): boolean => alphabet.includes(c);
  const lower = [...'abcdefghijklmnopqrstuvwxyz'].filter(has);
  const upper = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].filter(has);
  const digits = [...'1234567890'].filter(has);
  const letters = lower.length > 0 ? lower : upper;
  const kinds: PlantKind[] = [];

  // `a1b2c3d4…`: letters and digits interleaved, both counting up.
  if (letters.length > 0 && digits.length > 0) {
    let s = '';
    for (let i = 0; s.length < length; i++) s += letters[i % letters.length]! + digits[i % digits.length]!;
    kinds.push({ name: 'walk a1b2c3', candidates: [s.slice(0, length)] });
  } else kinds.push({ name: 'walk a1b2c3', candidates: [] });
  // `aBcDeFgH…`: consecutive letters in alternating case (one case where the alphabet has one).
  if (letters.length > 0) {
    let s = '';
    for (let i = 0; s.length < length; i++) {
      const c = 'abcdefghijklmnopqrstuvwxyz'[i % 26]!;
      const want = i % 2 === 1 ? c.toUpperCase() : c;
      s += has(want) ? want : has(c) ? c : has(c.toUpperCase()) ? c.toUpperCase() : '';
    }
    kinds.push({ name: 'walk aBcDeF', candidates: [s.slice(0, length)] });
  } else kinds.push({ name: 'walk aBcDeF', candidates: [] });
  // `abcd1234abcd1234…` (`ab12ab12…` in a part too short for three rounds of 8), from what the alphabet has.
  {
    const half = length >= 24 ? 4 : 2;
    const pool = [...letters.slice(0, half), ...(digits.length >= half ? digits.slice(0, half) : letters.slice(half, 2 * half))];
    const unit = pool.length >= 2 * half ? pool.join('') : [...alphabet].slice(0, 2 * half).join('');
    kinds.push({ name: 'periodic abcd1234', candidates: [fill(unit, length)] });
  }
  // One character repeated (with a valid checksum where the format has one).
  kinds.push({ name: 'constant', candidates: [...new Set([...'xX0aAfF9', ...alphabet])].filter(has).map((c) => c.repeat(length)) });

  // Placeholder words, in a case the alphabet has, filling the body (`FAKEFAKE…`, `hellohello…`).
  const t = new TokenFactory(`${detector.id}#words`);
  for (const word of ['FAKE', 'test', 'hello', 'example', 'HARDCODED']) {
    const spelled = spell(word, has);
    // The long words also alone in a random body, where one occurrence is improbable enough for the
    // judgment to reject it (a short word alone is as likely in a random token as a placeholder is common).
    const inRandom = word.length >= 7 ? [`word ${word} in random`] : [];
    if (spelled === null || spelled.length > length) {
      kinds.push(...[`word ${word}`, ...inRandom].map((name) => ({ name, candidates: [] })));
      continue;
    }
    kinds.push({ name: `word ${word}`, candidates: [fill(spelled, length)] });
    if (inRandom.length === 0) continue;
    const at = t.int(length - spelled.length + 1);
    const bodies = [0, 1, 2].map(() => t.chars(alphabet, length));
    const alone = wordChance(spelled, alphabet, length) * 64 <= 1e-7;
    kinds.push({ name: inRandom[0]!, candidates: alone ? bodies.map((c) => c.slice(0, at) + spelled + c.slice(at + spelled.length)) : [] });
  }

  // Edits of AWS's documented example key id that keep its start (assembled in parts, like aws-access-key's examples).
  if (detector.keywords.includes('AKIA') && length === 16) {
    const start = ['IOSF', 'ODNN7'].join('');
    const tails = ['EXAMPL3', 'EXAMPLF', 'EXAMP2E', 'XAMPLE2', 'ABCDEFG', 'ZZZZ222', t.chars(alphabet, 7)];
    for (const tail of tails) kinds.push({ name: 'aws example edit', candidates: [start + tail] });
  }
  return kinds;
}

/** `word` in a case the alphabet has (as written, else the other case), or null. */
function spell(word: string, has: (c: string) => boolean): string | null {
  for (const w of [word, word.toLowerCase(), word.toUpperCase()]) if ([...w].every(has)) return w;
  return null;
}

/** Chance that a random part of `length` characters holds `word` somewhere, ignoring case (a union bound). */
function wordChance(word: string, alphabet: string, length: number): number {
  const chars = [...new Set(alphabet)];
  let p = length - word.length + 1;
  for (const c of word.toLowerCase()) p *= chars.filter((x) => x.toLowerCase() === c).length / chars.length;
  return p;
}
