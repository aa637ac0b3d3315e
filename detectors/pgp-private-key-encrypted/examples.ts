import type { DetectorExamples } from '../examples-types.js';
import { armor, pgpExamples, pgpKeyBytes } from '../pgp-private-key/examples-keys.js';

export const examples: DetectorExamples = {
  generate: (t) => armor(pgpKeyBytes(t, 'passphrase')),
  positives: (t) => pgpExamples(t, 'passphrase').positives,
  negatives: (t) => pgpExamples(t, 'passphrase').negatives,
};
