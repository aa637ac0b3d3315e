import type { Detector, Verdict } from '../types.js';
import { decodeBase64JsonObject } from '../decode/json.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const MATCH: Verdict = { confidence: 'high', reason: 'base64 of the JSON {"k": key, "n": name, "id": org id} (Grafana API key)' };

/** The random `k` of a Grafana API key, or null when the base64 is not its JSON. */
export function grafanaKeyOf(secret: string): string | null {
  // The pattern fixes the opening `{"k":"` (eyJrIjoi).
  const parsed = decodeBase64JsonObject(secret);
  if (parsed === null) return null;
  const { k, n, id } = parsed;
  if (typeof k !== 'string' || !/^[A-Za-z0-9]{32}$/.test(k)) return null;
  if (typeof n !== 'string' || typeof id !== 'number' || !Number.isInteger(id) || id < 0) return null;
  return k;
}

/**
 * Grafana API key (the legacy keys that service-account tokens replaced, still
 * accepted by Grafana servers that kept them): the base64 of
 * `{"k":"<32 letters and digits>","n":"<key name>","id":<org id>}`, so every
 * key starts `eyJrIjoi`. The validator decodes it and checks that JSON; the
 * random part is `k`.
 */
export const detector: Detector = {
  id: 'grafana-api-key',
  family: 'grafana-api-key',
  provider: 'Grafana Labs',
  title: 'Grafana API key (legacy)',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://grafana.com/docs/grafana/latest/administration/api-keys/',
  revoke:
    'Delete the key under Administration > Users and access > API keys (or migrate it to a service account and delete it), then create a service-account token.',
  keywords: ['eyJrIjoi'],
  // JSON of 50 to about 300 bytes: 70 to 400 base64 characters, padding optional.
  pattern: '(?P<secret>eyJrIjoi[A-Za-z0-9+/]{62,392}={0,2})',
  alphabet: 'A-Za-z0-9+/',
  window: { before: 0, after: 400 },
  validate: ({ secret }) => (grafanaKeyOf(secret) === null ? null : MATCH),
  randomPart: { alphabet: BASE62, minLength: 32, maxLength: 32, of: (secret) => grafanaKeyOf(secret) },
};
