import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import type { TokenFactory } from '../../test/support/token-factory.js';
import { ALPHA } from '../../test/support/token-factory.js';

const key = (t: TokenFactory, n = 32): string => `odt_${t.chars(ALPHA.base62, n)}`;

export const examples: DetectorExamples = {
  generate: (t) => key(t),
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (p: string) => string, p: string): void => {
      out.push({ text: make(p), secret: p });
    };
    add((p) => `DTRACK_API_KEY=${p}\n`, key(t));
    add((p) => `curl -X PUT https://dtrack.corp.io/api/v1/bom -H "X-Api-Key: ${p}" -F bom=@bom.xml\n`, key(t));
    add((p) => `  with:\n    apikey: ${p}\n`, key(t, 36));
    return out;
  },
  negatives: (t) => [
    t.chars(ALPHA.base62, 32),
    `odt_${t.chars(ALPHA.base62, 20)}`,
    `odt_${t.chars(ALPHA.base62, 45)}`,
    `odt_${'A'.repeat(32)}`,
    `fodt_${t.chars(ALPHA.base62, 32)}`,
  ],
};
