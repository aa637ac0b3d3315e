import type { Detector } from '../types.js';
import type { DetectorExamples } from '../examples-types.js';
import { rowDetector, rowExamples, type TokenRow, type TokenTable } from '../builders/token-row.js';
import { table as cloudHosting } from './cloud-hosting.js';
import { table as ciCodeHosting } from './ci-code-hosting.js';
import { table as packageRegistries } from './package-registries.js';
import { table as aiProviders } from './ai-providers.js';
import { table as paymentCommerce } from './payment-commerce.js';
import { table as messagingEmail } from './messaging-email.js';
import { table as observabilitySaas } from './observability-saas.js';

/** Every format table, in a fixed order (one line per file; the conformance test checks the folder). */
export const TABLES: readonly TokenTable[] = [
  cloudHosting,
  ciCodeHosting,
  packageRegistries,
  aiProviders,
  paymentCommerce,
  messagingEmail,
  observabilitySaas,
];

export interface TableEntry {
  readonly table: string;
  readonly row: TokenRow;
  readonly detector: Detector;
  readonly examples: DetectorExamples;
}

/**
 * Each row with the detector derived from it, built once, and its examples,
 * built on first use: the hook loads the registry on every push and never
 * reads them (building them was about 2 ms of its start-up in a CPU profile).
 */
export const TABLE_ENTRIES: readonly TableEntry[] = TABLES.flatMap((t) =>
  t.rows.map((row): TableEntry => {
    let examples: DetectorExamples | undefined;
    return {
      table: t.name,
      row,
      detector: rowDetector(row),
      get examples() {
        return (examples ??= rowExamples(row));
      },
    };
  }),
);
