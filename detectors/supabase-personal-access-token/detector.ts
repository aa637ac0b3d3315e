import { shapeTokenDetector } from '../builders/shape-token.js';
import { CHARS } from '../builders/token-row.js';

export const detector = shapeTokenDetector(
  {
    id: 'supabase-personal-access-token',
    family: 'supabase-personal-access-token',
    provider: 'Supabase',
    title: 'Supabase personal access token',
    severity: 'critical',
    docs: 'https://supabase.com/docs/guides/platform/personal-access-tokens',
    revoke: 'Delete the token in the Supabase dashboard (Account > Access Tokens) and create a new, scoped one.',
  },
  {
    keywords: ['sbp_'],
    pattern: '(?P<secret>sbp_[0-9a-f]{40})',
    alphabet: 'A-Za-z0-9_',
    window: { before: 0, after: 40 },
    randomPart: ({ secret }) => secret.slice(4),
    random: { alphabet: CHARS.hexLower.chars, minLength: 40, maxLength: 40 },
  },
);
