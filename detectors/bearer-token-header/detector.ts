import type { Candidate, Detector, Verdict } from '../types.js';
import { caseless } from '../builders/ascii-caseless.js';
import { strengthOf } from '../builders/entropy.js';
import { encodedPlainTextReason, identifiableFormatReason, placeholderReason } from '../builders/placeholder.js';

/** A JWT (base64url JSON header, a dot, ...): json-web-token reports it, or rejects it as incomplete. */
const JWT = /^eyJ[\w-]+\./;

export function validateBearerToken({ secret }: Candidate): Verdict | null {
  // RFC 6750's own example (`mF_9.B5f-4.1JqM`) and most hand-typed values are shorter than any issued token.
  if (secret.length < 20 || secret.length > 2048) return null;
  if (JWT.test(secret) || identifiableFormatReason(secret)) return null;
  const s = strengthOf(secret);
  if (s.strength !== 'random') return null;
  if (placeholderReason(secret) || encodedPlainTextReason(secret)) return null;
  return { confidence: 'medium', reason: `random bearer token (${s.length} chars, ${s.entropy.toFixed(1)} bits/char) in an Authorization header` };
}

export const detector: Detector = {
  id: 'bearer-token-header',
  family: 'legacy-credential',
  provider: 'Generic',
  title: 'Bearer token in an HTTP Authorization header',
  severity: 'high',
  tier: 'legacy',
  docs: 'https://datatracker.ietf.org/doc/html/rfc6750#section-2.1',
  revoke:
    'Find the service the request goes to (the URL beside the header says), revoke the token or the key that issued it there, and read it from a secret store.',
  keywords: ['bearer'],
  keywordsIgnoreCase: true,
  // `Authorization: Bearer <token>` in curl commands, HTTP dumps, code and config; RFC 6750's b64token alphabet.
  pattern: String.raw`${caseless('bearer')}[ \t]+(?P<secret>[A-Za-z0-9._~+/-]+=*)`,
  alphabet: 'A-Za-z0-9._~+/=-',
  window: { before: 0, after: 2060 },
  // A space or tab right after the word: `BearerToken`, `bearer_token` and `bearer(` never reach RE2.
  requires: { anyOf: ' \t', within: 1 },
  validate: validateBearerToken,
};
