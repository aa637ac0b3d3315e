import type { Detector } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';
import { slicedRandomPart } from '../builders/random-part.js';
import { CHARS } from '../builders/token-row.js';

/** Anthropic API key: `sk-ant-api03-` + 93 characters of `[A-Za-z0-9_-]` + `AA`. */
const PREFIX = 'sk-ant-api03-';

export const detector: Detector = {
  id: 'anthropic-api-key',
  family: 'anthropic-key',
  provider: 'Anthropic',
  title: 'Anthropic API key',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://docs.anthropic.com/en/api/overview#authentication',
  revoke: 'Delete the key in the Claude Console (Settings > API keys) and check usage for unexpected spend.',
  keywords: [PREFIX],
  pattern: `(?P<secret>${PREFIX}[A-Za-z0-9_-]{93}AA)`,
  alphabet: 'A-Za-z0-9_-',
  window: { before: 0, after: 95 },
  validate: ({ secret }) => (looksGenerated(secret.slice(PREFIX.length, -2)) ? SHAPE_MATCH : null),
  // The 93 random characters between the prefix and the closing `AA`.
  randomPart: slicedRandomPart(CHARS.base64url.chars, 93, 93, PREFIX.length, -2),
};
