import type { Detector } from '../types.js';
import { decodeBase64Url } from '../decode/base64.js';
import { parseMacaroonV2 } from './macaroon.js';
import { CHARS } from '../builders/token-row.js';

/** `pypi-` + base64url (no padding) of a binary v2 macaroon whose location is pypi.org. */
const PREFIX = 'pypi-';
const KEYWORD = 'pypi-AgEIcHlwaS5vcmc'; // base64url of 0x02 0x01 0x08 "pypi.org"

export const detector: Detector = {
  id: 'pypi-upload-token',
  family: 'pypi-token',
  provider: 'PyPI',
  title: 'PyPI API token',
  severity: 'critical',
  tier: 'identifiable',
  docs: 'https://pypi.org/help/#apitoken',
  revoke: 'Remove the token in your PyPI account settings (API tokens); PyPI also revokes tokens reported to it through GitHub secret scanning.',
  keywords: [KEYWORD],
  pattern: '(?P<secret>pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{60,})',
  alphabet: 'A-Za-z0-9_-',
  // Tokens scoped to many projects carry long caveats; 2 KiB covers dozens.
  window: { before: 0, after: 2048 },
  validate: ({ secret }) => {
    const bytes = decodeBase64Url(secret.slice(PREFIX.length));
    const macaroon = bytes ? parseMacaroonV2(bytes) : null;
    if (!macaroon || macaroon.location !== 'pypi.org') return null;
    return { confidence: 'high', reason: 'macaroon v2 with location pypi.org and a 32-byte signature' };
  },
  // The macaroon's 32-byte HMAC signature (its last bytes), judged as hex.
  randomPart: {
    alphabet: CHARS.hexLower.chars,
    minLength: 64,
    maxLength: 64,
    of: (secret) => {
      const bytes = decodeBase64Url(secret.slice(PREFIX.length));
      if (!bytes || !parseMacaroonV2(bytes)) return null;
      return Buffer.from(bytes.subarray(bytes.length - 32)).toString('hex');
    },
  },
};
