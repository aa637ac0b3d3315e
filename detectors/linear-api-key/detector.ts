import { shapeTokenDetector } from '../builders/shape-token.js';
import { CHARS } from '../builders/token-row.js';

export const detector = shapeTokenDetector(
  {
    id: 'linear-api-key',
    family: 'linear-api-key',
    provider: 'Linear',
    title: 'Linear personal API key',
    severity: 'high',
    docs: 'https://linear.app/developers/graphql#personal-api-keys',
    revoke: 'Revoke the key in Linear (Settings > Security & access > Personal API keys) and create a new one.',
  },
  {
    keywords: ['lin_api_'],
    pattern: '(?P<secret>lin_api_[A-Za-z0-9]{40})',
    alphabet: 'A-Za-z0-9_',
    window: { before: 0, after: 40 },
    randomPart: ({ secret }) => secret.slice(8),
    random: { alphabet: CHARS.base62.chars, minLength: 40, maxLength: 40 },
  },
);
