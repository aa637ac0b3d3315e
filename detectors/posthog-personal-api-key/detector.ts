import type { Detector } from '../types.js';

const WORD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_';

/**
 * PostHog personal API key: `phx_` + 43 letters, digits and `_`. It acts with
 * the user's access to every project (project keys `phc_` are public and are
 * not reported). `phx_` is also Phoenix LiveView's attribute prefix
 * (`phx_click`, `phx_value_id`), so a hit counts only when an uppercase
 * letter or a digit follows within the 43 characters with only lowercase
 * letters and `_` before it; a random key fails that with probability
 * (27/63)^43.
 */
export const detector: Detector = {
  id: 'posthog-personal-api-key',
  family: 'posthog-personal-api-key',
  provider: 'PostHog',
  title: 'PostHog personal API key',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://posthog.com/docs/api#private-endpoint-authentication',
  revoke: 'Delete the key under Settings > Personal API keys in PostHog and create a new one with the narrowest scopes.',
  keywords: ['phx_'],
  requires: { anyOf: 'A-Z0-9', over: 'a-z_', within: 43 },
  pattern: '(?P<secret>phx_[A-Za-z0-9_]{43})',
  alphabet: 'A-Za-z0-9_',
  window: { before: 0, after: 43 },
  randomPart: { alphabet: WORD, minLength: 43, maxLength: 43, of: (secret) => secret.slice(4) },
};
