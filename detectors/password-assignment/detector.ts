import type { Candidate, Detector, Verdict } from '../types.js';
import { caselessAny } from '../builders/ascii-caseless.js';
import { KEY_CLOSE, OPERATOR, dissect, endsConsistently, keyWords, pathOrUrlReason, validationRuleReason, valuePattern } from '../builders/assignment.js';
import { strengthOf } from '../builders/entropy.js';
import { codeReason, encodedPlainTextReason, identifiableFormatReason, placeholderReason, standInReason, weakPasswordReason } from '../builders/placeholder.js';

/**
 * Key words that make a `...password...` key something other than a password:
 * hashes, policies, UI strings, flows and references.
 */
const NOT_A_PASSWORD_KEY = new Set([
  'hash', 'hashed', 'digest', 'salt', 'encrypted', 'encoder', 'encoding', 'length', 'len', 'min', 'max', 'size',
  'policy', 'policies', 'regex', 'pattern', 'strength', 'complexity', 'rules', 'rule', 'label', 'placeholder',
  'hint', 'prompt', 'message', 'msg', 'error', 'errors', 'text', 'title', 'description', 'desc', 'help', 'tooltip',
  'field', 'input', 'form', 'button', 'btn', 'link', 'icon', 'class', 'style', 'selector', 'visible', 'visibility',
  'toggle', 'show', 'hide', 'mask', 'url', 'uri', 'path', 'file', 'dir', 'env', 'var', 'variable', 'name', 'id',
  'type', 'kind', 'reset', 'forgot', 'change', 'changed', 'update', 'confirm', 'confirmation', 'repeat', 'retype',
  'verify', 'old', 'expiry', 'expires', 'expiration', 'expired', 'age', 'rotation', 'lifetime', 'history',
  'required', 'enabled', 'disabled', 'mode', 'format', 'validator', 'validation', 'valid', 'invalid', 'check',
  'command', 'cmd', 'script', 'callback', 'handler', 'provider', 'helper', 'question', 'secret', 'ref', 'reference',
  'source', 'keys', 'column', 'col', 'attr', 'attribute', 'param', 'parameter', 'prop', 'property', 'option',
  'options', 'set', 'get', 'setter', 'getter', 'flag', 'count', 'attempts', 'retries', 'timeout', 'last',
  'generator', 'generated', 'random', 'template', 'example', 'sample', 'dummy', 'mock', 'fake', 'token', 'less',
  'protected', 'grant', 'modal', 'dialog', 'page', 'screen', 'view', 'component', 'route', 'routes', 'controller',
  'action', 'event', 'request', 'response', 'schema', 'short', 'long', 'weak', 'strong', 'match', 'mismatch',
  'matches', 'equal', 'widget', 'editor', 'entry', 'strategy', 'method', 'algorithm', 'algo', 'cipher', 'crypt',
  'bcrypt', 'argon2', 'pbkdf2', 'scrypt', 'iterations', 'rounds', 'cost', 'work', 'factor', 'files', 'stdin', 'fd',
  // A password change's new value beside its `old` one (SDK examples: `NewPassword`), a middleware that requires one.
  'new', 'require', 'requires',
]);

/** Prefixes that make a one-word `...pass` key a password (`dbpass`, `smtppass`); `bypass`, `compass`, `buypass` are not. */
const PASS_PREFIXES = /^(?:db|sql|mysql|pg|mongo|redis|smtp|mail|imap|ftp|sftp|ssh|ldap|vnc|rdp|proxy|wifi|wpa|my|user|admin|root|app|api|svc|service|bind|auth|basic|http|web|login|key|store|keystore|trust|truststore|master|sys|db2|ora)pass$/;

/** `password`, `passwd`, `passphrase`, `pwd` anywhere in a word; `pass`/`pw` as a word; a known `...pass` compound. */
function isPasswordWord(w: string): boolean {
  if (/password|passwd|passphrase|pwd/.test(w)) return true;
  return w === 'pass' || w === 'pw' || PASS_PREFIXES.test(w);
}

/** Whether a key names a password (`DB_PASSWORD`, `smtpPass`) rather than something about one (`password_hash`, `forgot_password`). */
export function isPasswordKey(key: string): boolean {
  const words = keyWords(key);
  return words.some(isPasswordWord) && !words.some((w) => NOT_A_PASSWORD_KEY.has(w));
}

