import type { Candidate, Detector, Verdict } from '../types.js';
import { caseless } from '../builders/ascii-caseless.js';
import { strengthOf } from '../builders/entropy.js';
import { decodeBase64, identifiableFormatReason, isPrintableAscii, placeholderReason, weakPasswordReason } from '../builders/placeholder.js';

export function validateBasicAuth({ secret }: Candidate): Verdict | null {
  if (secret.length < 8 || secret.length > 400) return null;
  const plain = decodeBase64(secret);
  if (plain === null || !isPrintableAscii(plain)) return null;
  const colon = plain.indexOf(':');
  if (colon < 0) return null;
  const user = plain.slice(0, colon);
  const password = plain.slice(colon + 1);
  // API keys are often sent as the user with an empty password (`key:`), or as the password with a fixed user (`api:key`).
  const credential = password.length > 0 ? password : user;
  if (credential.length === 0 || placeholderReason(credential) || identifiableFormatReason(credential)) return null;
  if (placeholderReason(user) && /^[$%{<[]/.test(user)) return null;
  const s = strengthOf(credential);
  const weak = s.strength === 'weak' || weakPasswordReason(credential) !== null;
  if (weak && password.length === 0) return null;
  return {
    confidence: weak ? 'low' : s.strength === 'fair' ? 'medium' : 'high',
    reason: `HTTP Basic credentials (base64 user:password) with a ${weak ? 'weak' : s.strength} ${password.length > 0 ? 'password' : 'key as user name'}`,
  };
}

export const detector: Detector = {
  id: 'basic-auth-header',
  family: 'legacy-credential',
  provider: 'Generic',
  title: 'HTTP Basic credentials in an Authorization header',
  severity: 'medium',
  tier: 'legacy',
  docs: 'https://datatracker.ietf.org/doc/html/rfc7617',
  revoke: 'Change the password (or revoke the key) on the service that accepted the header; base64 is an encoding, not protection.',
  keywords: ['authorization'],
  keywordsIgnoreCase: true,
  // `Authorization: Basic ...` in HTTP dumps and curl, `"Authorization": "Basic ..."` in code and JSON,
  // `setRequestProperty("Authorization", "Basic ...")`, git `http.extraheader="AUTHORIZATION: basic ..."`,
  // nginx `proxy_set_header Authorization "Basic ..."`.
  pattern: String.raw`(?:${caseless('proxy-')})?${caseless('authorization')}(?:\\?["'])?[ \t]*[:=,]?[ \t]*(?:\\?["'])?[ \t]*${caseless('basic')}[ \t]+(?P<secret>[A-Za-z0-9+/]+={0,2})`,
  alphabet: 'A-Za-z0-9+/',
  window: { before: 6, after: 460 },
  validate: validateBasicAuth,
};
