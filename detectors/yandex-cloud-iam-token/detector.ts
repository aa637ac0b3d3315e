import type { Detector } from '../types.js';

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Yandex Cloud IAM token: `t1.` + a base64url payload + `.` + an 86-character
 * base64url signature. The payload is a serialized message whose first bytes
 * are fixed, so every token starts `t1.9euelZ`; it is 90 to 200 characters
 * long depending on the subject. Tokens live at most 12 hours, but act with
 * the full rights of the account or service account. The random part is
 * the signature (the payload is partly structure).
 */
export const detector: Detector = {
  id: 'yandex-cloud-iam-token',
  family: 'yandex-cloud-iam-token',
  provider: 'Yandex',
  title: 'Yandex Cloud IAM token',
  severity: 'medium',
  tier: 'identifiable',
  docs: 'https://yandex.cloud/en/docs/iam/concepts/authorization/iam-token',
  revoke:
    'Revoke the token with `yc iam revoke-token` (or the IAM API\'s revoke call); if a key or OAuth token was used to obtain it, rotate that too.',
  keywords: ['t1.9euelZ'],
  pattern: '(?P<secret>t1\\.9euelZ[A-Za-z0-9_-]{60,}\\.[A-Za-z0-9_-]{86})',
  alphabet: 'A-Za-z0-9_-',
  window: { before: 0, after: 420 },
  randomPart: { alphabet: URL_SAFE, minLength: 86, maxLength: 86, of: (secret) => secret.slice(-86) },
};
