import type { Candidate, Detector, Verdict } from '../types.js';
import { CHARS } from '../builders/token-row.js';
import { placeholderJudge } from '../builders/placeholder-token.js';

/**
 * Stripe test-mode secret and restricted keys (`sk_test_`, `rk_test_`): they
 * reach only the account's test data, so they never block a push, but a
 * leaked one still lets anyone create and read test objects, webhooks and
 * Connect test accounts. Live keys are stripe-secret-key's.
 */
const judge = placeholderJudge({ alphabet: CHARS.base62.chars, minLength: 24, maxLength: 247 });

export function validateStripeTestKey({ secret }: Candidate): Verdict | null {
  const body = secret.slice(8);
  if (body.length > 247 || judge.reason(body) !== null) return null;
  return { confidence: 'high', reason: `${secret.slice(0, 8)} + ${body.length} letters and digits (Stripe test-mode key)` };
}

export const detector: Detector = {
  id: 'stripe-test-secret-key',
  family: 'stripe-test-secret-key',
  provider: 'Stripe',
  title: 'Stripe test-mode secret or restricted key',
  severity: 'low',
  tier: 'legacy',
  docs: 'https://docs.stripe.com/keys#test-live-modes',
  revoke: 'Roll the key on the API keys page of the Stripe Dashboard (in test mode).',
  keywords: ['sk_test_', 'rk_test_'],
  // Unbounded (RE2 expands counted repetitions into states); the validator bounds the body.
  pattern: String.raw`(?P<secret>[sr]k_test_[A-Za-z0-9]{24,})`,
  alphabet: 'A-Za-z0-9_',
  window: { before: 0, after: 256 },
  validate: validateStripeTestKey,
};
