import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { crc32 } from '../checksum/crc32.js';
import { fitsRandom } from '../builders/random-part.js';

const withCrc = (head: string): string => `${head}${crc32(head).toString(16).toUpperCase().padStart(8, '0')}`;
const make = (t: TokenFactory): string => withCrc(`ATTA${t.chars(ALPHA.hexLower, 64)}`);

export const examples: DetectorExamples = {
  generate: make,
  withRandom: (_t, random) => (fitsRandom(random, ALPHA.hexLower, 64) ? withCrc(`ATTA${random}`) : null),
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t), make(t), make(t)];
    return [
      { text: `# board sync\nTRELLO_API_KEY=${t.chars(ALPHA.hexLower, 32)}\nTRELLO_TOKEN=${a}\n`, secret: a },
      { text: `{\n  "trello": {\n    "token": "${b}"\n  }\n}\n`, secret: b },
      { text: `curl "https://api.trello.com/1/members/me/boards?key=$KEY&token=${c}"\r\n`, secret: c },
      { text: `client = TrelloClient(api_key=key, token="${d}")`, secret: d },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    const flipped = good.slice(0, 10) + (good[10] === 'a' ? 'b' : 'a') + good.slice(11);
    return [
      // One hex digit changed: the CRC-32 no longer matches.
      `TRELLO_TOKEN=${flipped}`,
      `TRELLO_TOKEN=${good.slice(0, -1)} `,
      `blob=${good}Q7`,
      `TRELLO_TOKEN=${withCrc(`ATTA${'0'.repeat(64)}`)}`,
      'TRELLO_TOKEN=ATTA<your-token>',
      'ATTACHMENT_MAX_SIZE = ATTACK_SURFACE_LIMIT;',
    ];
  },
};
