import { shapeTokenDetector } from '../builders/shape-token.js';
import { CHARS } from '../builders/token-row.js';

export const detector = shapeTokenDetector(
  {
    id: 'planetscale-service-token',
    family: 'planetscale-token',
    provider: 'PlanetScale',
    title: 'PlanetScale service token',
    severity: 'critical',
    docs: 'https://planetscale.com/docs/concepts/service-tokens',
    revoke: 'Delete the service token in PlanetScale (Settings > Service tokens, or `pscale service-token delete`) and create a new one.',
  },
  {
    keywords: ['pscale_tkn_'],
    pattern: '(?P<secret>pscale_tkn_[A-Za-z0-9_-]{32,64})',
    alphabet: 'A-Za-z0-9_-',
    window: { before: 0, after: 64 },
    randomPart: ({ secret }) => secret.slice(11),
    random: { alphabet: CHARS.base64url.chars, minLength: 32, maxLength: 64 },
  },
);
