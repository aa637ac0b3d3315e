import { describe, expect, it } from 'vitest';
import { ALPHA, TokenFactory } from '../../test/support/token-factory.js';
import { looksGenerated } from './token-shape.js';

describe('looksGenerated', () => {
  it('accepts random bodies of every alphabet and length the fixed-prefix detectors use', () => {
    const t = new TokenFactory('token-shape');
    const shapes: Array<[string, number]> = [
      [ALPHA.base32Upper, 16],
      [ALPHA.base64url, 20],
      [ALPHA.base62, 24],
      [ALPHA.hexLower, 32],
      [ALPHA.base64, 40],
      [ALPHA.hexLower, 64],
      [ALPHA.base64url, 93],
    ];
    const rejected: string[] = [];
    for (const [alphabet, length] of shapes) {
      for (let i = 0; i < 20_000; i++) {
        if (!looksGenerated(t.chars(alphabet, length))) rejected.push(`${alphabet.length}x${length}`);
      }
    }
    expect(rejected).toEqual([]);
  });

  it('rejects typed placeholders', () => {
    const typed = [
      'XXXXXXXXXXXXXXXXXXXXXXXX',
      'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      '00000000000000000000000000000000',
      '1234567890abcdefghijklmn',
      'zyxwvutsrqponmlkjihgfedc',
      'abcabcabcabcabcabcabcabc',
      'IOSFODNN7EXAMPLE',
      'my-token-goes-here-xxxxxx-please',
      'aaaaaaaB3kQ9zR1mT5vW8yP2',
    ];
    expect(typed.filter((s) => looksGenerated(s))).toEqual([]);
  });
});
