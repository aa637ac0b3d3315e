import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import type { TokenFactory } from '../../test/support/token-factory.js';

const WP = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()-_ []{}<>~`+=,.;:/?|';

/** A salt as api.wordpress.org/secret-key makes it (64 characters), never starting or ending with a space. */
function salt(t: TokenFactory): string {
  return t.chars('abcdefghijkmnpqrstuvwxyz', 1) + t.chars('ABCDEFGHJKLMNPQRSTUVWXYZ', 1) + t.chars('23456789', 1) + t.chars('!@#%^&*()-_[]{}<>~+=,.;:/?|', 1) + t.chars(WP, 59) + t.chars('abcdefghijkmnpqrstuvwxyz', 1);
}

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const names = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'];
    for (const name of names) {
      const s = salt(t);
      out.push({ text: `/**#@+\n * Authentication unique keys and salts.\n */\ndefine( '${name}',${' '.repeat(Math.max(1, 17 - name.length))}'${s}' );\n`, secret: s });
    }
    const a = salt(t);
    out.push({ text: `define("AUTH_KEY", "${a}");\n`, secret: a });
    // Bedrock's .env.
    const b = salt(t);
    out.push({ text: `WP_ENV='production'\nNONCE_SALT='${b}'\n`, secret: b });
    return out;
  },
  negatives: (t) => [
    // wp-config-sample.php.
    `define( 'AUTH_KEY',         'put your unique phrase here' );`,
    `define('SECURE_AUTH_KEY', getenv('SECURE_AUTH_KEY'));`,
    `define( 'NONCE_SALT', '${'x'.repeat(64)}' );`,
    `define( 'LOGGED_IN_KEY', '${'abcdefghijklmnopqrstuvwxyz'.repeat(3).slice(0, 64)}' );`,
    `AUTH_KEY='generateme'`,
    // Mismatched quotes: not one string.
    `define( 'AUTH_SALT', '${salt(t)}" );`,
    // Longer than any generator's: not a salt.
    `define( 'NONCE_KEY', '${salt(t)}${salt(t)}${salt(t)}' );`,
  ],
};
