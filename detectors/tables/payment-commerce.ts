import type { TokenTable } from '../builders/token-row.js';

/** Formats that are a prefix, an alphabet and a length: see detectors/builders/token-row.ts. */
export const table: TokenTable = {
  name: 'payment-commerce',
  rows: [],
};
