/**
 * Structure checks for private key material: does a byte string parse as one
 * of the DER private key forms, or as an OpenSSH `openssh-key-v1` blob? Pure
 * and small: tag/length walking only, no cryptography.
 */
export type KeyKind =
  | 'pkcs1-rsa'
  | 'dsa'
  | 'sec1-ec'
  | 'pkcs8'
  | 'pkcs8-encrypted'
  | 'openssh'
  | 'openssh-encrypted'
  | 'legacy-encrypted';

export interface KeyStructure {
  readonly kind: KeyKind;
  readonly encrypted: boolean;
}

interface Tlv {
  readonly tag: number;
  readonly start: number;
  readonly end: number;
}

/** The element at `pos`, or null when its header or length runs past `limit`. */
function readTlv(bytes: Uint8Array, pos: number, limit: number): Tlv | null {
  const tag = bytes[pos];
  if (tag === undefined || (tag & 0x1f) === 0x1f) return null;
  let len = bytes[pos + 1];
  if (len === undefined) return null;
  let start = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 3) return null; // indefinite or absurd lengths
    len = 0;
    for (let i = 0; i < n; i++) {
      const b = bytes[start + i];
      if (b === undefined) return null;
      len = (len << 8) | b;
    }
    start += n;
  }
  const end = start + len;
  return end <= limit ? { tag, start, end } : null;
}

/** Children of a constructed element; null unless they tile it exactly. */
function children(bytes: Uint8Array, parent: Tlv): Tlv[] | null {
  const out: Tlv[] = [];
  let pos = parent.start;
  while (pos < parent.end) {
    const child = readTlv(bytes, pos, parent.end);
    if (!child) return null;
    out.push(child);
    pos = child.end;
  }
  return out;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const OCTET_STRING = 0x04;
const OID = 0x06;

function smallInteger(bytes: Uint8Array, t: Tlv): number | null {
  if (t.tag !== INTEGER || t.end - t.start !== 1) return null;
  return bytes[t.start]!;
}

export function derKeyStructure(bytes: Uint8Array): KeyStructure | null {
  const top = readTlv(bytes, 0, bytes.length);
  if (!top || top.tag !== SEQUENCE || top.end !== bytes.length) return null;
  const items = children(bytes, top);
  if (!items || items.length < 2) return null;
  const [first, second] = items as [Tlv, Tlv, ...Tlv[]];

  // EncryptedPrivateKeyInfo ::= SEQUENCE { AlgorithmIdentifier, OCTET STRING }
  if (items.length === 2 && first.tag === SEQUENCE && second.tag === OCTET_STRING) {
    const alg = children(bytes, first);
    if (alg && alg[0]?.tag === OID && second.end - second.start >= 16) return { kind: 'pkcs8-encrypted', encrypted: true };
    return null;
  }
  const version = smallInteger(bytes, first);
  if (version === null) return null;

  // PrivateKeyInfo / OneAsymmetricKey ::= SEQUENCE { version, AlgorithmIdentifier, OCTET STRING, [0] attrs, [1] publicKey }
  if (second.tag === SEQUENCE && items[2]?.tag === OCTET_STRING && version <= 1) {
    const alg = children(bytes, second);
    const extra = items.slice(3);
    if (alg && alg[0]?.tag === OID && extra.every((e) => e.tag === 0xa0 || e.tag === 0x81 || e.tag === 0xa1)) {
      return { kind: 'pkcs8', encrypted: false };
    }
    return null;
  }
  // ECPrivateKey ::= SEQUENCE { 1, OCTET STRING key, [0] params, [1] publicKey }
  if (version === 1 && second.tag === OCTET_STRING && items.length <= 4) {
    const keyLength = second.end - second.start;
    if (keyLength >= 16 && keyLength <= 72 && items.slice(2).every((e) => e.tag === 0xa0 || e.tag === 0xa1)) {
      return { kind: 'sec1-ec', encrypted: false };
    }
    return null;
  }
  const integers = items.filter((e) => e.tag === INTEGER).length;
  // RSAPrivateKey ::= SEQUENCE { version, n, e, d, p, q, dp, dq, qinv, [otherPrimeInfos] }
  if (version <= 1 && integers === 9 && (items.length === 9 || (items.length === 10 && items[9]!.tag === SEQUENCE))) {
    return second.end - second.start >= 32 ? { kind: 'pkcs1-rsa', encrypted: false } : null;
  }
  // OpenSSL DSA: SEQUENCE { 0, p, q, g, y, x }
  if (version === 0 && items.length === 6 && integers === 6) return { kind: 'dsa', encrypted: false };
  return null;
}

const OPENSSH_MAGIC = 'openssh-key-v1\0';

/** openssh-key-v1: magic, cipher, kdf, kdf options, key count, public keys, private section. */
export function opensshKeyStructure(bytes: Uint8Array): KeyStructure | null {
  if (Buffer.from(bytes.subarray(0, OPENSSH_MAGIC.length)).toString('latin1') !== OPENSSH_MAGIC) return null;
  let pos = OPENSSH_MAGIC.length;
  const u32 = (): number | null => {
    if (pos + 4 > bytes.length) return null;
    const v = ((bytes[pos]! << 24) | (bytes[pos + 1]! << 16) | (bytes[pos + 2]! << 8) | bytes[pos + 3]!) >>> 0;
    pos += 4;
    return v;
  };
  const str = (): Uint8Array | null => {
    const n = u32();
    if (n === null || pos + n > bytes.length) return null;
    const out = bytes.subarray(pos, pos + n);
    pos += n;
    return out;
  };
  const cipher = str();
  const kdf = str();
  const kdfOptions = str();
  const count = u32();
  if (!cipher || !kdf || !kdfOptions || count === null || count < 1 || count > 16) return null;
  for (let i = 0; i < count; i++) if (!str()) return null;
  const priv = str();
  if (!priv || priv.length < 8 || priv.length % 8 !== 0) return null;
  const trailing = bytes.length - pos;
  const cipherName = Buffer.from(cipher).toString('latin1');
  // AEAD ciphers (aes-gcm, chacha20-poly1305) append a 16-byte tag after the private section.
  if (cipherName !== 'none') return trailing === 0 || trailing === 16 ? { kind: 'openssh-encrypted', encrypted: true } : null;
  if (trailing !== 0) return null;
  if (Buffer.from(kdf).toString('latin1') !== 'none') return null;
  // Unencrypted: the two check integers that open the private section are equal.
  const check1 = priv.subarray(0, 4);
  const check2 = priv.subarray(4, 8);
  if (!check1.every((b, i) => b === check2[i])) return null;
  return { kind: 'openssh', encrypted: false };
}
