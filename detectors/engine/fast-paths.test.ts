import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from './engine.js';
// A plain hash to compare secrets by without printing them.
import { v1Fingerprint as fingerprint } from '../../scanner/fingerprint.js';
import { ALL_DETECTORS } from '../registry.js';
import type { DetectorExamples } from '../examples-types.js';
import type { Match } from '../types.js';
import { TokenFactory } from '../../test/support/token-factory.js';

/**
 * The engine's shortcuts around RE2 (JavaScript twins that reject windows,
 * groups only for usable matches, once per match) must change no match:
 * the engine with them and without them (`fastPaths: false`, RE2 on every
 * window and every match) must give identical results on every detector's
 * examples (as written and in encoded forms, for the decoded scan) and
 * negatives, and on a few MB of real and random text with those examples
 * planted in it.
 */
const detectorsDir = join(import.meta.dirname, '..');
const folders = readdirSync(detectorsDir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(detectorsDir, e.name, 'examples.ts')))
  .map((e) => e.name)
  .sort();

async function exampleTexts(): Promise<string[]> {
  const texts: string[] = [];
  for (const folder of folders) {
    const { examples } = (await import(`../${folder}/examples.ts`)) as { examples: DetectorExamples };
    const t = new TokenFactory(`fast-paths:${folder}`);
    for (const p of examples.positives(t)) texts.push(p.text, ...encodedForms(p.text, p.secret));
    texts.push(...examples.negatives(t));
  }
  return texts;
}

/** The example as the engine's decoded scan meets it: base64, percent-encoded, JSON-escaped and UTF-16 (latin1 strings). */
function encodedForms(text: string, secret: string): string[] {
  const bytes = Buffer.from(text, 'latin1');
  return [
    `data:\n  value: ${Buffer.from(secret, 'latin1').toString('base64')}\n`,
    `https://example.com/r?to=${encodeURIComponent(text)}`,
    JSON.stringify({ text }).replaceAll('/', '\\/'),
    Buffer.from(bytes.toString('latin1'), 'utf16le').toString('latin1'),
  ];
}

/** Comparable form of a match; the secret only as a fingerprint, so a failure never prints one. */
function describeMatch(m: Match): string {
  const companion = m.companion ? fingerprint('companion', m.companion.value) : '';
  return `${m.detector.id}@${m.start}-${m.end}:${m.line}:${m.column} ${fingerprint(m.detector.family, m.secret)} ${m.confidence} ${m.reason} ${JSON.stringify(m.context)} ${companion}`;
}

/** Real source text of this checkout: TypeScript's DOM typings and package READMEs (URLs, `token`, `password`). */
function realText(limit: number): string {
  const parts: string[] = [];
  let size = 0;
  const add = (path: string): void => {
    if (size >= limit || !existsSync(path)) return;
    const text = readFileSync(path, 'latin1');
    parts.push(text);
    size += text.length;
  };
  const modules = join(detectorsDir, '..', 'node_modules');
  for (const name of readdirSync(modules).sort()) add(join(modules, name, 'README.md'));
  add(join(modules, 'typescript', 'lib', 'lib.dom.d.ts'));
  return parts.join('\n').slice(0, limit);
}

describe('engine fast paths', () => {
  const fast = createEngine(ALL_DETECTORS);
  const reference = createEngine(ALL_DETECTORS, { fastPaths: false });

  it('give the same matches as RE2 alone on every example and negative', async () => {
    const texts = await exampleTexts();
    expect(texts.length).toBeGreaterThan(300);
    let matches = 0;
    for (const text of texts) {
      const buf = Buffer.from(text, 'latin1');
      const want = reference.scan(buf).map(describeMatch);
      matches += want.length;
      expect(fast.scan(buf).map(describeMatch)).toEqual(want);
    }
    expect(matches).toBeGreaterThan(200);
  });

  it('give the same matches as RE2 alone on MBs of real and random text with planted examples', async () => {
    const t = new TokenFactory('fast-paths-corpus');
    const examples = await exampleTexts();
    const real = realText(3_000_000);
    const pieces: string[] = [];
    let at = 0;
    while (at < real.length) {
      const step = 500 + t.int(8000);
      pieces.push(real.slice(at, at + step));
      at += step;
      // Examples on their own line, glued into a line, or after random bytes (binary-looking context).
      const ex = t.pick(examples);
      const glue = t.int(3);
      if (glue === 0) pieces.push(`\n${ex}\n`);
      else if (glue === 1) pieces.push(`${t.chars('abc_=:" \\n', 3)}${ex}`);
      else pieces.push(Buffer.from(t.bytes(40 + t.int(200))).toString('latin1'), ex);
    }
    const buf = Buffer.from(pieces.join(''), 'latin1');
    expect(buf.length).toBeGreaterThan(2_000_000);
    const want = reference.scan(buf).map(describeMatch);
    expect(want.length).toBeGreaterThan(100);
    expect(fast.scan(buf).map(describeMatch)).toEqual(want);
  }, 120_000);
});
