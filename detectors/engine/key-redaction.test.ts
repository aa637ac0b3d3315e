import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ecSec1Pem, opensshEd25519Pem, rsaPkcs1Pem } from '../private-key-pem/examples-keys.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { redact } from './redact.js';

const spkiFingerprint = (pem: string): string =>
  `SHA256:${createHash('sha256').update(createPublicKey(pem).export({ type: 'spki', format: 'der' })).digest('base64').replace(/=+$/, '')}`;

describe('private keys redact to their type and public key fingerprint', () => {
  it('names RSA and EC keys by the SHA-256 of their public key, so two keys are told apart', () => {
    const rsa = rsaPkcs1Pem();
    const ec = ecSec1Pem();
    expect(redact(rsa)).toBe(`RSA private key, public key ${spkiFingerprint(rsa)}`);
    expect(redact(ec)).toBe(`EC private key, public key ${spkiFingerprint(ec)}`);
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(redact(other)).not.toBe(redact(ec));
    for (const key of [rsa, ec, other]) expect(redact(key)).not.toContain(key.split('\n')[1]!.slice(0, 12));
  });

  it('reads an OpenSSH key\'s public half (in clear even when the private part is encrypted), as ssh-keygen -l prints it', () => {
    const t = new TokenFactory('key-redaction');
    const plain = opensshEd25519Pem(t);
    const encrypted = opensshEd25519Pem(t, { encrypted: true });
    expect(redact(plain)).toMatch(/^ssh-ed25519 private key \(OpenSSH\), public key SHA256:[A-Za-z0-9+/]{43}$/);
    expect(redact(encrypted)).toMatch(/^ssh-ed25519 private key \(OpenSSH\), public key SHA256:/);
    expect(redact(plain)).not.toBe(redact(encrypted));
  });

  it('falls back to a digest of the block for encrypted or unparseable keys, and leaves tokens as they were', () => {
    const encrypted = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }).toString();
    expect(redact(encrypted)).toMatch(/^encrypted private key, SHA-256 of the key block [0-9a-f]{16}$/);
    expect(redact('-----BEGIN RSA PRIVATE KEY-----\nnot a key\n-----END RSA PRIVATE KEY-----')).toMatch(/^rsa private key, SHA-256 of the key block [0-9a-f]{16}$/);
    expect(redact('ghp_abcdefghijklmnopqrstuvwxyz0123456789')).toBe('ghp_abcd***');
  });
});
