import type { Detector } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';
import { CHARS } from '../builders/token-row.js';
import { slackRotationRandom } from '../builders/slack-rotation-token.js';

/**
 * Slack expiring access tokens: `xoxe.xoxb-` / `xoxe.xoxp-` + version digit +
 * a long alphanumeric body. Issued by token rotation (12-hour bot and user
 * tokens) and as app configuration tokens.
 */
export const detector: Detector = {
  id: 'slack-expiring-token',
  family: 'slack-token',
  provider: 'Slack',
  title: 'Slack expiring access token',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://docs.slack.dev/authentication/using-token-rotation',
  revoke:
    'It expires within 12 hours, but revoke it now with auth.revoke and revoke the refresh token stored beside it; an app configuration token is revoked from https://api.slack.com/apps (Your App Configuration Tokens).',
  keywords: ['xoxe.xox'],
  pattern: '(?P<secret>xoxe\\.xox[bp]-[0-9]-[A-Za-z0-9]{140,200})',
  alphabet: 'A-Za-z0-9',
  window: { before: 0, after: 212 },
  validate: ({ secret }) => (looksGenerated(secret.slice(12)) ? SHAPE_MATCH : null),
  // The 64 random hex characters inside the base64 body (see builders/slack-rotation-token.ts).
  randomPart: { alphabet: CHARS.hexLower.chars, minLength: 64, maxLength: 64, of: (secret) => slackRotationRandom(secret.slice(12)) },
};
