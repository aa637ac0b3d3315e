import { run } from '../builders/token-row.js';
import { KEY_CLOSE, OPERATOR } from '../builders/assignment.js';
import { BASE64_PADDED, hex, type ContextRow, type ContextTable } from '../builders/context-row.js';

/**
 * Web frameworks' application secrets: the key a framework signs sessions,
 * cookies and signed URLs with (and encrypts with, for Laravel). The value
 * is a generator's output with no prefix (Rails' 128 hex, Symfony's 32 hex,
 * Laravel's `base64:` and 32 bytes), but the key name is the framework's
 * own, so a finding is `high` confidence. They share the generic family: a
 * value the generic assignment detector also reports is one finding, named
 * by the framework's row (higher severity). Django's `SECRET_KEY` and
 * WordPress's salts are folders (their alphabets hold template characters).
 */

const SIGNING_KEY = {
  family: 'legacy-credential',
  severity: 'high',
  confidence: 'high',
} as const;

const rails = (keyword: string, title: string): ContextRow => ({
  ...SIGNING_KEY,
  id: keyword === 'secret_key_base' ? 'rails-secret-key-base' : 'rails-secret-token',
  provider: 'Ruby on Rails',
  title,
  docs: 'https://guides.rubyonrails.org/security.html#custom-credentials',
  revoke:
    'Generate a new one with `bin/rails secret`, keep it in encrypted credentials or SECRET_KEY_BASE (not in the repository), and deploy: sessions and signed or encrypted cookies made with the old one stop working, and forged ones with them.',
  keywords: [keyword],
  // `rake secret` / `SecureRandom.hex(64)`.
  value: hex(128),
  valueName: '128 hex characters',
  env: keyword.toUpperCase(),
});

export const table: ContextTable = {
  name: 'frameworks',
  rows: [
    {
      ...rails('secret_key_base', 'Rails secret_key_base (secrets.yml, credentials, config)'),
      positives: (_t, v) => {
        const [a, b] = [v(), v()];
        return [
          { text: `development:\n  secret_key_base: ${a}\n\ntest:\n  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>\n`, secret: a },
          { text: `Rails.application.configure do\n  config.secret_key_base = "${b}"\nend\n`, secret: b },
        ];
      },
      negatives: () => [`production:\n  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>\n`, `  secret_key_base: <%= Rails.application.credentials.secret_key_base %>`],
    },
    {
      ...rails('secret_token', 'Rails secret_token (Rails 3 and 4 secret_token.rb)'),
      positives: (_t, v) => {
        const a = v();
        return [{ text: `# Be sure to restart your server when you modify this file.\nShop::Application.config.secret_token = '${a}'\n`, secret: a }];
      },
    },
    {
      ...SIGNING_KEY,
      id: 'laravel-app-key',
      provider: 'Laravel',
      title: 'Laravel application key (APP_KEY)',
      docs: 'https://laravel.com/docs/encryption#configuration',
      revoke:
        'Generate a new key with `php artisan key:generate` and list the old one in APP_PREVIOUS_KEYS until data encrypted with it is re-encrypted: with the key anyone can decrypt that data and forge encrypted cookies and signed URLs.',
      keywords: ['APP_KEY'],
      keyStart: true,
      // The key's own name, `=` / `:` / `,` (config/app.php's env() default), then `base64:`; the secret is the base64 after it.
      gap: {
        pattern: String.raw`[\w.-]*${KEY_CLOSE}${OPERATOR}(?:\\?["'\x60]){0,2}base64:`,
        reach: 80,
        requires: { anyOf: ' \t\r\n=:,', over: 'A-Za-z0-9_.\\"\']-', within: 72 },
      },
      // `base64_encode(random_bytes(32))` for the default AES-256 ciphers: 43 characters and `=` (44 without it: not a
      // 32-byte key, but no less meant as one).
      value: [run(BASE64_PADDED, 43, 44)],
      check: (v) => /^[A-Za-z0-9+/]{43}[A-Za-z0-9+/=]$/.test(v),
      valueName: '43 or 44 base64 characters after "base64:"',
      env: 'APP_KEY',
      positives: (_t, v) => {
        const [a, b, c, d] = [v(), v(), v(), v()];
        return [
          { text: `APP_NAME=Shop\nAPP_ENV=local\nAPP_KEY=base64:${a}\nAPP_DEBUG=true\n`, secret: a },
          { text: `<?php\n\nreturn [\n    'key' => env('APP_KEY', 'base64:${b}'),\n    'cipher' => 'AES-256-CBC',\n];\n`, secret: b },
          { text: `env:\n  APP_KEY: "base64:${c}"\n`, secret: c },
          { text: `{"APP_KEY": "base64:${d}"}`, secret: d },
        ];
      },
      negatives: (_t, v) => [`APP_KEY=`, `APP_KEY=SomeRandomString`, `APP_KEY=base64:`, `MIX_PUSHER_APP_KEY=base64:${v()}`, `APP_KEY=base64:${v().slice(0, 32)}`],
    },
    {
      ...SIGNING_KEY,
      id: 'symfony-app-secret',
      provider: 'Symfony',
      title: 'Symfony application secret (APP_SECRET, kernel.secret)',
      docs: 'https://symfony.com/doc/current/reference/configuration/framework.html#secret',
      revoke:
        'Set a new APP_SECRET (e.g. `php -r "echo bin2hex(random_bytes(16));"`) in the environment or the secrets vault, not in .env: remember-me cookies, signed URLs and CSRF tokens made with the old one stop validating.',
      keywords: ['APP_SECRET'],
      keyStart: true,
      // The Flex recipe's `bin2hex(random_bytes(16))`; a sha1 (40) in older parameters.yml.
      value: hex(32, 40),
      valueName: '32 to 40 hex characters',
      env: 'APP_SECRET',
      negatives: (_t, v) => [
        `APP_SECRET=ThisTokenIsNotSoSecretChangeIt`,
        `framework:\n    secret: '%env(APP_SECRET)%'`,
        // Another provider's app secret.
        `FACEBOOK_APP_SECRET=${v().slice(0, 32)}`,
      ],
    },
  ],
};
