import { shapeTokenDetector } from '../builders/shape-token.js';
import { CHARS } from '../builders/token-row.js';

export const detector = shapeTokenDetector(
  {
    id: 'postman-api-key',
    family: 'postman-api-key',
    provider: 'Postman',
    title: 'Postman API key',
    severity: 'high',
    docs: 'https://learning.postman.com/docs/developer/postman-api/authentication/',
    revoke: 'Delete the key in Postman (Settings > API keys) and generate a new one; Postman also revokes keys it finds exposed.',
  },
  {
    // `PMAK-` + 24 hex + `-` + 34 hex, lowercase as issued.
    keywords: ['PMAK-'],
    pattern: '(?P<secret>PMAK-[0-9a-f]{24}-[0-9a-f]{34})',
    alphabet: 'A-Za-z0-9_',
    window: { before: 0, after: 59 },
    randomPart: ({ secret }) => secret.slice(30),
    random: { alphabet: CHARS.hexLower.chars, minLength: 34, maxLength: 34 },
  },
);
