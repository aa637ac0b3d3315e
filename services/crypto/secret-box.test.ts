import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { KeyRing, keyId, open, parseKey, seal, sealedKeyId, SecretBoxError } from './secret-box.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return (err as SecretBoxError).code;
  }
  return undefined;
}

describe('secret box', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);

  it('seals and opens, naming the key, with a fresh IV each time', () => {
    const ring = new KeyRing([k1]);
    const a = seal(ring, 'value-1', 'fp1');
    const b = seal(ring, 'value-1', 'fp1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('value-1');
    expect(sealedKeyId(a)).toBe(keyId(k1));
    expect(open(ring, a, 'fp1')).toBe('value-1');
  });

  it('refuses a value moved to another record or tampered with', () => {
    const ring = new KeyRing([k1]);
    const sealed = seal(ring, 'value-1', 'fp1');
    expect(codeOf(() => open(ring, sealed, 'fp2'))).toBe('SECRET_DECRYPT_FAILED');
    const parts = sealed.split('.');
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    parts[3] = ct.toString('base64url');
    expect(codeOf(() => open(ring, parts.join('.'), 'fp1'))).toBe('SECRET_DECRYPT_FAILED');
    expect(codeOf(() => open(ring, 'garbage', 'fp1'))).toBe('SECRET_SEALED_MALFORMED');
  });

  it('rotates: the new key seals, the old one still opens, a missing key is named', () => {
    const old = new KeyRing([k1]);
    const sealedOld = seal(old, 'v', 'fp');
    const rotated = new KeyRing([k2, k1]);
    expect(rotated.current.id).toBe(keyId(k2));
    expect(open(rotated, sealedOld, 'fp')).toBe('v');
    expect(sealedKeyId(seal(rotated, 'v', 'fp'))).toBe(keyId(k2));
    expect(codeOf(() => open(new KeyRing([k2]), sealedOld, 'fp'))).toBe('SECRET_KEY_UNKNOWN');
  });

  it('parses 32-byte keys as hex or base64 and rejects anything else', () => {
    expect(parseKey(k1.toString('hex')).equals(k1)).toBe(true);
    expect(parseKey(k1.toString('base64')).equals(k1)).toBe(true);
    expect(parseKey(k1.toString('base64url')).equals(k1)).toBe(true);
    expect(codeOf(() => parseKey(randomBytes(16).toString('hex')))).toBe('SECRET_KEY_INVALID');
    expect(codeOf(() => parseKey('not a key'))).toBe('SECRET_KEY_INVALID');
  });

  it('shows no key material when a ring is logged or serialized', () => {
    const ring = new KeyRing([k1]);
    const text = JSON.stringify(ring) + inspect(ring, { depth: 5 }) + inspect(ring.current.id);
    expect(text).not.toContain(k1.toString('hex'));
    expect(text).not.toContain(k1.toString('base64'));
    expect(JSON.stringify(ring)).not.toMatch(/"data"/);
  });
});
