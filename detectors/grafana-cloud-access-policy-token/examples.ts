import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { fitsRandom } from '../builders/random-part.js';

export function makeGlcToken(t: TokenFactory, payload?: Record<string, unknown>, k?: string): string {
  const body = payload ?? {
    o: String(100000 + t.int(900000)),
    n: `stack-${t.chars(ALPHA.lowerAlnum, 6)}-metrics-write`,
    k: k ?? t.chars(ALPHA.base62, 24),
    m: { r: t.pick(['prod-us-east-0', 'prod-eu-west-2', 'prod-ap-south-1']) },
  };
  return `glc_${Buffer.from(JSON.stringify(body)).toString('base64')}`;
}

export const examples: DetectorExamples = {
  generate: (t) => makeGlcToken(t),
  withRandom: (t, random) => (fitsRandom(random, ALPHA.base62, 16, 64) ? makeGlcToken(t, undefined, random) : null),
  positives: (t) => {
    const a = makeGlcToken(t);
    const b = makeGlcToken(t);
    const c = makeGlcToken(t);
    return [
      { text: `provider "grafana" {\n  alias = "cloud"\n  cloud_access_policy_token = "${a}"\n}\n`, secret: a },
      { text: `GRAFANA_CLOUD_TOKEN=${b}\r\n`, secret: b },
      { text: `otlp:\n  headers:\n    Authorization: Basic ${c}\n`, secret: c },
    ];
  },
  negatives: (t) => {
    const good = makeGlcToken(t);
    return [
      // Valid base64 of JSON without the expected fields.
      `token: ${makeGlcToken(t, { k: t.chars(ALPHA.base62, 24), id: 1, n: 'mykey' })}`,
      // Base64 that is not JSON.
      `token: glc_eyJ${t.chars(ALPHA.base62, 60)}`,
      // Truncated base64 no longer decodes to JSON.
      `token: ${good.slice(0, 40)}`,
      `token: glc_<your-grafana-cloud-token>`,
      `blob=${t.chars(ALPHA.base62, 6)}${good}`,
    ];
  },
};
