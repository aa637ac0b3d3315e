import type { Candidate, Detector, Verdict } from '../types.js';

/**
 * A password saved in a Firefox profile's logins.json: `encryptedPassword`
 * is base64 of a DER structure (SEQUENCE: key id, algorithm, ciphertext)
 * encrypted with a key from the profile's key4.db. Unless the profile has a
 * primary password, that key decrypts with no secret at all, so a
 * logins.json committed with (or without, until someone finds the other)
 * its key4.db is the passwords in clear.
 */
export function validateFirefoxLogin({ secret }: Candidate): Verdict | null {
  if (secret.length % 4 !== 0 || secret.length > 4096) return null;
  const der = Buffer.from(secret, 'base64');
  // SEQUENCE with a definite length that spans the rest: short form, or long form with one or two length bytes.
  if (der.length < 32 || der[0] !== 0x30) return null;
  const first = der[1]!;
  const [length, header] = first < 0x80 ? [first, 2] : first === 0x81 ? [der[2]!, 3] : first === 0x82 ? [(der[2]! << 8) | der[3]!, 4] : [-1, 0];
  if (length + header !== der.length) return null;
  return { confidence: 'medium', reason: 'Firefox saved password (logins.json), decryptable with the profile\'s key4.db unless it has a primary password' };
}

export const detector: Detector = {
  id: 'firefox-saved-login',
  family: 'firefox-saved-login',
  provider: 'Mozilla Firefox',
  title: 'Firefox saved password (logins.json)',
  severity: 'high',
  tier: 'legacy',
  docs: 'https://support.mozilla.org/kb/profiles-where-firefox-stores-user-data',
  revoke:
    'Change every password saved in the profile on the sites it lists (hostname), remove logins.json and key4.db from the repository and its history, and set a primary password on the profile.',
  keywords: ['"encryptedPassword"'],
  pattern: String.raw`"encryptedPassword"[ \t]*:[ \t]*"(?P<secret>M[A-Za-z0-9+/]{30,}={0,2})"`,
  alphabet: '',
  window: { before: 0, after: 1200 },
  validate: validateFirefoxLogin,
};
