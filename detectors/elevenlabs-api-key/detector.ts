import type { Detector } from '../types.js';

const HEX = '0123456789abcdef';

/**
 * ElevenLabs API key: `sk_` + 48 lowercase hex. The prefix alone is a poor
 * keyword (`task_`, `disk_`, `mask_` ...), so a hit counts only when a digit
 * follows within the 48 characters with nothing but `a-f` before it, which a
 * random 48-hex body fails with probability (6/16)^48; identifiers after
 * `sk_` stop at their first letter past `f`. The boundary then rejects
 * `disk_` and friends, and Stripe's `sk_live_`/`sk_test_` never reach RE2.
 */
export const detector: Detector = {
  id: 'elevenlabs-api-key',
  family: 'elevenlabs-api-key',
  provider: 'ElevenLabs',
  title: 'ElevenLabs API key',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://elevenlabs.io/docs/api-reference/authentication',
  revoke: 'Delete the key under Developers > API Keys in ElevenLabs and create a new one; check usage for characters you did not generate.',
  keywords: ['sk_'],
  requires: { anyOf: '0-9', over: 'a-f', within: 48 },
  pattern: '(?P<secret>sk_[0-9a-f]{48})',
  alphabet: 'A-Za-z0-9_',
  window: { before: 0, after: 48 },
  randomPart: { alphabet: HEX, minLength: 48, maxLength: 48, of: (secret) => secret.slice(3) },
};
