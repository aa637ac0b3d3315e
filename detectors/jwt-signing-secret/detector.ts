import type { Candidate, Detector, Verdict } from '../types.js';
import { caseless } from '../builders/ascii-caseless.js';
import { keyWords } from '../builders/assignment.js';
import { strengthOf } from '../builders/entropy.js';
import { codeReason, identifiableFormatReason, placeholderReason, standInReason, weakPasswordReason } from '../builders/placeholder.js';

/**
 * The HMAC key that signs an application's JWTs (`JWT_SECRET=...`,
 * `jwt:\n  secret: "..."`, `jwtSecret: '...'`): whoever has it can mint a
 * token for any user. People choose these like passwords and put quotes and
 * symbols in them, which the generic secret detector's token alphabet does
 * not take, so this detector reads the value up to the end of its line.
 */
const NOT_THE_SECRET = new Set([
  'length', 'len', 'size', 'bits', 'file', 'path', 'name', 'env', 'var', 'header', 'algorithm', 'alg', 'ttl', 'expiry',
  'expires', 'expiration', 'lifetime', 'type', 'kind', 'ref', 'arn', 'url', 'id', 'version', 'encoding', 'provider',
]);

export function validateJwtSecret({ secret, groups, matchText }: Candidate): Verdict | null {
  const at = matchText.lastIndexOf(secret);
  const open = /["']$/.test(matchText.slice(0, at)) ? matchText[at - 1]! : '';
  const close = matchText[at + secret.length] ?? '';
  if (open !== '' ? close !== open : /["']/.test(close)) return null;
  if (secret.length < 8 || secret.length > 256) return null;
  if (keyWords(groups['key'] ?? '').some((w) => NOT_THE_SECRET.has(w))) return null;
  if (open === '' && (codeReason(secret) || /\s#/.test(secret))) return null;
  if (placeholderReason(secret) || standInReason(secret) || identifiableFormatReason(secret)) return null;
  const s = strengthOf(secret);
  const weak = s.strength === 'weak' || weakPasswordReason(secret) !== null;
  return {
    confidence: weak ? 'low' : s.strength === 'random' ? 'high' : 'medium',
    reason: `${weak ? 'weak ' : `${s.strength} `}JWT signing secret (${s.length} chars): anyone holding it can mint tokens`,
  };
}

export const detector: Detector = {
  id: 'jwt-signing-secret',
  family: 'legacy-credential',
  provider: 'Generic',
  title: 'JWT signing secret (HMAC key) in code or configuration',
  severity: 'high',
  tier: 'legacy',
  docs: 'https://datatracker.ietf.org/doc/html/rfc7518#section-3.2',
  revoke: 'Replace the signing secret (every issued token becomes invalid, so users sign in again) and load it from a secret store.',
  keywords: ['jwt'],
  keywordsIgnoreCase: true,
  // `JWT_SECRET=`, `jwtSecret:`, `jwt.secret=`, or a `jwt:` YAML block whose next line is `secret: ...`; the value to the end of the line.
  pattern:
    String.raw`${caseless('jwt')}(?P<key>[\w.-]*${caseless('secret')}[\w.-]*|:[ \t]*\r?\n[ \t]+${caseless('secret')})["']?[ \t]*[:=][ \t]*["']?` +
    String.raw`(?P<secret>[^\r\n]*?[^\s"',;])["']?[ \t]*[,;]?[ \t]*(?:\r?\n|$)`,
  alphabet: '',
  window: { before: 0, after: 320 },
  // The key's tail and quotes, then `:` or `=` (or the YAML block's colon): `jwt.sign(` and `import jwt` never reach RE2.
  requires: { anyOf: ':=', over: 'A-Za-z0-9_.\\"\'-', within: 48 },
  validate: validateJwtSecret,
};
