import type { Candidate, Detector, Verdict } from '../types.js';
import { strengthOf } from '../builders/entropy.js';
import { placeholderJudge } from '../builders/placeholder-token.js';
import { decodeBase64, identifiableFormatReason, isPrintableAscii, placeholderReason, weakPasswordReason } from '../builders/placeholder.js';

function passwordVerdict(password: string, what: string): Verdict | null {
  if (password.length === 0 || placeholderReason(password)) return null;
  const s = strengthOf(password);
  const weak = s.strength === 'weak' || weakPasswordReason(password) !== null;
  return { confidence: weak ? 'low' : s.strength === 'fair' ? 'medium' : 'high', reason: `${what} with a ${weak ? 'weak' : s.strength} password` };
}

const UUID_JUDGE = placeholderJudge({ alphabet: '0123456789abcdef', minLength: 32, maxLength: 32 });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateNpmrc({ secret, groups }: Candidate): Verdict | null {
  if (secret.length > 512) return null;
  const key = groups['key'] ?? '';
  if (placeholderReason(secret) || identifiableFormatReason(secret)) return null;
  const registry = groups['registry'] ? ` for ${groups['registry']}` : '';
  if (key === '_auth' || key === 'npmAuthIdent') {
    // base64 of `user:password` (npmAuthIdent may also be the plain pair).
    const plain = key === 'npmAuthIdent' && secret.includes(':') ? secret : decodeBase64(secret);
    if (plain === null || !isPrintableAscii(plain)) return null;
    const colon = plain.indexOf(':');
    if (colon <= 0) return null;
    return passwordVerdict(plain.slice(colon + 1), `npm ${key} (user:password)${registry}`);
  }
  if (key === '_password') {
    const plain = decodeBase64(secret);
    if (plain === null || !isPrintableAscii(plain)) return null;
    return passwordVerdict(plain, `npm _password (base64)${registry}`);
  }
  // _authToken / npmAuthToken: legacy npm tokens are UUIDs; registries such as Artifactory and Nexus use long random tokens.
  // A random UUID's 32 hex digits can score below the strength measure's bar by chance, so the shape
  // decides for it, and the identifiable tier's placeholder judgment drops `0000…` and walks.
  if (UUID.test(secret)) {
    return UUID_JUDGE.reason(secret.replaceAll('-', '').toLowerCase()) === null ? { confidence: 'high', reason: `npm ${key}${registry} (legacy npm token, a UUID)` } : null;
  }
  const s = strengthOf(secret);
  if (s.strength !== 'random') return null;
  return { confidence: 'high', reason: `npm ${key}${registry} (random token)` };
}

export const detector: Detector = {
  id: 'npmrc-auth',
  family: 'legacy-credential',
  provider: 'npm',
  title: '.npmrc / .yarnrc.yml registry credentials (_auth, _authToken, _password)',
  severity: 'high',
  tier: 'legacy',
  docs: 'https://docs.npmjs.com/cli/configuring-npm/npmrc#auth-related-configuration',
  revoke:
    'Revoke the token (npm token revoke, or in the registry such as Artifactory or Nexus) or change the password, then inject it at build time with ${NPM_TOKEN}.',
  keywords: ['_auth', '_password', 'npmAuthToken', 'npmAuthIdent'],
  pattern:
    String.raw`(?P<registry>//[^\s:'"]+/)?:?(?P<key>_authToken|_auth|_password|npmAuthToken|npmAuthIdent)[ \t]*[=:][ \t]*["']?(?P<secret>[^\s'"#;]+)`,
  alphabet: '',
  window: { before: 210, after: 540 },
  validate: validateNpmrc,
};
