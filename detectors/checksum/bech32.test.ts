import { describe, expect, it } from 'vitest';
import { bech32Decode, bech32Encode, convertBits } from './bech32.js';

// Test vectors from BIP-173 ("Test vectors" section), independent of this implementation.
const VALID = [
  'A12UEL5L',
  'a12uel5l',
  'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw',
  'split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w',
  '?1ezyfcl',
];
const INVALID = [
  'pzry9x0s0muk', // no separator
  '1pzry9x0s0muk', // empty HRP
  'x1b4n0q5v', // invalid data character
  'li1dgmt3', // checksum too short
  'A1G7SGD8', // checksum computed with an uppercase HRP
  'A12uEL5L', // mixed case
];

describe('bech32', () => {
  it('accepts the BIP-173 valid vectors and rejects the invalid ones', () => {
    expect(VALID.filter((v) => bech32Decode(v) === null)).toEqual([]);
    expect(INVALID.filter((v) => bech32Decode(v) !== null)).toEqual([]);
  });

  it('round-trips bytes through encode and decode', () => {
    const bytes = Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff);
    const words = convertBits(bytes, 8, 5, true)!;
    const text = bech32Encode('test-hrp', words);
    const decoded = bech32Decode(text)!;
    expect(decoded.hrp).toBe('test-hrp');
    expect(convertBits(decoded.words, 5, 8, false)).toEqual(bytes);
    // One changed character breaks the checksum.
    const flipped = text.slice(0, -1) + (text.endsWith('q') ? 'p' : 'q');
    expect(bech32Decode(flipped)).toBeNull();
  });
});
