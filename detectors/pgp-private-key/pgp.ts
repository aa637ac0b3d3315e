import type { Detector, DetectorMeta } from '../types.js';
import { decodeBase64 } from '../decode/base64.js';
import { pemBodyLines } from '../private-key-pem/pem-text.js';

/**
 * OpenPGP private key blocks (RFC 9580, RFC 4880): `-----BEGIN PGP PRIVATE
 * KEY BLOCK-----`, optional armor headers, the base64 of the key's packets,
 * usually a `=` + CRC-24 line, and the END line. The validator checks the
 * CRC-24 when it is there, walks the packets (they must tile the data
 * exactly), and reads the first secret-key packet that holds key material:
 * its S2K usage octet says whether the secret part is passphrase-protected.
 * GnuPG stubs (`gnu-dummy`, keys moved to a smartcard) hold no secret.
 */
export const PGP_KEYWORD = 'BEGIN PGP PRIVATE KEY BLOCK-----';
export const PGP_PATTERN =
  '(?P<secret>-----BEGIN PGP PRIVATE KEY BLOCK-----(?P<body>(?:[^-]|-{1,4}[^-])*?)-----END PGP PRIVATE KEY BLOCK-----)';
/** Two 4096-bit RSA keys (primary and subkey) with signatures, armored and JSON-escaped: under 9 KB. */
export const PGP_WINDOW_AFTER = 12288;

const HEADER = /^([A-Za-z][A-Za-z0-9-]*):\s?(.*)$/;
const BASE64_LINE = /^[A-Za-z0-9+/]+={0,2}$/;
const CRC_LINE = /^=([A-Za-z0-9+/]{4})$/;

