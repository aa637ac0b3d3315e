import type { Candidate, Detector, Verdict } from '../types.js';
import { strengthOf } from '../builders/entropy.js';
import { placeholderJudge } from '../builders/placeholder-token.js';

/**
 * WordPress's authentication keys and salts: eight constants in
 * wp-config.php (`define( 'AUTH_KEY', '...' );` and SECURE_AUTH_KEY,
 * LOGGED_IN_KEY, NONCE_KEY, each with its _SALT), or Bedrock's `.env`.
 * api.wordpress.org/secret-key and `wp config shuffle-salts` draw 64
 * characters of `wp_generate_password`'s full alphabet (letters, digits,
 * space and every symbol but quotes and backslash). With them anyone can
 * forge login cookies for any user.
 *
 * A folder rather than a context row: the alphabet is full of template
 * characters (`${`, `{{`, `#{`, a leading `[` or `$`) that the shared
 * assignment placeholder checks would take for references in a few percent
 * of real salts; the random part is judged by the identifiable tier's
 * placeholder judgment instead, whose false-rejection rate is bounded.
 */

const NAMES = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'];
/** wp_generate_password( 64, true, true ): letters, digits, `!@#$%^&*()`, then `-_ []{}<>~\`+=,.;:/?|`. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()-_ []{}<>~`+=,.;:/?|';
const MIN = 32;
const MAX = 128;
const JUDGE = placeholderJudge({ alphabet: ALPHABET, minLength: MIN, maxLength: MAX });

export function validateWordpressSalt({ secret, groups, matchText }: Candidate): Verdict | null {
  if (secret.length < MIN || secret.length > MAX) return null;
  // Both quotes alike: `'...'` or `"..."` (the match ends with the closing one).
  if (matchText[matchText.length - secret.length - 2] !== matchText[matchText.length - 1]) return null;
  if (strengthOf(secret).strength !== 'random' || JUDGE.reason(secret) !== null) return null;
  return { confidence: 'high', reason: `${secret.length}-character random value defined as WordPress's ${groups['key']}` };
}

export const detector: Detector = {
  id: 'wordpress-auth-salts',
  // The generic assignment detector may report an AUTH_KEY too: one family makes it one finding, named by this detector.
  family: 'legacy-credential',
  provider: 'WordPress',
  title: 'WordPress authentication key or salt (wp-config.php, Bedrock .env)',
  severity: 'high',
  tier: 'legacy',
  docs: 'https://developer.wordpress.org/advanced-administration/wordpress/wp-config/#security-keys',
  revoke:
    'Replace all eight keys and salts with new ones (https://api.wordpress.org/secret-key/1.1/salt/ or `wp config shuffle-salts`) and keep wp-config.php out of the repository: every session ends, and cookies forged with the old values stop working.',
  // AUTH_KEY and AUTH_SALT also occur inside SECURE_AUTH_KEY and SECURE_AUTH_SALT.
  keywords: ['AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'],
  pattern:
    String.raw`(?P<key>${NAMES.join('|')})(?:["'][ \t]*,|[ \t]*=)[ \t]*["'](?P<secret>[ !#-&(-\[\]-~]+)["']`,
  alphabet: '',
  window: { before: 7, after: 16 + 4 + MAX + 2 },
  // The name's closing quote and a comma (define), or `=` (.env).
  requires: { anyOf: ',=', over: '"\' \t', within: 8 },
  validate: validateWordpressSalt,
};
