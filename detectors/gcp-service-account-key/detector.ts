import { placeholderJudge } from '../builders/placeholder-token.js';
import type { Candidate, Detector, Verdict } from '../types.js';

/**
 * A Google Cloud service-account key file: a flat JSON object with
 * `"type": "service_account"` and a `private_key` PEM (plus `private_key_id`,
 * `client_email`, ...), as `gcloud iam service-accounts keys create` and the
 * console write it. It leaks as a file, pretty-printed or on one line, and as
 * a string inside other JSON, YAML or an environment variable, where its
 * quotes and `\n` escapes are escaped once more: every quote here may carry
 * backslashes before it. (Base64-wrapped copies are found by the engine's
 * decoding pass.)
 *
 * The secret is the `private_key` value as written. The match spans the
 * whole object, so the fields may come in any order (some tools sort them);
 * the validator requires the service-account type, a key id or a
 * service-account e-mail, and a key whose DER framing is consistent, so a
 * `-----BEGIN PRIVATE KEY-----\nMIIE...` stub or a truncated key is not a
 * finding. No placeholder judgment: the secret is key material whose DER
 * framing the validator checks, like the private-key detectors.
 */
const Q = '\\\\*"';
const PATTERN =
  `\\{(?P<before>[^{}]*?)${Q}private_key${Q}\\s*:\\s*${Q}` +
  '(?P<secret>-----BEGIN (?:RSA )?PRIVATE KEY-----(?:[A-Za-z0-9+/=]|\\\\+[nr]|\\s)+-----END (?:RSA )?PRIVATE KEY-----(?:\\\\+n)?)' +
  `${Q}(?P<after>[^{}]*)\\}`;

const TYPE = /\\*"type\\*"\s*:\s*\\*"service_account\\*"/;
const KEY_ID = /\\*"private_key_id\\*"\s*:\s*\\*"([0-9a-f]{40})\\*"/;
const EMAIL = /\\*"client_email\\*"\s*:\s*\\*"[^"\\@\s]+@[^"\\@\s]+\.gserviceaccount\.com\\*"/;
const PEM = /^-----BEGIN (?:RSA )?PRIVATE KEY-----([\s\S]*)-----END (?:RSA )?PRIVATE KEY-----/;

const KEY_ID_JUDGE = placeholderJudge({ alphabet: '0123456789abcdef', minLength: 40, maxLength: 40 });

const MATCH: Verdict = { confidence: 'high', reason: 'service-account key JSON with a well-formed private key' };

/** The base64 body of the PEM decodes to a DER SEQUENCE whose length field covers exactly the bytes, starting with version 0. */
export function hasDerPrivateKey(pem: string): boolean {
  const m = PEM.exec(pem);
  if (!m) return false;
  const b64 = m[1]!.replace(/\\+[nr]|\s/g, '');
  if (b64.length < 200 || b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return false;
  const der = Buffer.from(b64, 'base64');
  if (der[0] !== 0x30) return false;
  let length: number;
  let header: number;
  if (der[1] === 0x82) [length, header] = [(der[2]! << 8) | der[3]!, 4];
  else if (der[1] === 0x83) [length, header] = [(der[2]! << 16) | (der[3]! << 8) | der[4]!, 5];
  else return false;
  // version INTEGER 0 (PKCS#8 and PKCS#1 both open with it).
  return header + length === der.length && der[header] === 0x02 && der[header + 1] === 0x01 && der[header + 2] === 0x00;
}

function fields(groups: Candidate['groups']): string {
  return `${groups['before'] ?? ''}\n${groups['after'] ?? ''}`;
}

export const detector: Detector = {
  id: 'gcp-service-account-key',
  family: 'gcp-service-account-key',
  provider: 'Google Cloud',
  title: 'Google Cloud service account key (JSON)',
  severity: 'critical',
  tier: 'identifiable',
  docs: 'https://cloud.google.com/iam/docs/keys-create-delete',
  revoke:
    'Delete the key (IAM & Admin > Service accounts > the account > Keys, or `gcloud iam service-accounts keys delete KEY_ID --iam-account=EMAIL`), check the account\'s activity in Cloud Audit Logs, and prefer workload identity federation to key files.',
  keywords: ['"service_account'],
  // The keyword is the value's opening quote and name; a quote (or the backslash of an escaped one) follows.
  requires: { anyOf: '"\\', within: 1 },
  pattern: PATTERN,
  alphabet: '',
  window: { before: 8192, after: 8192 },
  validate: ({ secret, groups }) => {
    const rest = fields(groups);
    if (!TYPE.test(rest)) return null;
    // A key id counts only when it looks drawn (a template's `000…` does not).
    const keyId = KEY_ID.exec(rest)?.[1];
    if ((keyId === undefined || KEY_ID_JUDGE.reason(keyId) !== null) && !EMAIL.test(rest)) return null;
    return hasDerPrivateKey(secret) ? MATCH : null;
  },
};
