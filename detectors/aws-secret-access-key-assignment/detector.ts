import type { Candidate, Detector, Verdict } from '../types.js';
import { caselessAny } from '../builders/ascii-caseless.js';
import { charClasses, shannonEntropy, strengthOf } from '../builders/entropy.js';
import { encodedPlainTextReason, placeholderReason } from '../builders/placeholder.js';
import { keyWords } from '../builders/assignment.js';

/** Key names that say "AWS secret access key" outright; `secret_key` alone is only medium evidence. */
const EXPLICIT_KEY = /aws.?secret|secret.?access.?key/i;

/** Lengths of S3-compatible stores' secrets kept under the AWS names (Backblaze B2 31, DigitalOcean Spaces 43, Cloudflare R2 64, MinIO any). */
const OTHER_MIN = 16;
const OTHER_MAX = 128;

/**
 * A value of another length than AWS's 40 under an explicit AWS key name
 * (`aws_secret_access_key = ...` in a credentials file, `AWS_SECRET_ACCESS_KEY=`):
 * the same files and variables hold S3-compatible stores' secrets, which
 * are as much a credential. Random-looking ones only, with low confidence.
 */
function otherLengthSecret(secret: string, key: string, padded: boolean): Verdict | null {
  if (!EXPLICIT_KEY.test(key) || secret.length < OTHER_MIN || secret.length > OTHER_MAX) return null;
  // Padded base64 is encoded key material (KMS external key store credentials in the SDKs' examples), not a store's secret.
  if (padded) return null;
  if (strengthOf(secret).strength !== 'random' || encodedPlainTextReason(secret)) return null;
  const hex = /^[0-9a-f]+$/i.test(secret);
  // Hex secrets come in whole bytes of a generator (MinIO 32, IBM COS 48, Cloudflare R2 64); others mix every class, as AWS's do.
  if (hex ? ![32, 48, 64].includes(secret.length) : !(/[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret))) return null;
  return {
    confidence: 'low',
    reason: `${secret.length}-character ${hex ? 'hex' : 'base64'} value assigned to "${key}" (not AWS's 40-character format; an S3-compatible store's secret?)`,
  };
}

export function validateAwsSecret({ secret, groups, matchText }: Candidate): Verdict | null {
  const key = groups['key'] ?? '';
  const words = keyWords(key);
  if (words.some((w) => ['id', 'name', 'arn', 'path', 'file', 'env', 'var', 'ref', 'length', 'param'].includes(w))) return null;
  if (placeholderReason(secret)) return null;
  // The pattern takes base64 padding after the value into the match, not the secret.
  if (secret.length !== 40) return otherLengthSecret(secret, key, matchText.endsWith('='));
  const explicit = EXPLICIT_KEY.test(key);
  // S3-compatible stores (MinIO, Ceph RGW and others) accept other secrets under the same names; 40 hex is a common shape there.
  if (/^[0-9a-f]{40}$/.test(secret)) {
    if (!explicit || shannonEntropy(secret) < 3.2) return null;
    return { confidence: 'low', reason: `40-character hex value assigned to "${key}" (not AWS's format; an S3-compatible store's secret?)` };
  }
  // An AWS secret access key is 40 characters of base64 from a random source: upper, lower and
  // digit all show up in all but about 0.1% of real keys.
  const cls = charClasses(secret);
  if (!(cls.lower && cls.upper && cls.digit)) return null;
  if (shannonEntropy(secret) < 4.0) return null;
  return {
    confidence: explicit ? 'high' : 'medium',
    reason: `40-character base64 value assigned to "${key}"`,
  };
}

const KEY_WORDS = ['secret_access_key', 'secretaccesskey', 'secret-access-key', 'aws_secret', 'aws-secret', 'awssecret', 'secret_key'];

export const detector: Detector = {
  id: 'aws-secret-access-key-assignment',
  family: 'aws-secret-access-key',
  provider: 'Amazon Web Services',
  title: 'AWS secret access key assigned to its key name',
  severity: 'critical',
  tier: 'legacy',
  docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
  revoke:
    'Deactivate and delete the access key in IAM (Users > Security credentials), check CloudTrail for its use, and move the workload to a role.',
  keywords: KEY_WORDS,
  keywordsIgnoreCase: true,
  pattern:
    String.raw`(?P<key>[\w.\-]*${caselessAny(KEY_WORDS)}[\w.\-]*)` +
    // 40 characters for AWS; other lengths for S3-compatible stores (the validator bounds them), and any `=` padding.
    String.raw`(?:\\?["'\]]){0,2}[ \t]*(?:=>|:=|=|:|,|[ \t]|\r?\n[ \t]*value[ \t]*:)[ \t]*(?:\\?["'])?(?P<secret>[A-Za-z0-9/+]{16}[A-Za-z0-9/+]*)=*`,
  alphabet: 'A-Za-z0-9/+',
  window: { before: 40, after: 240 },
  validate: validateAwsSecret,
  companion: {
    name: 'access_key_id',
    pattern: String.raw`(?P<secret>(?:AKIA|ASIA)[A-Z2-7]{16})`,
    window: 400,
    alphabet: 'A-Za-z0-9',
  },
};
