import { shapeTokenDetector } from '../builders/shape-token.js';
import { CHARS } from '../builders/token-row.js';

export const detector = shapeTokenDetector(
  {
    id: 'sentry-user-auth-token',
    family: 'sentry-token',
    provider: 'Sentry',
    title: 'Sentry user auth token',
    severity: 'high',
    docs: 'https://docs.sentry.io/account/auth-tokens/',
    revoke: 'Revoke the token in Sentry (User Settings > Personal Tokens) and create a new one.',
  },
  {
    // `sntryu_` + 32 random bytes as hex (token_hex(32)).
    keywords: ['sntryu_'],
    pattern: '(?P<secret>sntryu_[0-9a-f]{64})',
    alphabet: 'A-Za-z0-9_',
    window: { before: 0, after: 64 },
    randomPart: ({ secret }) => secret.slice(7),
    random: { alphabet: CHARS.hexLower.chars, minLength: 64, maxLength: 64 },
  },
);
