/**
 * PuTTY key files for examples, built when tests run from keys node:crypto
 * generates. Example-only. The MAC construction here mirrors the manual; the
 * validator was also checked against files written by puttygen 0.78.
 */
import { createHash, createHmac, generateKeyPairSync } from 'node:crypto';
import type { TokenFactory } from '../../test/support/token-factory.js';

function sshString(data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  return Buffer.concat([len, data]);
}

function mpint(b64url: string): Buffer {
  let bytes = Buffer.from(b64url, 'base64url');
  if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return sshString(bytes);
}

function lines(b64: string): string[] {
  return b64.match(/.{1,64}/g) ?? [];
}

export interface PpkOptions {
  version?: 2 | 3;
  algorithm?: 'ssh-rsa' | 'ssh-ed25519';
  encrypted?: boolean;
  comment?: string;
}

export function makePpk(t: TokenFactory, opts: PpkOptions = {}): string {
  const version = opts.version ?? 3;
  const algorithm = opts.algorithm ?? 'ssh-ed25519';
  const comment = opts.comment ?? 'deploy@build-01';
  const encryption = opts.encrypted ? 'aes256-cbc' : 'none';
  let pub: Buffer;
  let priv: Buffer;
  if (algorithm === 'ssh-rsa') {
    const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
    pub = Buffer.concat([sshString(Buffer.from('ssh-rsa')), mpint(jwk.e!), mpint(jwk.n!)]);
    priv = Buffer.concat([mpint(jwk.d!), mpint(jwk.p!), mpint(jwk.q!), mpint(jwk.qi!)]);
  } else {
    const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
    pub = Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(Buffer.from(jwk.x!, 'base64url'))]);
    priv = sshString(Buffer.from(jwk.d!, 'base64url'));
  }
  if (opts.encrypted) {
    // Ciphertext is opaque without the passphrase: random blocks of the right size.
    priv = Buffer.from(t.bytes(Math.ceil((priv.length + 1) / 16) * 16));
  }
  const macData = Buffer.concat([
    sshString(Buffer.from(algorithm)),
    sshString(Buffer.from(encryption)),
    sshString(Buffer.from(comment)),
    sshString(pub),
    sshString(priv),
  ]);
  const mac = opts.encrypted
    ? Buffer.from(t.bytes(version === 2 ? 20 : 32)).toString('hex')
    : version === 2
      ? createHmac('sha1', createHash('sha1').update('putty-private-key-file-mac-key').digest()).update(macData).digest('hex')
      : createHmac('sha256', Buffer.alloc(0)).update(macData).digest('hex');
  const pubLines = lines(pub.toString('base64'));
  const privLines = lines(priv.toString('base64'));
  const kdf =
    opts.encrypted && version === 3
      ? ['Key-Derivation: Argon2id', 'Argon2-Memory: 8192', 'Argon2-Passes: 21', 'Argon2-Parallelism: 1', `Argon2-Salt: ${Buffer.from(t.bytes(16)).toString('hex')}`]
      : [];
  return [
    `PuTTY-User-Key-File-${version}: ${algorithm}`,
    `Encryption: ${encryption}`,
    `Comment: ${comment}`,
    `Public-Lines: ${pubLines.length}`,
    ...pubLines,
    ...kdf,
    `Private-Lines: ${privLines.length}`,
    ...privLines,
    `Private-MAC: ${mac}`,
  ].join('\n');
}
