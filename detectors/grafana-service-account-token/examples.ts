import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { glsaChecksum } from './checksum.js';
import { fitsRandom } from '../builders/random-part.js';

export function makeGlsaToken(t: TokenFactory, random: string = t.chars(ALPHA.base62, 32)): string {
  const key = `glsa_${random}`;
  return `${key}_${glsaChecksum(key)}`;
}

export const examples: DetectorExamples = {
  generate: makeGlsaToken,
  withRandom: (t, random) => (fitsRandom(random, ALPHA.base62, 32) ? makeGlsaToken(t, random) : null),
  positives: (t) => {
    const a = makeGlsaToken(t);
    const b = makeGlsaToken(t);
    const c = makeGlsaToken(t);
    return [
      { text: `provider "grafana" {\n  url  = "https://grafana.example.com/"\n  auth = "${a}"\n}\n`, secret: a },
      { text: `curl -H "Authorization: Bearer ${b}" https://grafana.example.com/api/search\r\n`, secret: b },
      { text: `GRAFANA_TOKEN=${c}\n`, secret: c },
    ];
  },
  negatives: (t) => {
    const good = makeGlsaToken(t);
    const last = good.at(-1)!;
    return [
      // Same shape, wrong checksum.
      `GRAFANA_TOKEN=${good.slice(0, -1)}${last === '0' ? '1' : '0'}`,
      `GRAFANA_TOKEN=glsa_${t.chars(ALPHA.base62, 32)}_${t.chars(ALPHA.hexLower, 8)}`,
      `GRAFANA_TOKEN=glsa_<service-account-token>`,
      `blob=${t.chars(ALPHA.base62, 6)}${good}`,
    ];
  },
};
