import type { DetectorExamples } from '../examples-types.js';
import { armor, pgpExamples, pgpKeyBytes } from './examples-keys.js';

export const examples: DetectorExamples = {
  generate: (t) => armor(pgpKeyBytes(t, 'none')),
  positives: (t) => pgpExamples(t, 'none').positives,
  negatives: (t) => pgpExamples(t, 'none').negatives,
};
