import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';

/**
 * How a private key is shown instead of its first characters (every PEM key
 * begins `-----BEGIN`, so a prefix tells two keys nothing): its type and the
 * SHA-256 fingerprint of its public key, as `ssh-keygen -l` and code hosts
 * print them (`SHA256:` and unpadded base64), so a person can match it
 * against the keys an account or a server lists. Where the public key cannot
 * be had without the passphrase (encrypted PEM, PGP), a short SHA-256 of the
 * key block itself still tells keys apart. Pure: parsing and hashing only.
 */
export function keyRedaction(secret: string): string | null {
  const pem = /^-----BEGIN ([A-Z0-9 ]+)-----/.exec(secret);
  if (pem) return pemRedaction(secret, pem[1]!);
  const ppk = /^PuTTY-User-Key-File-[23]: ([A-Za-z0-9@.-]+)/.exec(secret);
  if (ppk) return puttyRedaction(secret, ppk[1]!);
  return null;
}

function sshFingerprint(publicBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(publicBlob).digest('base64').replace(/=+$/, '')}`;
}

function blockDigest(secret: string): string {
  return `SHA-256 of the key block ${createHash('sha256').update(secret.replace(/\s+/g, '')).digest('hex').slice(0, 16)}`;
}

function pemRedaction(secret: string, label: string): string {
  const kind = label.replace(/ BLOCK$/, '').toLowerCase().replace('pgp private key', 'PGP private key');
  if (label === 'OPENSSH PRIVATE KEY') {
    const pub = opensshPublicBlob(secret);
    if (pub) return `${pub.type} private key (OpenSSH), public key ${sshFingerprint(pub.blob)}`;
    return `OpenSSH private key, ${blockDigest(secret)}`;
  }
  if (/ENCRYPTED|^PGP/.test(label) || /Proc-Type: 4,ENCRYPTED/.test(secret)) return `${kind}${/ENCRYPTED/.test(secret) && !/ENCRYPTED/.test(label) ? ' (encrypted)' : ''}, ${blockDigest(secret)}`;
  try {
    const key = createPrivateKey({ key: secret, format: 'pem' });
    const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
    const type = key.asymmetricKeyType?.toUpperCase() ?? 'unknown';
    return `${type} private key, public key SHA256:${createHash('sha256').update(spki).digest('base64').replace(/=+$/, '')}`;
  } catch {
    return `${kind}, ${blockDigest(secret)}`;
  }
}

/** The public key blob of an `openssh-key-v1` key (stored in clear even when the private part is encrypted). */
function opensshPublicBlob(secret: string): { type: string; blob: Buffer } | null {
  const body = secret.replace(/-----(BEGIN|END) OPENSSH PRIVATE KEY-----/g, '').replace(/\s+/g, '');
  const raw = Buffer.from(body, 'base64');
  const magic = 'openssh-key-v1\0';
  if (raw.toString('latin1', 0, magic.length) !== magic) return null;
  let at = magic.length;
  const str = (): Buffer | null => {
    if (at + 4 > raw.length) return null;
    const n = raw.readUInt32BE(at);
    if (at + 4 + n > raw.length) return null;
    const out = raw.subarray(at + 4, at + 4 + n);
    at += 4 + n;
    return out;
  };
  // cipher, kdf, kdf options, then the number of keys and the first public key.
  if (!str() || !str() || !str() || at + 4 > raw.length) return null;
  at += 4;
  const blob = str();
  if (!blob || blob.length < 4) return null;
  const typeLength = blob.readUInt32BE(0);
  return { type: blob.toString('latin1', 4, 4 + Math.min(typeLength, 64)), blob };
}

function puttyRedaction(secret: string, algorithm: string): string {
  const m = /Public-Lines: (\d+)\r?\n([\s\S]*?)(?:\r?\nPrivate-Lines:)/.exec(secret);
  if (m) {
    const lines = m[2]!.split(/\r?\n/).slice(0, Number(m[1]));
    const blob = Buffer.from(lines.join(''), 'base64');
    if (blob.length > 0) return `${algorithm} private key (PuTTY), public key ${sshFingerprint(blob)}`;
  }
  return `${algorithm} private key (PuTTY), ${blockDigest(secret)}`;
}
