import type { Detector, Verdict } from '../types.js';
import { decodeBase64Url } from '../decode/base64.js';
import { looksGenerated } from '../builders/token-shape.js';
import { readProtoFields } from './protobuf.js';
import { CHARS } from '../builders/token-row.js';

/**
 * Vault 1.10+ service tokens (`hvs.`) come in two forms:
 * - `hvs.` + 24 base62 (+ `.` + namespace id on Enterprise): root tokens and
 *   tokens without server-side consistency. No checksum: shape only.
 * - `hvs.` + base64url of a protobuf SignedToken (version 1, a 32-byte HMAC,
 *   and an inner Token whose `random` is itself `hvs.` + 24 base62): about
 *   95 to 120 characters. The structure is checked.
 */
const SHORT = /^[A-Za-z0-9]{24}(?:\.[A-Za-z0-9]{5})?$/;
const SIGNED: Verdict = { confidence: 'high', reason: 'hvs. prefix and a well-formed SignedToken (version 1, 32-byte HMAC)' };

function validate(secret: string): Verdict | null {
  const body = secret.slice(4);
  if (SHORT.test(body)) {
    return looksGenerated(body.slice(0, 24)) ? { confidence: 'high', reason: 'hvs. prefix and 24-character random part' } : null;
  }
  return signedTokenRandom(body) === null ? null : SIGNED;
}

/** The 24 random characters of the inner token of a SignedToken (base64url `body`), or null when it is not one. */
function signedTokenRandom(body: string): string | null {
  const bytes = decodeBase64Url(body);
  const signed = bytes ? readProtoFields(bytes) : null;
  const version = signed?.get(1);
  const hmac = signed?.get(2);
  const inner = signed?.get(3);
  if (!signed || signed.size !== 3 || version?.wire !== 0 || version.value !== 1n) return null;
  if (hmac?.wire !== 2 || hmac.bytes.length !== 32 || inner?.wire !== 2) return null;
  const token = readProtoFields(inner.bytes);
  const random = token?.get(1);
  if (!token || random?.wire !== 2) return null;
  for (const n of token.keys()) if (n > 3) return null;
  const randomText = Buffer.from(random.bytes).toString('latin1');
  if (!/^hvs\.[A-Za-z0-9]{24}(?:\.[A-Za-z0-9]{5})?$/.test(randomText)) return null;
  return randomText.slice(4, 28);
}

export const detector: Detector = {
  id: 'hashicorp-vault-service-token',
  family: 'hashicorp-vault-token',
  provider: 'HashiCorp Vault',
  title: 'HashiCorp Vault service token',
  severity: 'critical',
  tier: 'identifiable',
  docs: 'https://developer.hashicorp.com/vault/docs/concepts/tokens',
  revoke: 'Revoke it with `vault token revoke <token>` (or its accessor); rotate any root token by generating a new one and revoking the old.',
  keywords: ['hvs.'],
  // Long (signed) form first: RE2 is leftmost-first, and the short branch would otherwise win on a prefix.
  pattern: '(?P<secret>hvs\\.(?:[A-Za-z0-9_-]{80,300}|[A-Za-z0-9]{24}(?:\\.[A-Za-z0-9]{5})?))',
  alphabet: 'A-Za-z0-9_-',
  window: { before: 0, after: 300 },
  validate: ({ secret }) => validate(secret),
  // The 24 random characters: the short form's body, or the signed form's inner token.
  randomPart: {
    alphabet: CHARS.base62.chars,
    minLength: 24,
    maxLength: 24,
    of: (secret) => {
      const body = secret.slice(4);
      return SHORT.test(body) ? body.slice(0, 24) : signedTokenRandom(body);
    },
  },
};
