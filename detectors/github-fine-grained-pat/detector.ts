import type { Detector } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';
import { slicedRandomPart } from '../builders/random-part.js';
import { CHARS } from '../builders/token-row.js';

const PREFIX = 'github_pat_';

/**
 * Fine-grained personal access token: `github_pat_` + 22 + `_` + 59 base62
 * characters. GitHub publishes no checksum for this format, so the shape and a
 * placeholder check are all there is.
 */
export const detector: Detector = {
  id: 'github-fine-grained-pat',
  family: 'github-token',
  provider: 'GitHub',
  title: 'GitHub fine-grained personal access token',
  severity: 'critical',
  tier: 'identifiable',
  docs: 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens',
  revoke:
    'Delete it under GitHub Settings > Developer settings > Personal access tokens > Fine-grained tokens; an exposed token can also be reported to https://docs.github.com/rest/credentials/revoke.',
  keywords: [PREFIX],
  pattern: `(?P<secret>${PREFIX}[A-Za-z0-9]{22}_[A-Za-z0-9]{59})`,
  alphabet: 'A-Za-z0-9_',
  window: { before: 0, after: 82 },
  // Only the 59-character part is checked: the 22-character part carries an id and need not look random.
  validate: ({ secret }) => (looksGenerated(secret.slice(PREFIX.length + 23)) ? SHAPE_MATCH : null),
  // The 59-character part; the 22 characters before it carry an id.
  randomPart: slicedRandomPart(CHARS.base62.chars, 59, 59, PREFIX.length + 23),
};
