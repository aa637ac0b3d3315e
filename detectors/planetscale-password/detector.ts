import { shapeTokenDetector } from '../builders/shape-token.js';
import { CHARS } from '../builders/token-row.js';

export const detector = shapeTokenDetector(
  {
    id: 'planetscale-password',
    family: 'planetscale-token',
    provider: 'PlanetScale',
    title: 'PlanetScale database password',
    severity: 'critical',
    docs: 'https://planetscale.com/docs/concepts/connection-strings',
    revoke: 'Delete the password in PlanetScale (database Settings > Passwords, or `pscale password delete`) and create a new one.',
  },
  {
    keywords: ['pscale_pw_'],
    pattern: '(?P<secret>pscale_pw_[A-Za-z0-9_-]{32,64})',
    alphabet: 'A-Za-z0-9_-',
    window: { before: 0, after: 64 },
    randomPart: ({ secret }) => secret.slice(10),
    random: { alphabet: CHARS.base64url.chars, minLength: 32, maxLength: 64 },
  },
);
