import type { Candidate, Detector, Verdict } from '../types.js';
import { looksGenerated } from '../builders/token-shape.js';
import { slicedRandomPart } from '../builders/random-part.js';
import { CHARS } from '../builders/token-row.js';

/**
 * AWS access key id and, when it sits nearby, its secret access key.
 *
 * Key ids are a 4-letter kind prefix (IAM unique-id prefixes: AKIA long-term
 * access key, ASIA temporary STS key, ABIA STS service bearer token, ACCA
 * context-specific credential) and 16 characters of `A-Z2-7`. AWS does not
 * document how the account id is encoded in the rest, so only the shape is
 * checked. The secret access key is 40 characters of `A-Za-z0-9/+`, paired
 * by proximity (the nearest candidate wins).
 */
const PREFIXES = ['AKIA', 'ASIA', 'ABIA', 'ACCA'] as const;

/** The key pair AWS documentation uses in its examples; not a credential. */
const DOCUMENTED_EXAMPLE_SUFFIX = 'EXAMPLE';
const DOCUMENTED_EXAMPLE_SECRET_MARK = 'EXAMPLEKEY';

const KEY_ID: Verdict = { confidence: 'high', reason: 'access key id prefix, alphabet and length' };

function validateKeyId({ secret }: Candidate): Verdict | null {
  if (secret.endsWith(DOCUMENTED_EXAMPLE_SUFFIX)) return null;
  return looksGenerated(secret.slice(4)) ? KEY_ID : null;
}

/**
 * A random 40-character base64 string has both cases with near certainty; a
 * 40-character hex digest (a git SHA-1 next to the key) has not.
 */
function validateSecretKey({ secret }: Candidate): boolean {
  if (secret.includes(DOCUMENTED_EXAMPLE_SECRET_MARK)) return false;
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) && looksGenerated(secret);
}

export const detector: Detector = {
  id: 'aws-access-key',
  family: 'aws-access-key',
  provider: 'Amazon Web Services',
  title: 'AWS access key',
  severity: 'critical',
  tier: 'identifiable',
  docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
  revoke:
    'Deactivate and delete the key in IAM (console: Users > Security credentials, or `aws iam update-access-key --status Inactive` then `aws iam delete-access-key`); for an ASIA key, revoke the role session. Check CloudTrail for use of the key.',
  keywords: [...PREFIXES],
  pattern: `(?P<secret>(?:${PREFIXES.join('|')})[A-Z2-7]{16})`,
  alphabet: 'A-Za-z0-9',
  window: { before: 0, after: 16 },
  validate: validateKeyId,
  companion: {
    name: 'secret-access-key',
    pattern: '(?P<secret>[A-Za-z0-9/+]{40})',
    window: 256,
    alphabet: 'A-Za-z0-9/+',
    validate: validateSecretKey,
  },
  // The 16 characters after the kind prefix.
  randomPart: slicedRandomPart(CHARS.base32Upper.chars, 16, 16, 4),
};
