import type { Detector } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';
import { slicedRandomPart } from '../builders/random-part.js';
import { CHARS } from '../builders/token-row.js';

/** DigitalOcean personal access token: `dop_v1_` + 64 hex. */
const PREFIX = 'dop_v1_';

export const detector: Detector = {
  id: 'digitalocean-pat',
  family: 'digitalocean-token',
  provider: 'DigitalOcean',
  title: 'DigitalOcean personal access token',
  severity: 'critical',
  tier: 'identifiable',
  docs: 'https://docs.digitalocean.com/reference/api/create-personal-access-token/',
  revoke: 'Delete the token in the DigitalOcean control panel (API > Tokens), create a replacement with the scopes needed, and review the account activity log.',
  keywords: [PREFIX],
  pattern: `(?P<secret>${PREFIX}[a-fA-F0-9]{64})`,
  alphabet: 'A-Za-z0-9_',
  window: { before: 0, after: 64 },
  validate: ({ secret }) => (looksGenerated(secret.slice(PREFIX.length)) ? SHAPE_MATCH : null),
  // Issued tokens are lowercase hex; the judgment assumes that alphabet.
  randomPart: slicedRandomPart(CHARS.hexLower.chars, 64, 64, PREFIX.length),
};
