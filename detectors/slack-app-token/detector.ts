import type { Detector } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';
import { slicedRandomPart } from '../builders/random-part.js';
import { CHARS } from '../builders/token-row.js';

/**
 * Slack app-level token (Socket Mode, `connections:write`): `xapp-` + a
 * version digit + the app id + a numeric id + 64 hex characters.
 */
export const detector: Detector = {
  id: 'slack-app-token',
  family: 'slack-token',
  provider: 'Slack',
  title: 'Slack app-level token',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://docs.slack.dev/authentication/tokens',
  revoke: 'Revoke it in the app settings (Basic Information > App-Level Tokens > Revoke) and generate a new one.',
  keywords: ['xapp-'],
  pattern: '(?P<secret>xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-f0-9]{64})',
  alphabet: 'A-Za-z0-9-',
  window: { before: 0, after: 100 },
  validate: ({ secret }) => (looksGenerated(secret.slice(-64)) ? SHAPE_MATCH : null),
  randomPart: slicedRandomPart(CHARS.hexLower.chars, 64, 64, -64),
};
