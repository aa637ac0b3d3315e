import type { Candidate, Detector, Verdict } from '../types.js';
import { CHARS } from '../builders/token-row.js';
import { placeholderJudge } from '../builders/placeholder-token.js';

/**
 * Twitch stream key: `live_` + the channel's numeric user id + `_` + 30
 * letters and digits. Anyone holding it can broadcast on the channel. The
 * `live_` prefix is a common word part (`live_mode`), so the digits that
 * must follow it are checked before RE2 runs; legacy tier until the shape is
 * confirmed against Twitch's own documentation, which does not describe it.
 */
const judge = placeholderJudge({ alphabet: CHARS.base62.chars, minLength: 30, maxLength: 30 });

export function validateTwitchStreamKey({ secret }: Candidate): Verdict | null {
  const random = secret.slice(secret.lastIndexOf('_') + 1);
  if (judge.reason(random) !== null) return null;
  return { confidence: 'high', reason: 'live_ + channel id + 30 letters and digits (Twitch stream key shape)' };
}

export const detector: Detector = {
  id: 'twitch-stream-key',
  family: 'twitch-stream-key',
  provider: 'Twitch',
  title: 'Twitch stream key',
  severity: 'medium',
  tier: 'legacy',
  docs: 'https://help.twitch.tv/s/article/twitch-stream-key-faq',
  revoke: 'Reset the primary stream key under Creator Dashboard > Settings > Stream in Twitch, then update your broadcasting software.',
  keywords: ['live_'],
  pattern: String.raw`(?P<secret>live_[0-9]{5,12}_[A-Za-z0-9]{30})`,
  alphabet: 'A-Za-z0-9_',
  window: { before: 0, after: 48 },
  // A digit right after `live_`: `live_mode`, `is_live_` and `live_stream` never reach RE2.
  requires: { anyOf: '0-9', within: 1 },
  validate: validateTwitchStreamKey,
};