/** CRC-24 of RFC 4880 section 6.1. */
export function crc24(bytes: Uint8Array): number {
  let crc = 0xb704ce;
  for (const b of bytes) {
    crc ^= b << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return crc & 0xffffff;
}

interface Packet {
  readonly tag: number;
  readonly body: Uint8Array;
}

/** The packets of `bytes`, or null unless their headers and lengths tile it exactly. */
function packets(bytes: Uint8Array): Packet[] | null {
  const out: Packet[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const b = bytes[pos]!;
    if (!(b & 0x80)) return null;
    let tag: number;
    let start: number;
    let length: number;
    if (b & 0x40) {
      tag = b & 0x3f;
      const l0 = bytes[pos + 1];
      if (l0 === undefined) return null;
      if (l0 < 192) [start, length] = [pos + 2, l0];
      else if (l0 < 224) {
        const l1 = bytes[pos + 2];
        if (l1 === undefined) return null;
        [start, length] = [pos + 3, ((l0 - 192) << 8) + l1 + 192];
      } else if (l0 === 255) {
        if (pos + 6 > bytes.length) return null;
        [start, length] = [pos + 6, ((bytes[pos + 2]! << 24) | (bytes[pos + 3]! << 16) | (bytes[pos + 4]! << 8) | bytes[pos + 5]!) >>> 0];
      } else return null; // partial lengths: not used for key material
    } else {
      tag = (b >> 2) & 0x0f;
      const type = b & 3;
      if (type === 3) [start, length] = [pos + 1, bytes.length - pos - 1];
      else {
        const n = 1 << type;
        if (pos + 1 + n > bytes.length) return null;
        length = 0;
        for (let i = 0; i < n; i++) length = length * 256 + bytes[pos + 1 + i]!;
        start = pos + 1 + n;
      }
    }
    if (tag === 0 || start + length > bytes.length) return null;
    out.push({ tag, body: bytes.subarray(start, start + length) });
    pos = start + length;
  }
  return out;
}

/** Offset after the algorithm-specific public key fields of a v3/v4 key, or null for an unknown algorithm. */
function skipPublicFields(body: Uint8Array, pos: number, algorithm: number): number | null {
  const mpi = (p: number | null): number | null => {
    if (p === null || p + 2 > body.length) return null;
    const bits = (body[p]! << 8) | body[p + 1]!;
    const end = p + 2 + Math.ceil(bits / 8);
    return bits > 0 && end <= body.length ? end : null;
  };
  const oid = (p: number | null): number | null => {
    if (p === null || p >= body.length) return null;
    const n = body[p]!;
    return n > 0 && n < 255 && p + 1 + n <= body.length ? p + 1 + n : null;
  };
  switch (algorithm) {
    case 1: case 2: case 3: return mpi(mpi(pos)); // RSA: n, e
    case 16: case 20: return mpi(mpi(mpi(pos))); // Elgamal: p, g, y
    case 17: return mpi(mpi(mpi(mpi(pos)))); // DSA: p, q, g, y
    case 19: case 22: return mpi(oid(pos)); // ECDSA, EdDSA (legacy): curve OID, point
    case 18: return oid(mpi(oid(pos))); // ECDH: curve OID, point, KDF parameters
    case 25: case 27: return pos + 32 <= body.length ? pos + 32 : null; // X25519, Ed25519
    case 26: return pos + 56 <= body.length ? pos + 56 : null; // X448
    case 28: return pos + 57 <= body.length ? pos + 57 : null; // Ed448
    default: return null;
  }
}

const KNOWN_ALGORITHMS = new Set([1, 2, 3, 16, 17, 18, 19, 20, 22, 25, 26, 27, 28]);

type SecretState = 'plain' | 'protected' | 'stub';

/** Whether a Secret-Key or Secret-Subkey packet's secret part is in clear, protected, or absent. */
function secretState(body: Uint8Array): SecretState | null {
  const version = body[0];
  let pos: number | null;
  if (version === 3 || version === 4) {
    const algorithm = body[version === 3 ? 7 : 5];
    if (algorithm === undefined) return null;
    pos = skipPublicFields(body, version === 3 ? 8 : 6, algorithm);
    // An algorithm this parser does not know: a secret key all the same, reported as protected.
    if (pos === null) return KNOWN_ALGORITHMS.has(algorithm) ? null : 'protected';
  } else if (version === 5 || version === 6) {
    if (body.length < 10) return null;
    const n = ((body[6]! << 24) | (body[7]! << 16) | (body[8]! << 8) | body[9]!) >>> 0;
    pos = 10 + n;
  } else return null;
  if (pos >= body.length) return null;
  const usage = body[pos]!;
  if (usage === 0) return 'plain';
  // GnuPG's S2K extension 101 ("GNU"): mode 1 has no secret, mode 2 diverts to a smartcard.
  if ((usage === 254 || usage === 255) && version === 4 && body[pos + 2] === 101) {
    const gnu = body[pos + 4] === 0x47 && body[pos + 5] === 0x4e && body[pos + 6] === 0x55;
    if (gnu && (body[pos + 7] === 1 || body[pos + 7] === 2)) return 'stub';
  }
  return 'protected';
}

/** Parses an armored block's body; null unless it holds an OpenPGP secret key with secret material. */
export function pgpPrivateKey(body: string): { readonly encrypted: boolean } | null {
  const lines = pemBodyLines(body);
  if (!lines || lines.length === 0) return null;
  let i = 0;
  while (i < lines.length && HEADER.test(lines[i]!) && !BASE64_LINE.test(lines[i]!)) i++;
  let data = lines.slice(i);
  let crc: string | undefined;
  const last = data[data.length - 1];
  const crcLine = last === undefined ? null : CRC_LINE.exec(last);
  if (crcLine) {
    crc = crcLine[1];
    data = data.slice(0, -1);
  }
  if (data.length === 0 || !data.every((l) => BASE64_LINE.test(l))) return null;
  const bytes = decodeBase64(data.join(''));
  if (!bytes || bytes.length < 32) return null;
  if (crc !== undefined) {
    const want = Buffer.from(crc, 'base64');
    if (((want[0]! << 16) | (want[1]! << 8) | want[2]!) !== crc24(bytes)) return null;
  }
  const all = packets(bytes);
  if (!all || all[0]?.tag !== 5) return null;
  for (const p of all) {
    if (p.tag !== 5 && p.tag !== 7) continue;
    const state = secretState(p.body);
    if (state === null) return null;
    if (state !== 'stub') return { encrypted: state === 'protected' };
  }
  return null;
}

/** One pattern, two detectors: keys in clear and passphrase-protected keys differ in severity. */
export function pgpPrivateKeyDetector(encrypted: boolean, meta: Omit<DetectorMeta, 'tier' | 'family' | 'provider'>): Detector {
  return {
    ...meta,
    family: 'pgp-private-key',
    provider: 'OpenPGP',
    tier: 'identifiable',
    keywords: [PGP_KEYWORD],
    pattern: PGP_PATTERN,
    alphabet: '',
    window: { before: 5, after: PGP_WINDOW_AFTER },
    validate: ({ groups }) => {
      const key = pgpPrivateKey(groups['body'] ?? '');
      if (!key || key.encrypted !== encrypted) return null;
      return {
        confidence: 'high',
        reason: encrypted ? 'OpenPGP secret key packets, passphrase-protected' : 'OpenPGP secret key packets with the secret in clear',
      };
    },
  };
}
