import type { Detector } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';
import { slicedRandomPart } from '../builders/random-part.js';
import { CHARS } from '../builders/token-row.js';

/**
 * Slack bot token: `xoxb-` + team id digits + `-` + bot user id digits + `-`
 * + 24 alphanumerics; classic (legacy) bot tokens lack the second number.
 * Slack documents the prefixes, not the lengths: these are the shapes of
 * issued tokens as other scanners record them.
 */
export const detector: Detector = {
  id: 'slack-bot-token',
  family: 'slack-token',
  provider: 'Slack',
  title: 'Slack bot token',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://docs.slack.dev/authentication/tokens',
  revoke:
    'Revoke it with the auth.revoke API method or reinstall the app to issue a new one (app settings > OAuth & Permissions > Reinstall), then update where it is used.',
  keywords: ['xoxb-'],
  pattern: '(?P<secret>xoxb-(?:[0-9]{9,13}-[0-9]{9,14}|[0-9]{8,13})-[A-Za-z0-9]{24})',
  alphabet: 'A-Za-z0-9-',
  window: { before: 0, after: 60 },
  validate: ({ secret }) => (looksGenerated(secret.slice(-24)) ? SHAPE_MATCH : null),
  randomPart: slicedRandomPart(CHARS.base62.chars, 24, 24, -24),
};
