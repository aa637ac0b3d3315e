import type { Detector } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';
import { slicedRandomPart } from '../builders/random-part.js';
import { CHARS } from '../builders/token-row.js';

/**
 * Slack incoming webhook URL: `hooks.slack.com/services/` + team id + `/` +
 * webhook (B...) id + `/` + 24-character secret. The secret reported is the
 * URL without its scheme, so `http://` and `https://` copies are one finding.
 */
export const detector: Detector = {
  id: 'slack-incoming-webhook',
  family: 'slack-webhook',
  provider: 'Slack',
  title: 'Slack incoming webhook URL',
  severity: 'medium',
  tier: 'identifiable',
  docs: 'https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks',
  revoke:
    'Remove the webhook in the app settings (Incoming Webhooks > Remove) or remove the app from the channel, then create a new one; anyone with the URL can post to the channel.',
  keywords: ['hooks.slack.com/services/'],
  pattern: '(?P<secret>hooks\\.slack\\.com/services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24})',
  alphabet: 'A-Za-z0-9',
  window: { before: 0, after: 80 },
  validate: ({ secret }) => (looksGenerated(secret.slice(-24)) ? SHAPE_MATCH : null),
  randomPart: slicedRandomPart(CHARS.base62.chars, 24, 24, -24),
};