/** Whole-key names that are flags/CLI switches taking the next token as value. */
const CLI_KEY = /^--?[A-Za-z]/;

/** The secret: printable ASCII up to whitespace, a quote, `<` or a backslash (binary files hold key names, not passwords). */
const SECRET_CLASS = String.raw`[!#-&(-;=-\[\]-~]`;
/** A password worth reporting mixes in a digit or a symbol; operator and punctuation bytes (`= : , ; ( ) &`) do not count, or `password = ` would match `=`. */
const REQUIRED = String.raw`[0-9!#$%*+/?@^~]`;

function verdictFor(confidence: Verdict['confidence'], reason: string): Verdict {
  return { confidence, reason };
}

const LOWER = { high: 'medium', medium: 'low', low: 'low' } as const;

export function validatePasswordAssignment({ secret, groups, matchText }: Candidate): Verdict | null {
  if (secret.length < 8 || secret.length > 200) return null;
  const key = groups['key'] ?? '';
  const words = keyWords(key);
  if (!words.some(isPasswordWord)) return null;
  if (words.some((w) => NOT_A_PASSWORD_KEY.has(w))) return null;
  const d = dissect(matchText, key, secret);
  if (!endsConsistently(d)) return null;
  const quoted = d.quote !== '';
  // Separators that only make sense with a quoted literal: `setProperty("password", "x")`, `password 'x'` (Groovy).
  if ((d.operator === 'comma' || d.operator === 'space') && !quoted && !(d.operator === 'space' && (CLI_KEY.test(key) || /^ENV[ \t]/.test(d.before)))) {
    return null;
  }
  // `f("password", "x")`: the key must be a whole string literal, not the tail of one in a list (`['users.*.password', ...]`).
  if (d.operator === 'comma' && !/["']$/.test(d.before)) return null;
  // `<password>value</password>`: an element operator needs the closing tag right after the value.
  if (d.operator === 'element' && d.after !== '<') return null;
  // `;name=` or `&name=` inside the value, or `;` before the key: a connection or query string, left to those detectors.
  if (/[;&][A-Za-z][A-Za-z_ ]*(?:=|$)/.test(secret) || d.before.startsWith(';')) return null;
  if (identifiableFormatReason(secret) || pathOrUrlReason(secret) || validationRuleReason(secret)) return null;
  if (!quoted && codeReason(secret)) return null;
  const s = strengthOf(secret);
  if (s.strength === 'weak') return null;
  // The costliest checks last (several microseconds a value): most values fail a cheap one first.
  if (weakPasswordReason(secret) || placeholderReason(secret) || standInReason(secret) || encodedPlainTextReason(secret)) return null;
  let confidence: Verdict['confidence'] = s.strength === 'random' ? 'high' : s.strength === 'strong' ? 'medium' : 'low';
  if (d.operator === 'compare') confidence = LOWER[confidence];
  return verdictFor(confidence, `${s.strength} value (${s.length} chars, ${s.classes} character classes, ${s.entropy.toFixed(1)} bits/char) assigned to "${key}"`);
}

export const detector: Detector = {
  id: 'password-assignment',
  family: 'legacy-credential',
  provider: 'Generic',
  title: 'Password assigned in code or configuration',
  severity: 'medium',
  tier: 'legacy',
  docs: 'https://cwe.mitre.org/data/definitions/798.html',
  revoke:
    'Change the password on the system it belongs to, then move it to a secret store or environment variable; removing it from the file does not remove it from history.',
  // `pass` alone is too common (Python's statement, `passed`); these spellings only occur as keys.
  keywords: ['password', 'passwd', 'pwd', 'passphrase', '_pass', '.pass', 'pass=', 'pass =', 'pass:', 'pass"', "pass'"],
  keywordsIgnoreCase: true,
  pattern:
    String.raw`(?:ENV[ \t]+|;[ \t]*|\\?["'])?(?P<key>(?:--?)?[\w.$>-]*${caselessAny(['pass', 'pwd'])}[\w.-]*)` +
    KEY_CLOSE +
    OPERATOR +
    valuePattern(SECRET_CLASS, REQUIRED),
  alphabet: '',
  window: { before: 64, after: 320 },
  validate: validatePasswordAssignment,
};
