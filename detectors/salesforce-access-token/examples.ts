import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import type { TokenFactory } from '../../test/support/token-factory.js';
import { ALPHA } from '../../test/support/token-factory.js';

const token = (t: TokenFactory, n = 96): string => `00D${t.chars(ALPHA.base62, 12)}!AQ${t.chars(`${ALPHA.base62}._`, n - 2)}`;

export const examples: DetectorExamples = {
  generate: (t) => token(t),
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (p: string) => string, p: string): void => {
      out.push({ text: make(p), secret: p });
    };
    add((p) => `=== Org Description\nKEY               VALUE\nAccess Token      ${p}\nClient Id         PlatformCLI\n`, token(t));
    add((p) => `export SF_ACCESS_TOKEN='${p}'\n`, token(t, 112));
    add((p) => `curl https://acme.my.salesforce.com/services/data/v60.0/ -H "Authorization: Bearer ${p}"\n`, token(t));
    return out;
  },
  negatives: (t) => [
    `Id                00D5f${t.chars(ALPHA.base62, 10)}`,
    `00D${t.chars(ALPHA.base62, 12)}!${t.chars(ALPHA.base62, 40)}`,
    `00D${t.chars(ALPHA.base62, 12)}!AQ${'x'.repeat(94)}`,
    `0x00D${t.chars(ALPHA.base62, 12)}!AQ${t.chars(ALPHA.base62, 94)}`,
    `00D${t.chars(ALPHA.base62, 12)}!AQcAQH0dMHEXAMPLEzmpkb58urFRkgeBGsxL${t.chars(ALPHA.base62, 58)}`,
  ],
};
