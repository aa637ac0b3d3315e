import { decodeBase64 } from '../decode/base64.js';

/** node:crypto, loaded on first use (only an unencrypted .ppk's MAC needs it), not at start-up. */
let nodeCrypto: typeof import('node:crypto') | undefined;

/**
 * PuTTY `.ppk` private key files, versions 2 and 3 (PuTTY manual, appendix C).
 * The Private-MAC covers algorithm, encryption, comment, public blob and the
 * private blob. For unencrypted files its key is fixed: version 2 uses
 * HMAC-SHA-1 keyed with SHA-1("putty-private-key-file-mac-key"), version 3
 * HMAC-SHA-256 with an empty key. So an unencrypted file is validated by its
 * MAC; an encrypted one (key derived from the passphrase) by its structure.
 */
export interface PpkStructure {
  readonly version: 2 | 3;
  readonly encrypted: boolean;
  readonly algorithm: string;
}

export const PPK_KEYWORD = 'PuTTY-User-Key-File-';
export const PPK_PATTERN = '(?P<secret>PuTTY-User-Key-File-[23]: [A-Za-z0-9@.-]{3,64}[\\s\\S]*?Private-MAC: [0-9a-f]{40,64})';
/** A 4096-bit RSA .ppk is about 3.3 KB; 8 KiB leaves room for CRLF and escaped line breaks. */
export const PPK_WINDOW_AFTER = 8192;

function sshString(bytes: Uint8Array, pos: number): { value: Uint8Array; next: number } | null {
  if (pos + 4 > bytes.length) return null;
  const n = ((bytes[pos]! << 24) | (bytes[pos + 1]! << 16) | (bytes[pos + 2]! << 8) | bytes[pos + 3]!) >>> 0;
  if (pos + 4 + n > bytes.length) return null;
  return { value: bytes.subarray(pos + 4, pos + 4 + n), next: pos + 4 + n };
}

function withLength(data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  return Buffer.concat([len, data]);
}

export function parsePpk(text: string): PpkStructure | null {
  const lines = text.replace(/\\r\\n|\\n|\\r/g, '\n').split(/\r\n|\r|\n/);
  let i = 0;
  const next = (): string | undefined => lines[i++];
  const field = (name: string): string | null => {
    const line = next();
    return line !== undefined && line.startsWith(`${name}: `) ? line.slice(name.length + 2) : null;
  };
  const head = /^PuTTY-User-Key-File-([23]): (\S+)$/.exec(next() ?? '');
  if (!head) return null;
  const version = head[1] === '2' ? 2 : 3;
  const algorithm = head[2]!;
  const encryption = field('Encryption');
  const comment = field('Comment');
  if ((encryption !== 'none' && encryption !== 'aes256-cbc') || comment === null) return null;
  const readBlob = (name: string): Uint8Array | null => {
    const count = Number(field(name));
    if (!Number.isInteger(count) || count < 1 || count > 200) return null;
    const body = lines.slice(i, i + count);
    i += count;
    return body.length === count ? decodeBase64(body.join('')) : null;
  };
  const pub = readBlob('Public-Lines');
  if (!pub) return null;
  // The public blob is an SSH public key whose first string names the algorithm.
  const alg = sshString(pub, 0);
  if (!alg || Buffer.from(alg.value).toString('latin1') !== algorithm) return null;
  if (encryption !== 'none' && version === 3) {
    for (const name of ['Key-Derivation', 'Argon2-Memory', 'Argon2-Passes', 'Argon2-Parallelism', 'Argon2-Salt']) {
      if (field(name) === null) return null;
    }
  }
  const priv = readBlob('Private-Lines');
  const mac = field('Private-MAC');
  if (!priv || mac === null || mac.length !== (version === 2 ? 40 : 64)) return null;
  if (encryption !== 'none') {
    return priv.length % 16 === 0 ? { version, encrypted: true, algorithm } : null;
  }
  const macData = Buffer.concat([
    withLength(Buffer.from(algorithm, 'latin1')),
    withLength(Buffer.from(encryption, 'latin1')),
    withLength(Buffer.from(comment, 'latin1')),
    withLength(pub),
    withLength(priv),
  ]);
  nodeCrypto ??= process.getBuiltinModule('node:crypto');
  const { createHash, createHmac } = nodeCrypto;
  const expected =
    version === 2
      ? createHmac('sha1', createHash('sha1').update('putty-private-key-file-mac-key').digest()).update(macData).digest('hex')
      : createHmac('sha256', Buffer.alloc(0)).update(macData).digest('hex');
  return expected === mac ? { version, encrypted: false, algorithm } : null;
}
