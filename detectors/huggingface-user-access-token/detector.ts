import { shapeTokenDetector } from '../builders/shape-token.js';
import { CHARS } from '../builders/token-row.js';

const LETTERS = `${CHARS.upper.chars}${CHARS.lower.chars}`;

export const detector = shapeTokenDetector(
  {
    id: 'huggingface-user-access-token',
    family: 'huggingface-token',
    provider: 'Hugging Face',
    title: 'Hugging Face user access token',
    severity: 'high',
    docs: 'https://huggingface.co/docs/hub/security-tokens',
    revoke: 'Invalidate or delete the token at https://huggingface.co/settings/tokens and create a new one.',
  },
  {
    // `hf_` + 34 letters (no digits in the random part).
    keywords: ['hf_'],
    pattern: '(?P<secret>hf_[A-Za-z]{34})',
    alphabet: 'A-Za-z0-9_',
    window: { before: 0, after: 34 },
    randomPart: ({ secret }) => secret.slice(3),
    random: { alphabet: LETTERS, minLength: 34, maxLength: 34 },
  },
);
