import type { Detector } from '../types.js';

/**
 * Mailchimp Marketing API key: 32 lowercase hex + `-us` + the data-center
 * number (`-us21`). The only literal is `-us`, which `en-us`, `-us-east-1`
 * and friends share, so a hit counts only when a digit follows it at once;
 * the window then looks back over the 32 hex characters.
 */
export const detector: Detector = {
  id: 'mailchimp-api-key',
  family: 'mailchimp-api-key',
  provider: 'Mailchimp',
  title: 'Mailchimp Marketing API key',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://mailchimp.com/help/about-api-keys/',
  revoke: 'Disable the key under Profile > Extras > API keys in Mailchimp and generate a new one; check the audience for contacts and campaigns you did not create.',
  keywords: ['-us'],
  requires: { anyOf: '0-9', over: '', within: 1 },
  pattern: '(?P<secret>[0-9a-f]{32}-us[0-9]{1,2})',
  alphabet: 'A-Za-z0-9_-',
  window: { before: 32, after: 2 },
  randomPart: { alphabet: '0123456789abcdef', minLength: 32, maxLength: 32, of: (secret) => secret.slice(0, 32) },
};
