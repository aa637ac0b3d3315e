import type { Detector, Verdict } from '../types.js';
import { ENTRA_SECRET_ALPHABET, hasValidEntraSecretChecksum } from '../checksum/entra-client-secret.js';

const VALID: Verdict = { confidence: 'high', reason: '8Q~ signature and Marvin32 checksum' };

/**
 * Microsoft Entra ID (Azure AD) application client secrets, current format
 * (security-utilities SEC101/156): 40 characters of `A-Za-z0-9.-_~` with `8Q~`
 * at offset 3, the last 3 being a checksum. The older `7Q~` form (37
 * characters) has no checksum and is not covered here.
 */
export const detector: Detector = {
  id: 'entra-client-secret',
  family: 'entra-client-secret',
  provider: 'Microsoft Entra ID',
  title: 'Microsoft Entra ID client secret',
  severity: 'critical',
  tier: 'identifiable',
  docs: 'https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials',
  revoke:
    'Delete the secret in the Microsoft Entra admin center (App registrations > the app > Certificates & secrets > Client secrets > Delete) or with `az ad app credential delete`, after adding a new one (or a certificate / federated credential) for the app.',
  keywords: ['8Q~'],
  pattern: '(?P<secret>[A-Za-z0-9_~.-]{3}8Q~[A-Za-z0-9_~.-]{34})',
  // security-utilities also treats `+` and `/` as part of a longer run here.
  alphabet: 'A-Za-z0-9_~.+/-',
  window: { before: 3, after: 34 },
  validate: ({ secret }) => (hasValidEntraSecretChecksum(secret) ? VALID : null),
  // The 34 random characters: 3 before the `8Q~` signature and 31 after it, before the checksum.
  randomPart: {
    alphabet: ENTRA_SECRET_ALPHABET,
    minLength: 34,
    maxLength: 34,
    of: (secret) => (secret.length === 40 ? secret.slice(0, 3) + secret.slice(6, 37) : null),
  },
};
