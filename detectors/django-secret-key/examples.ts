import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

/** `get_random_secret_key()`'s alphabet. */
const DJANGO = 'abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)';

/** A key as startproject makes it: 50 characters, with a digit and a symbol so every seed passes the pattern's requirement. */
function djangoKey(t: TokenFactory): string {
  return t.chars('abcdefghijklmnopqrstuvwxyz', 4) + t.chars('0123456789', 2) + t.chars('!@#%^&*(-_=+)', 2) + t.chars(DJANGO, 42);
}

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (s: string) => string, s: string): void => {
      out.push({ text: make(s), secret: s });
    };
    add((s) => `# SECURITY WARNING: keep the secret key used in production secret!\nSECRET_KEY = '${s}'\n\nDEBUG = True\n`, djangoKey(t));
    add((s) => `SECRET_KEY = "${s}"\n`, `django-insecure-${djangoKey(t)}`);
    add((s) => `SECRET_KEY = os.environ.get('SECRET_KEY', '${s}')\n`, djangoKey(t));
    add((s) => `# .env\nDJANGO_SECRET_KEY=${s}\nDATABASE_URL=postgres://db/app\n`, djangoKey(t));
    // Another generator: secrets.token_urlsafe(50).
    add((s) => `app.config['SECRET_KEY'] = '${s}'\n`, t.chars(ALPHA.base64url, 60) + t.chars('0123456789', 2) + t.chars(ALPHA.base64url, 5));
    // Characters beyond Django's alphabet (brackets, upper case), as hand-rolled generators make.
    add((s) => `SECRET_KEY = '${s}'\n`, `${t.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 3)}[${t.chars('0123456789', 2)}]${t.chars(DJANGO + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ[]', 44)}`);
    return out;
  },
  negatives: (t) => [
    `SECRET_KEY = 'django-insecure-change-me'`,
    `SECRET_KEY = get_random_secret_key()`,
    `SECRET_KEY = os.environ['SECRET_KEY']`,
    `SECRET_KEY = env("DJANGO_SECRET_KEY", default="")`,
    `SECRET_KEY = '{{ secret_key }}'`,
    `SECRET_KEY = 'your-secret-key-here-make-it-long-and-random-1234'`,
    `SECRET_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmn'`,
    `SECRET_KEY = '${'x'.repeat(50)}'`,
    // Too short for a generated key.
    `SECRET_KEY = 'dev-key-9f8e7d'`,
    // Not Django's: another name ending in SECRET_KEY, and a comparison.
    `AWS_SECRET_KEY = '${djangoKey(t)}'`,
    `if SECRET_KEY == '${djangoKey(t)}':`,
  ],
};
