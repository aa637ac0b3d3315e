import type { Detector, Verdict } from '../types.js';

const BODY = '0123456789abcdefghijklmnopqrstuvwxyz';
const MATCH: Verdict = { confidence: 'high', reason: '`key-` and a 32-character body' };
/** The start of the example key in Mailgun's own documentation (not a secret). */
const DOCUMENTED_EXAMPLE = '3ax6xnjp29jd6fds';

/**
 * Mailgun private API key (the format issued until 2023): `key-` + 32
 * lowercase alphanumerics. `key-` is everywhere in code (`api-key-id`,
 * `key-value`), so a hit counts only when a digit follows within the 32
 * characters with nothing but letters before it; the boundary rejects
 * `api-key-…` and `monkey-…`. Current keys (32 hex - 8 hex - 8 hex) have no
 * prefix and need their keyword beside them.
 */
export const detector: Detector = {
  id: 'mailgun-api-key',
  family: 'mailgun-api-key',
  provider: 'Mailgun',
  title: 'Mailgun private API key (key-)',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://help.mailgun.com/hc/en-us/articles/203380100-Where-can-I-find-my-API-keys-and-SMTP-credentials',
  revoke: 'Delete the key under API Security in the Mailgun dashboard and create a new one; check the logs for mail you did not send.',
  keywords: ['key-'],
  requires: { anyOf: '0-9', over: 'a-z', within: 32 },
  pattern: '(?P<secret>key-[0-9a-z]{32})',
  alphabet: 'A-Za-z0-9_-',
  window: { before: 0, after: 32 },
  validate: ({ secret }) => (secret.startsWith(DOCUMENTED_EXAMPLE, 4) ? null : MATCH),
  randomPart: { alphabet: BODY, minLength: 32, maxLength: 32, of: (secret) => secret.slice(4) },
};
