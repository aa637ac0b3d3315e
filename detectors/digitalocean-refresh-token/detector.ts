import type { Detector } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';
import { slicedRandomPart } from '../builders/random-part.js';
import { CHARS } from '../builders/token-row.js';

/** DigitalOcean OAuth refresh token: `dor_v1_` + 64 hex. */
const PREFIX = 'dor_v1_';

export const detector: Detector = {
  id: 'digitalocean-refresh-token',
  family: 'digitalocean-token',
  provider: 'DigitalOcean',
  title: 'DigitalOcean OAuth refresh token',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://docs.digitalocean.com/reference/api/oauth/',
  revoke: 'Revoke the authorization with the OAuth revoke endpoint (https://cloud.digitalocean.com/v1/oauth/revoke) or remove the application under API > Applications.',
  keywords: [PREFIX],
  pattern: `(?P<secret>${PREFIX}[a-fA-F0-9]{64})`,
  alphabet: 'A-Za-z0-9_',
  window: { before: 0, after: 64 },
  validate: ({ secret }) => (looksGenerated(secret.slice(PREFIX.length)) ? SHAPE_MATCH : null),
  // Issued tokens are lowercase hex; the judgment assumes that alphabet.
  randomPart: slicedRandomPart(CHARS.hexLower.chars, 64, 64, PREFIX.length),
};
