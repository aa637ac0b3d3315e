import { describe, expect, it } from 'vitest';
import { ENTRA_SECRET_ALPHABET, entraSecretChecksum, hasValidEntraSecretChecksum } from './entra-client-secret.js';
import { TokenFactory } from '../../test/support/token-factory.js';

/**
 * microsoft/security-utilities publishes one current-format example with a
 * valid checksum: `AadClientAppIdentifiableCredentials.GenerateTruePositiveExamples`
 * (SEC101_156_AzureClientAppIdentifiableCredentials.cs), `zzz` + `8Q~` + 31 `z` + `blP`.
 * Built here from its parts.
 */
const PUBLISHED = 'zzz' + '8Q~' + 'z'.repeat(31) + 'blP';

describe('Entra ID client secret checksum', () => {
  it('accepts the example security-utilities publishes', () => {
    expect(PUBLISHED).toHaveLength(40);
    expect(hasValidEntraSecretChecksum(PUBLISHED)).toBe(true);
    expect(entraSecretChecksum(PUBLISHED.slice(0, 37))).toBe('blP');
  });

  it('rejects the same text with any checksum character changed, another signature or another length', () => {
    for (let at = 37; at < 40; at++) {
      expect(hasValidEntraSecretChecksum(PUBLISHED.slice(0, at) + 'Q' + PUBLISHED.slice(at + 1))).toBe(false);
    }
    expect(hasValidEntraSecretChecksum(PUBLISHED.replace('8Q~', '9Q~'))).toBe(false);
    expect(hasValidEntraSecretChecksum(`${PUBLISHED}a`)).toBe(false);
    // A fabricated all-`z` secret (security-utilities' Rust scan test) has no valid checksum.
    expect(hasValidEntraSecretChecksum('zzz' + '8Q~' + 'z'.repeat(34))).toBe(false);
  });

  it('writes the checksum most significant digit first, left-padded with the first alphabet character', () => {
    // A checksum below 66^5 has 5 digits and so starts with the pad character `a`;
    // about 70% of checksums (0..2^32) start with a, b, c or d.
    const t = new TokenFactory('entra');
    const firsts = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const first37 = `${t.chars(ENTRA_SECRET_ALPHABET, 3)}8Q~${t.chars(ENTRA_SECRET_ALPHABET, 31)}`;
      firsts.add(entraSecretChecksum(first37)[0]!);
    }
    expect([...firsts].sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});
