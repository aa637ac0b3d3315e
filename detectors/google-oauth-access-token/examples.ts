import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

const make = (t: TokenFactory, length = 150 + t.int(120)): string => `ya29.${t.chars(ALPHA.base64url, length)}`;

export const examples: DetectorExamples = {
  generate: make,
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t, 60), make(t), `ya29.c.${t.chars(ALPHA.base64url, 900)}`];
    return [
      { text: `credentials = {\n  "access_token": "${a}",\n  "expires_in": 3599,\n  "token_type": "Bearer"\n}\n`, secret: a },
      { text: `curl -H "Authorization: Bearer ${b}" https://www.googleapis.com/drive/v3/files\n`, secret: b },
      { text: `GOOGLE_ACCESS_TOKEN=${c}\r\n`, secret: c },
      { text: `token = '${d}'  # from the metadata server`, secret: d },
    ];
  },
  negatives: (t) => [
    'GOOGLE_ACCESS_TOKEN=ya29.<your-access-token>',
    `GOOGLE_ACCESS_TOKEN=ya29.${'x'.repeat(120)}`,
    // Too short to be a token.
    `GOOGLE_ACCESS_TOKEN=ya29.${t.chars(ALPHA.base64url, 12)}`,
    // Glued to a longer identifier.
    `blob=Qya29.${t.chars(ALPHA.base64url, 80)}`,
    'const GOOGLE_TOKEN_PREFIX = "ya29.";',
  ],
};
