import type { Detector } from '../types.js';
import { decodeBase64JsonObject } from '../decode/json.js';
import { CHARS } from '../builders/token-row.js';

/**
 * Grafana Cloud access policy tokens: `glc_` + base64 of a JSON object
 * {"o": org id, "n": token name, "k": secret, "m": {"r": region}}. The JSON
 * always starts with `{"`, hence the `eyJ` in the keyword.
 */
export const detector: Detector = {
  id: 'grafana-cloud-access-policy-token',
  family: 'grafana-token',
  provider: 'Grafana Cloud',
  title: 'Grafana Cloud access policy token',
  severity: 'critical',
  tier: 'identifiable',
  docs: 'https://grafana.com/docs/grafana-cloud/security-and-account-management/authentication-and-permissions/access-policies/',
  revoke: 'Delete the token from its access policy in the Grafana Cloud portal (Administration > Cloud access policies) and create a new one.',
  keywords: ['glc_eyJ'],
  pattern: '(?P<secret>glc_eyJ[A-Za-z0-9+/]{29,600}={0,2})',
  alphabet: 'A-Za-z0-9+/',
  window: { before: 0, after: 604 },
  validate: ({ secret }) => {
    const payload = decodeBase64JsonObject(secret.slice(4));
    if (!payload) return null;
    const { o, n, k, m } = payload;
    if (typeof o !== 'string' || typeof n !== 'string' || typeof k !== 'string' || k.length < 16) return null;
    if (m !== undefined && (m === null || typeof m !== 'object')) return null;
    return { confidence: 'high', reason: 'base64 JSON payload with org, name and key fields' };
  },
  // The random key inside the payload (`k`, 24 base62 characters in issued tokens).
  randomPart: {
    alphabet: CHARS.base62.chars,
    minLength: 16,
    maxLength: 64,
    of: (secret) => {
      const k = decodeBase64JsonObject(secret.slice(4))?.['k'];
      return typeof k === 'string' && /^[A-Za-z0-9]{16,64}$/.test(k) ? k : null;
    },
  },
};
