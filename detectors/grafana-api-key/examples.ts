import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { fitsRandom } from '../builders/random-part.js';

const b64 = (json: string): string => Buffer.from(json, 'latin1').toString('base64');

function keyJson(t: TokenFactory, k = t.chars(ALPHA.base62, 32)): string {
  const name = t.pick(['grafana-backup', 'ci', 'terraform', 'dashboards-sync', 'admin key']);
  return `{"k":"${k}","n":"${name}","id":${1 + t.int(40)}}`;
}

const make = (t: TokenFactory): string => {
  // Grafana writes the key with its padding; some tools strip it.
  const key = b64(keyJson(t));
  return t.int(2) === 0 ? key : key.replace(/=+$/, '');
};

export const examples: DetectorExamples = {
  generate: make,
  withRandom: (t, random) => (fitsRandom(random, ALPHA.base62, 32) ? b64(keyJson(t, random)) : null),
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t), make(t), make(t)];
    return [
      { text: `# grafana provisioning\nexport GRAFANA_API_KEY=${a}\n`, secret: a },
      { text: `{\n  "grafana": {\n    "url": "https://grafana.internal:3000",\n    "apiKey": "${b}"\n  }\n}\n`, secret: b },
      { text: `curl -H "Authorization: Bearer ${c}" http://localhost:3000/api/dashboards/home\r\n`, secret: c },
      { text: `client = GrafanaFace(auth="${d}", host="grafana.example.org")`, secret: d },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      // Not the key JSON: a JWT header, and a JSON whose k is not 32 letters and digits.
      `GRAFANA_API_KEY=${b64(`{"k":"short","n":"ci","id":1}`)}`,
      `GRAFANA_API_KEY=${b64(`{"k":"${t.chars(ALPHA.base62, 32)}","n":"ci"}`)}`,
      // Broken base64 (a character changed inside the JSON).
      `GRAFANA_API_KEY=${good.slice(0, 40)}$${good.slice(41)}`,
      // A placeholder key.
      `GRAFANA_API_KEY=${b64(keyJson(t, 'x'.repeat(32)))}`,
      `GRAFANA_API_KEY=${b64(keyJson(t, 'abcdefghijklmnopqrstuvwxyz012345'))}`,
      // Glued to more base64.
      `blob: QUJD${good}`,
      'GRAFANA_API_KEY=eyJrIjoi<your-key>',
    ];
  },
};
