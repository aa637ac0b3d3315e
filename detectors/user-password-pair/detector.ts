import type { Candidate, Detector, Verdict } from '../types.js';
import { caselessAny } from '../builders/ascii-caseless.js';
import { strengthOf } from '../builders/entropy.js';
import { identifiableFormatReason, placeholderReason, standInReason, weakPasswordReason } from '../builders/placeholder.js';
import { isPasswordKey } from '../password-assignment/detector.js';

/**
 * A weak password assigned right after a user name, on the same line or the
 * next (`$user = "<name>"; $password = "<value>";`, or `user = ...`
 * then `password = ...`): the pair is a login, so a password password-assignment
 * finds too weak to report alone (letters only, a word and digits) is
 * reported here, with low confidence, and so is a stronger one made of letters
 * only (password-assignment needs a digit or a symbol). Stronger ones with a
 * digit or symbol are password-assignment's.
 * Placeholders, stand-ins, dictionary passwords and anonymous logins are not.
 */
const USER_KEY = String.raw`[\w.$>\[\]'"-]*${caselessAny(['username', 'user', 'login', 'uid'])}\w*`;
const PASSWORD_KEY = String.raw`[\w.$>\[\]'"-]*${caselessAny(['password', 'passwd', 'pwd', 'pass'])}\w*`;
const OP = String.raw`(?:\\?["'\]]){0,2}[ \t]*(?:=>|:=|=|:)[ \t]*`;
const LITERAL = (name: string): string => String.raw`\\?["'](?P<${name}>[^"'\\\s]{1,128})\\?["']`;
/** Logins whose password is conventionally anything (an e-mail address for anonymous FTP). */
const ANONYMOUS = new Set(['anonymous', 'anon', 'guest', 'ftp', 'nobody']);

export function validateUserPasswordPair({ secret, groups }: Candidate): Verdict | null {
  if (secret.length < 6 || !isPasswordKey(groups['key'] ?? '')) return null;
  const user = groups['user'] ?? '';
  if (/^[$%{<@]/.test(user) || ANONYMOUS.has(user.toLowerCase()) || user === secret) return null;
  // Stronger ones with a digit or symbol are password-assignment's; one of letters only it cannot match (`roboMongoSSHPass`).
  if (strengthOf(secret).strength !== 'weak' && /[0-9!#$%*+/?@^~]/.test(secret)) return null;
  if (placeholderReason(secret) || standInReason(secret) || weakPasswordReason(secret) || identifiableFormatReason(secret)) return null;
  return { confidence: 'low', reason: `weak password assigned right after the user name "${user}"` };
}

export const detector: Detector = {
  id: 'user-password-pair',
  family: 'legacy-credential',
  provider: 'Generic',
  title: 'Weak password assigned beside a user name',
  severity: 'medium',
  tier: 'legacy',
  docs: 'https://cwe.mitre.org/data/definitions/798.html',
  revoke: 'Change the account’s password (it is weak as well as leaked), then read credentials from a secret store or environment variable.',
  // `pass` alone is too common (Python's statement, `passed`, `bypass`); these spellings only occur in keys.
  keywords: ['password', 'passwd', 'pwd', '_pass', '.pass', ':pass', 'pass"', "pass'", 'pass]', 'pass =', 'pass=', 'pass:'],
  keywordsIgnoreCase: true,
  // The user assignment, `;`/`,` and an optional comment, at most one line break, then the password assignment.
  pattern:
    String.raw`(?P<ukey>${USER_KEY})${OP}${LITERAL('user')}[ \t;,]*(?:(?:#|//)[^\r\n]*)?(?:\r?\n[ \t]*)?` +
    String.raw`(?P<key>${PASSWORD_KEY})${OP}${LITERAL('secret')}`,
  alphabet: '',
  window: { before: 220, after: 160 },
  // The rest of the key name and its closing quotes, then an operator.
  requires: { anyOf: ' \t=:', over: 'A-Za-z0-9_\\"\']', within: 48 },
  validate: validateUserPasswordPair,
};
