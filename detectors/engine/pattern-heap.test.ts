import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePattern, liveRe2Patterns, RE2_INSTANCES, RE2_PATTERNS_PER_INSTANCE } from './re2-pattern.js';
import { ALL_DETECTORS } from '../registry.js';
import { TokenFactory } from '../../test/support/token-factory.js';

/**
 * re2-wasm's heap is fixed at 16 MiB for every pattern of the process,
 * compiled programs and DFA caches together, and running out aborts the
 * instance mid-scan. This compiles every detector's pattern and companion
 * pattern in one process and runs each, without the JavaScript fast reject,
 * over one 64 KiB window of mixed text (real source, random bytes, keyword
 * soup), so a pattern set too big for the heaps fails here first. Each
 * re2-wasm instance holds at most RE2_PATTERNS_PER_INSTANCE; the second test
 * fills one instance with the heaviest patterns (longest sources, where
 * counted repetitions make the biggest programs) and works each one's DFA
 * cache.
 */
function mixedText(size: number): string {
  const t = new TokenFactory('pattern-heap');
  const keywords = [...new Set(ALL_DETECTORS.flatMap((d) => d.keywords))];
  const readme = join(import.meta.dirname, '..', '..', 'node_modules', 'typescript', 'lib', 'lib.es5.d.ts');
  const real = existsSync(readme) ? readFileSync(readme, 'latin1') : '';
  let out = '';
  while (out.length < size) {
    const kind = t.int(3);
    if (kind === 0 && real.length > 0) {
      const at = t.int(real.length - 2000);
      out += real.slice(at, at + 200 + t.int(1500));
    } else if (kind === 1) {
      out += Buffer.from(t.bytes(100 + t.int(400))).toString('latin1');
    } else {
      for (let i = 0; i < 20; i++) out += `${t.pick(keywords)}${t.pick(['=', ': ', '://', '_', '"', ' ', '\n'])}${t.chars('ABCDEFabcdef0123456789_-+/=:@.', 8 + t.int(40))}${t.pick([' ', '\n', '"', ';', '@'])}`;
    }
  }
  return out.slice(0, size);
}

describe('re2-wasm heap', () => {
  it('holds the heaviest patterns in one instance at the bound, each worked over 64 KiB, and reuses them', () => {
    const text = mixedText(64 * 1024);
    const sources = [...new Set(ALL_DETECTORS.flatMap((d) => (d.companion ? [d.pattern, d.companion.pattern] : [d.pattern])))]
      .sort((a, b) => b.length - a.length)
      .slice(0, RE2_PATTERNS_PER_INSTANCE)
      // Distinct from the catalogue's own sources (an empty group changes no match), so the next test compiles those anew.
      .map((source) => `(?:)${source}`);
    // Runs first in this file: the process has no compiled pattern yet, so all of these land in instance 0.
    expect(liveRe2Patterns().reduce((a, b) => a + b, 0)).toBe(0);
    const compiled = sources.map((source, i) => compilePattern(`heavy-${i}`, source, { fastPaths: false }));
    const first = compiled.map((p) => p.matchAll(text).length);
    // Second pass over the same set: the same answers (no pattern was freed under a holder).
    const second = compiled.map((p) => p.matchAll(text).length);
    expect(second).toEqual(first);
    expect(first.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(liveRe2Patterns()).toEqual([RE2_PATTERNS_PER_INSTANCE]);
  }, 120_000);

  it('holds every detector pattern and companion pattern of the registry, each run over 64 KiB', () => {
    const text = mixedText(64 * 1024);
    const before = liveRe2Patterns().reduce((a, b) => a + b, 0);
    let patterns = 0;
    let matches = 0;
    for (const d of ALL_DETECTORS) {
      const sources: Array<[string, string]> = [[d.id, d.pattern]];
      if (d.companion) sources.push([`${d.id}/companion`, d.companion.pattern]);
      for (const [id, source] of sources) {
        matches += compilePattern(id, source, { fastPaths: false }).matchAll(text).length;
        patterns++;
      }
    }
    expect(patterns).toBeGreaterThan(ALL_DETECTORS.length);
    const live = liveRe2Patterns();
    expect(live.every((n) => n <= RE2_PATTERNS_PER_INSTANCE)).toBe(true);
    expect(live.length).toBeLessThanOrEqual(RE2_INSTANCES);
    // The whole catalogue stays compiled: nothing was freed to make room.
    expect(live.reduce((a, b) => a + b, 0) - before).toBe(new Set(ALL_DETECTORS.flatMap((d) => (d.companion ? [d.pattern, d.companion.pattern] : [d.pattern]))).size);
    // The text was built to make patterns work (keywords followed by token-like runs); it must not be trivially empty.
    expect(matches).toBeGreaterThan(0);
  }, 120_000);

  it('frees the least recently used pattern when every instance is full, and recompiles it when asked again', () => {
    const capacity = RE2_INSTANCES * RE2_PATTERNS_PER_INSTANCE;
    const extra = Array.from({ length: capacity + 20 }, (_, i) => `(?P<secret>lru${i}_[a-z0-9]{8})`);
    const patterns = extra.map((source, i) => compilePattern(`lru-${i}`, source, { fastPaths: false }));
    patterns.forEach((p, i) => expect(p.matchAll(`x lru${i}_abcd1234 y`).map((m) => m.text)).toEqual([`lru${i}_abcd1234`]));
    expect(liveRe2Patterns().reduce((a, b) => a + b, 0)).toBe(capacity);
    // The first ones were freed; asking again compiles them again, with the same answer.
    expect(patterns[0]!.matchAll('lru0_zzzz9999').map((m) => m.text)).toEqual(['lru0_zzzz9999']);
    expect(liveRe2Patterns().reduce((a, b) => a + b, 0)).toBe(capacity);
  }, 120_000);
});
