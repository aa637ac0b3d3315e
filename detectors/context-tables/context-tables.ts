import type { Detector } from '../types.js';
import type { DetectorExamples } from '../examples-types.js';
import { contextDetector, contextExamples, type ContextRow, type ContextTable } from '../builders/context-row.js';
import { table as devops } from './devops.js';
import { table as saas } from './saas.js';
import { table as iot } from './iot.js';
import { table as frameworks } from './frameworks.js';
import { table as cloudAi } from './cloud-ai.js';

/** Every context-required format table, in a fixed order (one line per file; context-conformance.test.ts checks the folder). */
export const CONTEXT_TABLES: readonly ContextTable[] = [devops, saas, iot, frameworks, cloudAi];

export interface ContextEntry {
  readonly table: string;
  readonly row: ContextRow;
  readonly detector: Detector;
  readonly examples: DetectorExamples;
}

/** Each row with the detector derived from it, built once (examples on first use). */
export const CONTEXT_ENTRIES: readonly ContextEntry[] = CONTEXT_TABLES.flatMap((t) =>
  t.rows.map((row): ContextEntry => {
    // Examples on first use, as for the identifiable tables (tables.ts).
    let examples: DetectorExamples | undefined;
    return {
      table: t.name,
      row,
      detector: contextDetector(row),
      get examples() {
        return (examples ??= contextExamples(row));
      },
    };
  }),
);
