import type { Detector, Verdict } from '../types.js';
import { decodeBase64JsonObject } from '../decode/json.js';

const HEX = '0123456789abcdef';
const MATCH: Verdict = { confidence: 'high', reason: 'ops_ + base64 JSON holding a service account\'s sign-in details (1Password)' };

/**
 * The SRP-x of a service-account token (64 hex, derived from the account's
 * secrets), or null when the base64 is not a token's JSON: an object with an
 * email, `srpX`, the master unlock key `muk` and the account's Secret Key.
 */
export function serviceAccountSrpX(secret: string): string | null {
  const parsed = decodeBase64JsonObject(secret.slice(4));
  if (parsed === null) return null;
  const { email, srpX, muk, secretKey } = parsed;
  if (typeof email !== 'string' || !email.includes('@')) return null;
  if (typeof srpX !== 'string' || !/^[0-9a-f]{64}$/.test(srpX)) return null;
  if (typeof muk !== 'object' || muk === null || typeof (muk as Record<string, unknown>)['k'] !== 'string') return null;
  if (typeof secretKey !== 'string' || !/^A3-[A-Z0-9-]{30,40}$/.test(secretKey)) return null;
  return srpX;
}

/**
 * 1Password service account token: `ops_` + the base64 of a JSON object with
 * everything needed to sign in as the service account (sign-in address,
 * email, SRP-x, the master unlock key and the account's Secret Key), so it
 * always starts `ops_eyJ`. The validator decodes it and checks those fields.
 */
export const detector: Detector = {
  id: 'onepassword-service-account-token',
  family: 'onepassword-credential',
  provider: '1Password',
  title: '1Password service account token',
  severity: 'critical',
  tier: 'identifiable',
  docs: 'https://developer.1password.com/docs/service-accounts/security/',
  revoke:
    'Revoke the token on the service account\'s page in 1Password.com (Developer > Directory > the service account > Revoke token), then create a new token and review the vaults it could read.',
  keywords: ['ops_eyJ'],
  // About 600 to 1,000 bytes of JSON: 800 to 1,400 base64 characters, unpadded.
  pattern: '(?P<secret>ops_eyJ[A-Za-z0-9+/_-]{200,}={0,2})',
  alphabet: 'A-Za-z0-9+/_-',
  window: { before: 0, after: 3000 },
  validate: ({ secret }) => (serviceAccountSrpX(secret) === null ? null : MATCH),
  randomPart: { alphabet: HEX, minLength: 64, maxLength: 64, of: (secret) => serviceAccountSrpX(secret) },
};
