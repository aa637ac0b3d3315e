import type { Detector } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';
import { slicedRandomPart } from '../builders/random-part.js';
import { CHARS } from '../builders/token-row.js';

/**
 * Slack user token: `xoxp-` + three numeric ids + a 32-character secret
 * (lowercase hex in issued tokens). Tokens made before August 2016 had
 * shorter secrets and were rotated by Slack; the documentation's example
 * `xoxp-12345-67890-1928471-abcdefg` is one and is not a finding.
 */
export const detector: Detector = {
  id: 'slack-user-token',
  family: 'slack-token',
  provider: 'Slack',
  title: 'Slack user token',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://docs.slack.dev/authentication/tokens',
  revoke:
    'Revoke it with the auth.revoke API method (or remove the app from the workspace), then have the user reauthorize; the token acts as that user.',
  keywords: ['xoxp-'],
  pattern: '(?P<secret>xoxp-[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[A-Za-z0-9]{32})',
  alphabet: 'A-Za-z0-9-',
  window: { before: 0, after: 80 },
  validate: ({ secret }) => (looksGenerated(secret.slice(-32)) ? SHAPE_MATCH : null),
  // Issued secrets are 32 lowercase hex characters; the judgment assumes that alphabet.
  randomPart: slicedRandomPart(CHARS.hexLower.chars, 32, 32, -32),
};
