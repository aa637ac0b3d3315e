import type { Candidate, Detector, Verdict } from '../types.js';
import { KEY_CLOSE, OPERATOR, dissect, endsConsistently, valuePattern } from '../builders/assignment.js';
import { strengthOf } from '../builders/entropy.js';
import { placeholderJudge } from '../builders/placeholder-token.js';
import { identifiableFormatReason } from '../builders/placeholder.js';

/**
 * Django's (and Flask's) `SECRET_KEY`: 50 characters of
 * `a-z0-9!@#$%^&*(-_=+)` from `startproject` (prefixed `django-insecure-`
 * since Django 3.1), or another generator's output. It signs sessions,
 * password-reset links and messages, so a leaked one lets anyone forge them.
 *
 * A folder rather than a context row: the alphabet holds `$`, `%`, `(`, `)`
 * and `^`, and the shared assignment placeholder checks would take a
 * random key that starts with `$` and a letter for a `$VAR` reference
 * (about one key in seventy). The random part is judged by the identifiable
 * tier's placeholder judgment instead (walks, repeats, placeholder words),
 * whose false-rejection rate is bounded for a random key.
 */

/** What a key may hold: printable ASCII except whitespace, quotes, `<` and backslash. */
const KEY_CLASS = String.raw`[!#-&(-;=-\[\]-~]`;
/** A generated key always has a digit or one of these symbols somewhere; names and calls (`get_random_secret_key()`) do not. */
const REQUIRED = String.raw`[0-9!#$%*+/?@^~]`;
const ALPHABET = '!#$%&()*+,-./0123456789:;=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~';
const INSECURE = 'django-insecure-';
const MIN = 32;
const MAX = 128;
const JUDGE = placeholderJudge({ alphabet: ALPHABET, minLength: MIN, maxLength: MAX });

export function validateDjangoSecretKey({ secret, groups, matchText }: Candidate): Verdict | null {
  const body = secret.startsWith(INSECURE) ? secret.slice(INSECURE.length) : secret;
  if (body.length < MIN || body.length > MAX) return null;
  const key = groups['key'] ?? '';
  const d = dissect(matchText, key, secret);
  // A key in code is a string literal; in a .env file it may be bare.
  if (!endsConsistently(d) || d.operator === 'compare' || d.operator === 'element' || ((d.operator === 'comma' || d.operator === 'space') && d.quote === '')) return null;
  if (identifiableFormatReason(body)) return null;
  if (strengthOf(body).strength !== 'random' || JUDGE.reason(body) !== null) return null;
  const made = body === secret ? `${body.length}-character random key` : `startproject's development key (${INSECURE}, ${body.length} random characters; insecure by name, still the project's signing key)`;
  return { confidence: 'high', reason: `${made} assigned to "${key}"` };
}

export const detector: Detector = {
  id: 'django-secret-key',
  // The generic assignment detector reports many of these keys too: one family makes them one finding, named by this detector.
  family: 'legacy-credential',
  provider: 'Django',
  title: 'Django SECRET_KEY (settings.py, .env)',
  severity: 'high',
  tier: 'legacy',
  docs: 'https://docs.djangoproject.com/en/stable/ref/settings/#secret-key',
  revoke:
    'Generate a new key (`django.core.management.utils.get_random_secret_key()`), load it from the environment, and move the old one to SECRET_KEY_FALLBACKS until sessions and reset links made with it have expired; anyone holding it can forge them.',
  keywords: ['SECRET_KEY'],
  pattern:
    // The name starts there (`AWS_SECRET_KEY` is not Django's): the text's start or a byte that cannot continue a name.
    String.raw`(?:^|[^A-Za-z0-9_])(?:\\?["'])?(?P<key>(?:DJANGO_|FLASK_)?SECRET_KEY)` + KEY_CLOSE + OPERATOR + valuePattern(KEY_CLASS, REQUIRED),
  alphabet: '',
  window: { before: 24, after: 240 },
  // After the key and its closing quotes, an operator or a space.
  requires: { anyOf: ' \t\r\n=:,', over: '\\"\']', within: 8 },
  validate: validateDjangoSecretKey,
};
