import type { Candidate, Detector, Verdict } from '../types.js';
import { caselessAny } from '../builders/ascii-caseless.js';
import { strengthOf } from '../builders/entropy.js';
import { identifiableFormatReason, placeholderReason, standInReason } from '../builders/placeholder.js';

/**
 * A login hard-coded as a comparison of both the user name and the password
 * with literals (`if username == "<user>" and password == "<literal>":`): the
 * code says the value is the password that lets that user in, so it is
 * reported however weak (password-assignment leaves a lone weak comparison
 * alone). Placeholders and stand-ins are not.
 */
const USER_KEY = String.raw`[\w.:$>\[\]'"-]*${caselessAny(['user', 'login', 'email'])}[\w\]'"]*`;
const PASSWORD_KEY = String.raw`[\w.:$>\[\]'"-]*${caselessAny(['password', 'passwd', 'pwd', 'pass'])}[\w\]'"]*`;
const LITERAL = (name: string): string => String.raw`["'](?P<${name}>[^"'\s]{1,128})["']`;

export function validateLoginCheck({ secret, groups }: Candidate): Verdict | null {
  if (secret.length < 4) return null;
  if (placeholderReason(secret) || standInReason(secret) || identifiableFormatReason(secret)) return null;
  const user = groups['user'] ?? '';
  if (/^[$%{<]/.test(user)) return null;
  const s = strengthOf(secret);
  return { confidence: s.strength === 'weak' ? 'low' : 'medium', reason: `hard-coded login: user "${user}" and a ${s.strength} password compared with literals` };
}

export const detector: Detector = {
  id: 'hardcoded-login-check',
  family: 'legacy-credential',
  provider: 'Generic',
  title: 'Hard-coded login check (user name and password compared with literals)',
  severity: 'medium',
  tier: 'legacy',
  docs: 'https://cwe.mitre.org/data/definitions/798.html',
  revoke: 'Remove the hard-coded login, check credentials against a user store with hashed passwords, and change the password anywhere it is reused.',
  // `pass` alone is too common (Python's statement, `passed`, `bypass`); these spellings only occur in keys.
  keywords: ['password', 'passwd', 'pwd', '_pass', '.pass', ':pass', 'pass"', "pass'", 'pass]', 'pass =', 'pass=', 'pass:'],
  keywordsIgnoreCase: true,
  // `user == "x" and password == "y"` (Python, Ruby, JavaScript `&&`, `===`), on one line.
  pattern:
    String.raw`${USER_KEY}[ \t]*={2,3}[ \t]*${LITERAL('user')}[ \t]*(?:${caselessAny(['and'])}|&&)[ \t]*` +
    String.raw`${PASSWORD_KEY}[ \t]*={2,3}[ \t]*${LITERAL('secret')}`,
  alphabet: '',
  window: { before: 200, after: 160 },
  // The rest of the key, closing quotes or brackets, then `==`.
  requires: { anyOf: '=', over: 'A-Za-z0-9_\'"] \t', within: 40 },
  validate: validateLoginCheck,
};
