import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS } from './registry.js';
import { createEngine } from './engine/engine.js';
import { CONTEXT_ENTRIES, CONTEXT_TABLES } from './context-tables/context-tables.js';
import { TokenFactory } from '../test/support/token-factory.js';

/**
 * The context-required formats (detectors/context-tables/, built by
 * detectors/builders/context-row.ts) through the full engine: each row's
 * positives are found, with the keyword named in the reason, and none of its
 * negatives (the keyword removed, glued runs, constant and template values, a
 * key that names an id). Every problem is reported at once.
 */
const here = import.meta.dirname;
const tableFiles = readdirSync(join(here, 'context-tables'))
  .filter((f) => f.endsWith('.ts') && f !== 'context-tables.ts' && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3))
  .sort();

describe('context-required formats', () => {
  it('are registered once, as legacy detectors, with well-formed metadata', () => {
    const problems: string[] = [];
    const listed = CONTEXT_TABLES.map((t) => t.name).sort();
    if (JSON.stringify(listed) !== JSON.stringify(tableFiles)) problems.push(`context-tables.ts lists ${listed.join(', ')}; files are ${tableFiles.join(', ')}`);
    const ids = new Set<string>();
    for (const { table, row, detector } of CONTEXT_ENTRIES) {
      const where = `context-tables/${table}:${row.id}`;
      if (ids.has(row.id)) problems.push(`${where}: duplicate id`);
      ids.add(row.id);
      if (ALL_DETECTORS.filter((d) => d === detector).length !== 1) problems.push(`${where}: not registered exactly once in registry.ts`);
      if (ALL_DETECTORS.some((d) => d !== detector && d.id === row.id)) problems.push(`${where}: id used by another detector`);
      if (detector.tier !== 'legacy') problems.push(`${where}: context rows are legacy`);
      if (!/^https:\/\//.test(row.docs)) problems.push(`${where}: docs is not an https URL`);
      if (row.revoke.trim() === '' || row.title.trim() === '' || row.provider.trim() === '') problems.push(`${where}: missing metadata`);
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(row.id)) problems.push(`${where}: id is not kebab-case`);
    }
    expect(problems).toEqual([]);
  });

  it('find each row’s positives, naming the keyword, and none of its negatives, through the full engine', () => {
    const engine = createEngine(ALL_DETECTORS);
    const problems: string[] = [];
    let checked = 0;
    for (const { table, row, detector, examples } of CONTEXT_ENTRIES) {
      const where = `context-tables/${table}:${row.id}`;
      const t = new TokenFactory(where);
      const positives = examples.positives(t);
      if (positives.length < 2) problems.push(`${where}: fewer than 2 positives`);
      for (const [i, ex] of positives.entries()) {
        checked++;
        const found = engine.scan(Buffer.from(ex.text, 'latin1')).filter((m) => m.detector.id === detector.id);
        const m = found.find((f) => f.secret === ex.secret);
        if (m === undefined) {
          problems.push(`${where}: positive #${i} not found (got ${found.length} other matches)`);
          continue;
        }
        if (m.start !== ex.text.indexOf(ex.secret)) problems.push(`${where}: positive #${i} at offset ${m.start}, expected ${ex.text.indexOf(ex.secret)}`);
        if (!/ next to the word "[^"]+"$/.test(m.reason) || !row.keywords.some((k) => m.reason.endsWith(`"${k.toLowerCase()}"`))) {
          problems.push(`${where}: positive #${i} reason does not name its keyword: ${m.reason}`);
        }
      }
      const negatives = examples.negatives(new TokenFactory(where));
      if (negatives.length < 2) problems.push(`${where}: fewer than 2 negatives`);
      for (const [i, text] of negatives.entries()) {
        checked++;
        if (engine.scan(Buffer.from(text, 'latin1')).some((m) => m.detector.id === detector.id)) problems.push(`${where}: negative #${i} matched`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
