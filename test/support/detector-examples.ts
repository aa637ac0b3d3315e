import type { DetectorExamples } from '../../detectors/examples-types.js';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import { CONTEXT_ENTRIES } from '../../detectors/context-tables/context-tables.js';

/**
 * The examples of a registered detector wherever it is declared: a table row
 * (identifiable or context-required) carries its own, a folder has
 * `examples.ts` beside `detector.ts`.
 */
export async function examplesOf(id: string): Promise<DetectorExamples> {
  const row = TABLE_ENTRIES.find((e) => e.row.id === id) ?? CONTEXT_ENTRIES.find((e) => e.row.id === id);
  if (row) return row.examples;
  const mod = (await import(`../../detectors/${id}/examples.ts`)) as { examples: DetectorExamples };
  return mod.examples;
}
