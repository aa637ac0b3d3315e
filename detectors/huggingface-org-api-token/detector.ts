import { shapeTokenDetector } from '../builders/shape-token.js';
import { CHARS } from '../builders/token-row.js';

const LETTERS = `${CHARS.upper.chars}${CHARS.lower.chars}`;

export const detector = shapeTokenDetector(
  {
    id: 'huggingface-org-api-token',
    family: 'huggingface-token',
    provider: 'Hugging Face',
    title: 'Hugging Face organization API token (legacy)',
    severity: 'high',
    docs: 'https://huggingface.co/docs/hub/security-tokens',
    revoke: "Rotate the organization's API token in the organization settings on huggingface.co; prefer user access tokens.",
  },
  {
    keywords: ['api_org_'],
    pattern: '(?P<secret>api_org_[A-Za-z]{34})',
    alphabet: 'A-Za-z0-9_',
    window: { before: 0, after: 34 },
    randomPart: ({ secret }) => secret.slice(8),
    random: { alphabet: LETTERS, minLength: 34, maxLength: 34 },
  },
);
