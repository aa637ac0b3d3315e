/**
 * Key material for examples, generated when tests run (never committed).
 * Example-only: detectors never import this module.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { TokenFactory } from '../../test/support/token-factory.js';

const cache = new Map<string, string>();

function memo(key: string, make: () => string): string {
  let v = cache.get(key);
  if (v === undefined) {
    v = make();
    cache.set(key, v);
  }
  return v;
}

export const rsaPkcs1Pem = (bits: 2048 | 4096 = 2048): string =>
  memo(`rsa${bits}`, () => generateKeyPairSync('rsa', { modulusLength: bits }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());

export const ecSec1Pem = (): string =>
  memo('ec', () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'sec1', format: 'pem' }).toString());

export const ed25519Pkcs8Pem = (): string =>
  memo('ed25519', () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());

export const rsaPkcs8Pem = (): string =>
  memo('rsa-pkcs8', () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());

export const encryptedPkcs8Pem = (): string =>
  memo('enc-pkcs8', () =>
    generateKeyPairSync('ec', { namedCurve: 'P-384' })
      .privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'correct horse battery staple' })
      .toString(),
  );

/** OpenSSL's traditional encrypted PEM: Proc-Type and DEK-Info headers. */
export const legacyEncryptedRsaPem = (): string =>
  memo('enc-legacy', () =>
    generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'hunter2hunter2' })
      .toString(),
  );

function u32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

function sshString(data: number[] | string): number[] {
  const bytes = typeof data === 'string' ? [...Buffer.from(data, 'latin1')] : data;
  return [...u32(bytes.length), ...bytes];
}

function wrapPem(label: string, bytes: number[], width: number): string {
  const b64 = Buffer.from(bytes).toString('base64');
  const lines = b64.match(new RegExp(`.{1,${width}}`, 'g')) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** An `openssh-key-v1` Ed25519 key as ssh-keygen writes it (node cannot export this format). */
export function opensshEd25519Pem(t: TokenFactory, opts: { encrypted?: boolean } = {}): string {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  const pub = [...Buffer.from(jwk.x!, 'base64url')];
  const seed = [...Buffer.from(jwk.d!, 'base64url')];
  const pubBlob = [...sshString('ssh-ed25519'), ...sshString(pub)];
  let priv: number[];
  if (opts.encrypted) {
    priv = [...t.bytes(160)]; // aes256-ctr ciphertext: opaque, a multiple of the block size
  } else {
    const check = t.int(0x7fffffff);
    priv = [...u32(check), ...u32(check), ...sshString('ssh-ed25519'), ...sshString(pub), ...sshString([...seed, ...pub]), ...sshString('deploy@ci')];
    for (let pad = 1; priv.length % 8 !== 0; pad++) priv.push(pad);
  }
  const kdfOptions = opts.encrypted ? [...sshString([...t.bytes(16)]), ...u32(16)] : [];
  const blob = [
    ...Buffer.from('openssh-key-v1\0', 'latin1'),
    ...sshString(opts.encrypted ? 'aes256-ctr' : 'none'),
    ...sshString(opts.encrypted ? 'bcrypt' : 'none'),
    ...sshString(kdfOptions),
    ...u32(1),
    ...sshString(pubBlob),
    ...sshString(priv),
  ];
  return wrapPem('OPENSSH PRIVATE KEY', blob, 70);
}

/** The block without its trailing newline. */
export function block(pem: string): string {
  return pem.replace(/\n$/, '');
}

/** A YAML `|` block scalar: every line indented. */
export function yamlIndent(text: string, indent: string): string {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => indent + l)
    .join('\n');
}
