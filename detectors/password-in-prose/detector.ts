import type { Candidate, Detector, Verdict } from '../types.js';
import { caseless } from '../builders/ascii-caseless.js';
import { identifiableFormatReason, placeholderReason, standInReason } from '../builders/placeholder.js';

/**
 * A password disclosed in a sentence: `The default password is '<value>'`,
 * `the password for user "<name>" is "<value>"`, as READMEs, setup notes and
 * scripts' echo lines write them. The sentence says what the quoted value is,
 * so strength is not asked; placeholders, stand-ins and words describing the
 * password (`is "required"`, `is 'incorrect'`) are not reported.
 */
const STATE_WORDS = new Set([
  'required', 'optional', 'incorrect', 'correct', 'invalid', 'valid', 'wrong', 'right', 'missing', 'empty', 'blank', 'set',
  'unset', 'expired', 'weak', 'strong', 'stored', 'saved', 'hashed', 'encrypted', 'hidden', 'changed', 'reset', 'disabled',
  'enabled', 'locked', 'unknown', 'null', 'none', 'nil', 'undefined', 'same', 'different', 'case-sensitive', 'generated',
  'random', 'mandatory', 'ignored', 'accepted', 'rejected', 'too', 'long', 'short', 'good', 'bad', 'ok', 'true', 'false',
  'open', 'closed', 'shown', 'masked', 'visible', 'public', 'private', 'secure', 'insecure', 'known', 'default',
]);

export function validatePasswordInProse({ secret, matchText }: Candidate): Verdict | null {
  // The value must close with the quote it opened with.
  const open = matchText[matchText.length - secret.length - 2];
  if (open !== matchText[matchText.length - 1]) return null;
  if (secret.length < 4 || secret.length > 64 || STATE_WORDS.has(secret.toLowerCase())) return null;
  if (placeholderReason(secret) || standInReason(secret) || identifiableFormatReason(secret)) return null;
  const user = /for (?:the )?(?:user|account|login) ["']([^"']+)["']/i.exec(matchText)?.[1];
  return { confidence: 'low', reason: `password stated in a sentence${user ? ` for user "${user}"` : ''} ("the password is ...")` };
}

export const detector: Detector = {
  id: 'password-in-prose',
  family: 'legacy-credential',
  provider: 'Generic',
  title: 'Password stated in a sentence ("the password is ...")',
  severity: 'medium',
  tier: 'legacy',
  docs: 'https://cwe.mitre.org/data/definitions/798.html',
  revoke: 'Change the password on the system the sentence describes (a default password must be changed after installation) and remove it from the documentation.',
  keywords: ['password'],
  keywordsIgnoreCase: true,
  pattern:
    String.raw`${caseless('password')}(?:[ \t]+${caseless('for')}[ \t]+(?:${caseless('the')}[ \t]+)?(?:${caseless('user')}|${caseless('account')}|${caseless('login')})[ \t]+(?:"[^"\r\n]{1,40}"|'[^'\r\n]{1,40}'))?` +
    String.raw`[ \t]+${caseless('is')}:?[ \t]+["'](?P<secret>[^"'\s]+)["']`,
  alphabet: '',
  window: { before: 0, after: 160 },
  // Only letters and spaces up to the first quote: `password = "x"` and `"password": ...` fail at their first byte.
  requires: { anyOf: '"\'', over: 'A-Za-z \t', within: 64 },
  validate: validatePasswordInProse,
};
