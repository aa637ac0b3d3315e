import type { Candidate, Detector, Verdict } from '../types.js';
import { caselessAny } from '../builders/ascii-caseless.js';
import { strengthOf } from '../builders/entropy.js';
import { identifiableFormatReason, placeholderReason, weakPasswordReason } from '../builders/placeholder.js';

/**
 * Library calls whose arguments are (user, password) by definition, so the
 * literal in the password position is a password however it looks:
 * .NET NetworkCredential / DirectoryEntry / SqlCredential, Java
 * PasswordAuthentication / UsernamePasswordCredentials /
 * UsernamePasswordAuthenticationToken, Python requests HTTPBasicAuth /
 * HTTPDigestAuth and aiohttp BasicAuth.
 */
const CALLS = [
  'NetworkCredential',
  'DirectoryEntry',
  'PasswordAuthentication',
  'UsernamePasswordCredentials',
  'UsernamePasswordAuthenticationToken',
  'HTTPBasicAuth',
  'HTTPDigestAuth',
  'BasicAuth',
] as const;

export function validateCredentialCall({ secret, groups }: Candidate): Verdict | null {
  const user = groups['user'] ?? '';
  if (secret.length > 200 || placeholderReason(secret) || identifiableFormatReason(secret)) return null;
  if (user !== '' && placeholderReason(user) && /^[$%{<[]/.test(user)) return null;
  const s = strengthOf(secret);
  const weak = s.strength === 'weak' || weakPasswordReason(secret) !== null || secret.toLowerCase() === user.toLowerCase();
  return {
    confidence: weak ? 'low' : s.strength === 'fair' ? 'medium' : 'high',
    reason: `literal password argument of ${groups['call'] ?? 'a credential constructor'}(${user ? `"${user}", ` : ''}...) (${weak ? 'weak' : s.strength})`,
  };
}

/** DirectoryEntry's first argument, the directory path: "LDAP://...", "GC://...", "WinNT://...". */
const PATH_ARG = String.raw`@?["']${caselessAny(['LDAP', 'GC', 'WinNT', 'IIS'])}://[^"'\r\n]*["']`;

export const detector: Detector = {
  id: 'credential-constructor-call',
  family: 'legacy-credential',
  provider: 'Generic',
  title: 'Literal password passed to a credential constructor (NetworkCredential, HTTPBasicAuth, ...)',
  severity: 'medium',
  tier: 'legacy',
  docs: 'https://cwe.mitre.org/data/definitions/259.html',
  revoke: 'Change the password of that account, then read it from a secret store or the platform credential manager.',
  keywords: [...CALLS],
  pattern:
    String.raw`(?P<call>${CALLS.join('|')})[ \t]*\([ \t\r\n]*(?:${PATH_ARG}[ \t]*,[ \t\r\n]*)?@?["'](?P<user>[^"'\r\n]*)["'][ \t]*,[ \t\r\n]*` +
    String.raw`(?:new[ \t]+String[ \t]*\([ \t]*)?@?["'](?P<secret>[^"'\\\r\n]+)["']`,
  alphabet: '',
  window: { before: 0, after: 400 },
  validate: validateCredentialCall,
};
