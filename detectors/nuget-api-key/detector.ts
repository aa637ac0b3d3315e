import type { Detector } from '../types.js';

/**
 * nuget.org API keys (NuGetGallery ApiKeyV4): lowercase RFC 4648 base32 of
 * "v4" + 10 non-zero random bytes (20 characters, 4 unused trailing bits),
 * then base32 of 16 random bytes (26 characters, 2 unused trailing bits).
 * The "v4" bytes make every key start with `oy2`. The pattern accepts any
 * lowercase alphanumerics so that look-alikes reach the structure check.
 */
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32Values(text: string): number[] | null {
  const out: number[] = [];
  for (const ch of text) {
    const v = BASE32.indexOf(ch);
    if (v === -1) return null;
    out.push(v);
  }
  return out;
}

function idBytes(values: readonly number[]): number[] {
  let acc = 0;
  let bits = 0;
  const out: number[] = [];
  for (const v of values) {
    acc = ((acc << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return out;
}

export const detector: Detector = {
  id: 'nuget-api-key',
  family: 'nuget-api-key',
  provider: 'NuGet',
  title: 'nuget.org API key',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://learn.microsoft.com/nuget/nuget-org/scoped-api-keys',
  revoke: 'Delete or regenerate the key at https://www.nuget.org/account/apikeys; nuget.org also revokes keys reported to it.',
  keywords: ['oy2'],
  pattern: '(?P<secret>oy2[a-z0-9]{43})',
  alphabet: 'A-Za-z0-9',
  window: { before: 0, after: 43 },
  validate: ({ secret }) => {
    const values = base32Values(secret);
    if (!values) return null;
    // Unused trailing bits of both base32 parts are zero.
    if ((values[19]! & 0x0f) !== 0 || (values[45]! & 0x03) !== 0) return null;
    const id = idBytes(values.slice(0, 20));
    if (id[0] !== 0x76 || id[1] !== 0x34 || id.length !== 12) return null;
    if (id.slice(2).includes(0)) return null; // generated with GetNonZeroBytes
    return { confidence: 'high', reason: 'ApiKeyV4 structure: base32 "v4" id of non-zero bytes and a 16-byte password' };
  },
  // The random characters of both parts: the id's after `oy2` and its half-fixed 4th character, and
  // the password's, less each part's last character (mostly unused bits).
  randomPart: {
    alphabet: BASE32,
    minLength: 40,
    maxLength: 40,
    of: (secret) => secret.slice(4, 19) + secret.slice(20, 45),
  },
};
