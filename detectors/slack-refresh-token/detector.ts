import type { Detector } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';
import { CHARS } from '../builders/token-row.js';
import { slackRotationRandom } from '../builders/slack-rotation-token.js';

/**
 * Slack refresh token for rotating access tokens and app configuration
 * tokens: `xoxe-` + version digit + `-` + a long alphanumeric body.
 */
export const detector: Detector = {
  id: 'slack-refresh-token',
  family: 'slack-token',
  provider: 'Slack',
  title: 'Slack refresh token',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://docs.slack.dev/authentication/using-token-rotation',
  revoke:
    'Revoke the token pair with auth.revoke (or, for app configuration tokens, at https://api.slack.com/apps), then reauthorize; a refresh token mints new access tokens until revoked.',
  keywords: ['xoxe-'],
  pattern: '(?P<secret>xoxe-[0-9]-[A-Za-z0-9]{120,180})',
  alphabet: 'A-Za-z0-9',
  window: { before: 0, after: 188 },
  validate: ({ secret }) => (looksGenerated(secret.slice(7)) ? SHAPE_MATCH : null),
  // The 64 random hex characters inside the base64 body (see builders/slack-rotation-token.ts).
  randomPart: { alphabet: CHARS.hexLower.chars, minLength: 64, maxLength: 64, of: (secret) => slackRotationRandom(secret.slice(7)) },
};
