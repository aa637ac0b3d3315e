import type { Detector } from '../types.js';
import { decodeBase64Url } from '../decode/base64.js';
import { CHARS } from '../builders/token-row.js';

/**
 * Vault 1.10+ batch tokens: `hvb.` + base64url of a barrier-encrypted token
 * entry: a 4-byte big-endian key term, an AES-GCM version byte (1 or 2), a
 * 12-byte nonce, then ciphertext with its 16-byte tag. Checked structurally.
 */
const MIN_BYTES = 4 + 1 + 12 + 16 + 16;

export const detector: Detector = {
  id: 'hashicorp-vault-batch-token',
  family: 'hashicorp-vault-token',
  provider: 'HashiCorp Vault',
  title: 'HashiCorp Vault batch token',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://developer.hashicorp.com/vault/docs/concepts/tokens#batch-tokens',
  revoke: 'Batch tokens cannot be revoked individually: revoke their parent token or wait for the TTL, and rotate what the token could read.',
  keywords: ['hvb.'],
  // `+` rather than `{100,1000}`: a counted upper bound makes RE2 build a large automaton on first use (about 1 s); lengths are checked below.
  pattern: '(?P<secret>hvb\\.[A-Za-z0-9_-]+)',
  alphabet: 'A-Za-z0-9_-',
  window: { before: 0, after: 1000 },
  validate: ({ secret }) => {
    if (secret.length < 104 || secret.length > 1004) return null;
    const bytes = decodeBase64Url(secret.slice(4));
    if (!bytes || bytes.length < MIN_BYTES) return null;
    const term = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
    const version = bytes[4];
    if (term === 0 || term > 0xffffff || (version !== 1 && version !== 2)) return null;
    return { confidence: 'high', reason: 'hvb. prefix and a barrier ciphertext header (key term, AES-GCM version)' };
  },
  // The nonce and ciphertext: the base64url after the 5 header bytes (7 characters), less a last
  // character that carries padding bits.
  randomPart: {
    alphabet: CHARS.base64url.chars,
    minLength: 92,
    maxLength: 993,
    of: (secret) => {
      const body = secret.slice(4);
      return body.slice(7, body.length % 4 === 0 ? body.length : body.length - 1);
    },
  },
};
