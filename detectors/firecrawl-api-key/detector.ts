import type { Detector } from '../types.js';

const HEX = '0123456789abcdef';

/**
 * Firecrawl API key: `fc-` + 32 lowercase hex. `fc-` is also the class prefix
 * of FullCalendar's CSS (`fc-day`, `fc-event`), so a hit counts only when a
 * digit follows within the 32 characters with nothing but `a-f` before it
 * (a random body fails that with probability (6/16)^32).
 */
export const detector: Detector = {
  id: 'firecrawl-api-key',
  family: 'firecrawl-api-key',
  provider: 'Firecrawl',
  title: 'Firecrawl API key',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://docs.firecrawl.dev/introduction',
  revoke: 'Delete the key under API Keys in the Firecrawl dashboard and create a new one; check usage for crawls you did not start.',
  keywords: ['fc-'],
  requires: { anyOf: '0-9', over: 'a-f', within: 32 },
  pattern: '(?P<secret>fc-[0-9a-f]{32})',
  alphabet: 'A-Za-z0-9_-',
  window: { before: 0, after: 32 },
  randomPart: { alphabet: HEX, minLength: 32, maxLength: 32, of: (secret) => secret.slice(3) },
};
