import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/engine.js';
import { ALPHA, TokenFactory } from '../../test/support/token-factory.js';
import { detector } from './detector.js';

const engine = createEngine([detector]);
const scan = (text: string) => engine.scan(Buffer.from(text, 'latin1'));

describe('aws-access-key companion', () => {
  const t = new TokenFactory('aws-access-key-companion');
  const keyId = () => 'AKIA' + t.chars(ALPHA.base32Upper, 16);

  it('does not take a git object id next to the key for its secret', () => {
    const id = keyId();
    const sha = t.chars(ALPHA.hexLower, 40);
    const found = scan(`# rotated in ${sha}\naws_access_key_id = ${id}\n`);
    expect(found.map((m) => m.secret)).toEqual([id]);
    expect(found[0]!.companion).toBeUndefined();
  });

  it('does not take the documented example secret', () => {
    const id = keyId();
    const docSecret = ['wJalrXUtnFEMI', 'K7MDENG', 'bPxRfiCYEXAMPLEKEY'].join('/');
    const found = scan(`aws_access_key_id = ${id}\naws_secret_access_key = ${docSecret}\n`);
    expect(found).toHaveLength(1);
    expect(found[0]!.companion).toBeUndefined();
  });

  it('pairs each key id with its own nearest secret', () => {
    const a = [keyId(), t.chars(ALPHA.base64, 40)] as const;
    const b = [keyId(), t.chars(ALPHA.base64, 40)] as const;
    const text = `[prod]\naws_access_key_id=${a[0]}\naws_secret_access_key=${a[1]}\n\n[dev]\naws_access_key_id=${b[0]}\naws_secret_access_key=${b[1]}\n`;
    const found = scan(text);
    expect(found.map((m) => [m.secret, m.companion?.value])).toEqual([
      [a[0], a[1]],
      [b[0], b[1]],
    ]);
  });

  it('ignores a 40-character window cut out of a longer base64 run', () => {
    const id = keyId();
    const blob = t.chars(ALPHA.base64, 120);
    const found = scan(`aws_access_key_id=${id}\ncert=${blob}\n`);
    expect(found[0]!.companion).toBeUndefined();
  });
});
