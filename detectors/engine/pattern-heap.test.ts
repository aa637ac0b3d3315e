import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePattern } from './re2-pattern.js';
import { ALL_DETECTORS } from '../registry.js';
import { TokenFactory } from '../../test/support/token-factory.js';

/**
 * re2-wasm's heap is fixed at 16 MiB for every pattern of the process,
 * compiled programs and DFA caches together, and running out aborts the
 * instance mid-scan. This compiles every detector's pattern and companion
 * pattern in one process and runs each, without the JavaScript fast reject,
 * over one 64 KiB window of mixed text (real source, random bytes, keyword
 * soup), so a pattern set too big for the heap fails here first.
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
  it('holds every detector pattern and companion pattern of the registry, each run over 64 KiB', () => {
    const text = mixedText(64 * 1024);
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
    // The text was built to make patterns work (keywords followed by token-like runs); it must not be trivially empty.
    expect(matches).toBeGreaterThan(0);
  }, 120_000);
});
