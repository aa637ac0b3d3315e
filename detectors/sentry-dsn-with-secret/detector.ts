import type { Detector } from '../types.js';

const HEX = '0123456789abcdef';
const KEYS = /^https?:\/\/([0-9a-f]{32}):([0-9a-f]{32})@/;

/**
 * Sentry DSN in its legacy form with the secret key:
 * `https://<public key>:<secret key>@<host>.sentry.io/<project id>` (or the
 * older `app.getsentry.com`). Current DSNs carry only the public key, which
 * is meant to ship in clients, and are not reported; the secret key let
 * anyone authenticate to the project's store endpoints. Self-hosted Sentry
 * hosts have no fixed name and are left to the URL-credential detector.
 */
export const detector: Detector = {
  id: 'sentry-dsn-with-secret',
  family: 'sentry-dsn-with-secret',
  provider: 'Sentry',
  title: 'Sentry DSN with its secret key (legacy DSN)',
  severity: 'medium',
  tier: 'identifiable',
  docs: 'https://docs.sentry.io/concepts/key-terms/dsn-explainer/',
  revoke:
    'Disable or delete the client key under Project Settings > Client Keys (DSN) in Sentry, create a new one, and use its DSN without the secret part.',
  keywords: ['sentry.io/', 'getsentry.com/'],
  pattern: '(?P<secret>https?://[0-9a-f]{32}:[0-9a-f]{32}@(?:[a-z0-9-]{1,63}\\.){0,4}(?:sentry\\.io|getsentry\\.com)/[0-9]{1,12})',
  alphabet: 'A-Za-z0-9_-',
  // `https://` + two 32-hex keys + `@` + up to four host labels before the keyword.
  window: { before: 8 + 66 + 1 + 4 * 64 + 3, after: 12 },
  // The project id follows the host's `/`: documentation links (`sentry.io/for/...`) stop here.
  requires: { anyOf: '0-9', within: 1 },
  randomPart: {
    alphabet: HEX,
    minLength: 64,
    maxLength: 64,
    of: (secret) => {
      const m = KEYS.exec(secret);
      return m === null ? null : m[1]! + m[2]!;
    },
  },
};
