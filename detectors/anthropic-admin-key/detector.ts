import type { Detector } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';
import { slicedRandomPart } from '../builders/random-part.js';
import { CHARS } from '../builders/token-row.js';

/** Anthropic Admin API key: `sk-ant-admin01-` + 93 characters of `[A-Za-z0-9_-]` + `AA`. */
const PREFIX = 'sk-ant-admin01-';

export const detector: Detector = {
  id: 'anthropic-admin-key',
  family: 'anthropic-key',
  provider: 'Anthropic',
  title: 'Anthropic Admin API key',
  severity: 'critical',
  tier: 'identifiable',
  docs: 'https://docs.anthropic.com/en/api/administration-api',
  revoke: 'Delete the admin key in the Claude Console (Settings > Admin keys); it can manage members, workspaces and API keys, so review them and the usage reports.',
  keywords: [PREFIX],
  pattern: `(?P<secret>${PREFIX}[A-Za-z0-9_-]{93}AA)`,
  alphabet: 'A-Za-z0-9_-',
  window: { before: 0, after: 95 },
  validate: ({ secret }) => (looksGenerated(secret.slice(PREFIX.length, -2)) ? SHAPE_MATCH : null),
  // The 93 random characters between the prefix and the closing `AA`.
  randomPart: slicedRandomPart(CHARS.base64url.chars, 93, 93, PREFIX.length, -2),
};
