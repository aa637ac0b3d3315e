import type { Candidate, Detector, Verdict } from '../types.js';
import { placeholderJudge } from '../builders/placeholder-token.js';

/**
 * Salesforce access token (session id): the 15-character id of the org
 * (`00D` + 12) + `!` + the session part, letters, digits, `.` and `_`. It is
 * what `sf org display` prints as "Access Token". `00D` alone is common in
 * hex, so the `!` after the org id is checked before RE2 runs; legacy tier
 * because Salesforce does not document the session part's shape.
 */
const SESSION_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._';
const judge = placeholderJudge({ alphabet: SESSION_CHARS, minLength: 80, maxLength: 140 });

export function validateSalesforceToken({ secret }: Candidate): Verdict | null {
  const session = secret.slice(secret.indexOf('!') + 1);
  if (session.length > 140 || judge.reason(session) !== null) return null;
  return { confidence: 'high', reason: 'org id (00D...) + ! + session part (Salesforce access token shape)' };
}

export const detector: Detector = {
  id: 'salesforce-access-token',
  family: 'salesforce-access-token',
  provider: 'Salesforce',
  title: 'Salesforce access token (session id)',
  severity: 'critical',
  tier: 'legacy',
  docs: 'https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_revoke_token.htm&type=5',
  revoke: 'Revoke it at https://<MyDomain>.my.salesforce.com/services/oauth2/revoke (or log the session out under Setup > Session Management).',
  keywords: ['00D'],
  pattern: String.raw`(?P<secret>00D[A-Za-z0-9]{12}![A-Za-z0-9._]{80,})`,
  alphabet: 'A-Za-z0-9._!',
  // Unbounded in the pattern (RE2 expands counted repetitions into states); the validator bounds the session part.
  window: { before: 0, after: 200 },
  // The org id's 12 characters and then `!`.
  requires: { anyOf: '!', over: 'A-Za-z0-9', within: 13 },
  validate: validateSalesforceToken,
};
