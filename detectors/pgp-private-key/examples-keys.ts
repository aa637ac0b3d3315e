/**
 * OpenPGP secret keys for examples, built from the factory when tests run
 * (never committed). The key material is random bytes in the right places:
 * the detector checks the armor, the CRC-24 and the packet structure, not
 * the arithmetic. Example-only: detectors never import this module.
 */
import type { TokenFactory } from '../../test/support/token-factory.js';
import { crc24 } from './pgp.js';

const u32 = (n: number): number[] => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

function mpi(t: TokenFactory, bytes: number): number[] {
  const v = [...t.bytes(bytes)];
  v[0] = v[0]! | 0x80;
  const bits = bytes * 8;
  return [bits >> 8, bits & 0xff, ...v];
}

/** An old-format packet header with a two-octet length (what GnuPG writes for keys). */
function packet(tag: number, body: number[]): number[] {
  return [0x80 | (tag << 2) | 1, (body.length >> 8) & 0xff, body.length & 0xff, ...body];
}

export type Protection = 'none' | 'passphrase' | 'gnu-dummy';

function secretKeyBody(t: TokenFactory, protection: Protection, rsaBytes: number): number[] {
  const pub = [4, ...u32(1_600_000_000 + t.int(200_000_000)), 1, ...mpi(t, rsaBytes), 0x00, 0x11, 0x01, 0x00, 0x01];
  if (protection === 'none') {
    const secret = [...mpi(t, rsaBytes), ...mpi(t, rsaBytes / 2), ...mpi(t, rsaBytes / 2), ...mpi(t, rsaBytes / 2)];
    const sum = secret.reduce((a, b) => (a + b) & 0xffff, 0);
    return [...pub, 0, ...secret, sum >> 8, sum & 0xff];
  }
  if (protection === 'gnu-dummy') return [...pub, 255, 0, 101, 0, 0x47, 0x4e, 0x55, 1];
  // AES-256, iterated and salted S2K with SHA-256, IV, then the encrypted secret (random bytes).
  return [...pub, 254, 9, 3, 8, ...t.bytes(8), 0xee, ...t.bytes(16), ...t.bytes(rsaBytes * 2 + 40)];
}

/** The binary key: secret key, user id, self-signature, secret subkey, binding signature. */
export function pgpKeyBytes(t: TokenFactory, protection: Protection, opts: { rsaBytes?: number; subkey?: Protection } = {}): Uint8Array {
  const rsaBytes = opts.rsaBytes ?? 256;
  const uid = [...Buffer.from(`${t.pick(['Release Signing', 'Deploy Bot', 'Jane Doe'])} <keys@example.org>`, 'latin1')];
  const sig = (): number[] => packet(2, [4, 0x13, 1, 8, ...t.bytes(40 + rsaBytes)]);
  return Uint8Array.from([
    ...packet(5, secretKeyBody(t, protection, rsaBytes)),
    ...packet(13, uid),
    ...sig(),
    ...packet(7, secretKeyBody(t, opts.subkey ?? protection, rsaBytes)),
    ...sig(),
  ]);
}

/** ASCII armor as GnuPG writes it: optional headers, a blank line, 64-column base64, `=` + CRC-24. */
export function armor(bytes: Uint8Array, opts: { headers?: string[]; crc?: boolean; badCrc?: boolean; eol?: string } = {}): string {
  const eol = opts.eol ?? '\n';
  const lines = Buffer.from(bytes).toString('base64').match(/.{1,64}/g) ?? [];
  let crc = crc24(bytes);
  if (opts.badCrc) crc ^= 0x000100;
  const crcLine = `=${Buffer.from([crc >> 16, (crc >> 8) & 0xff, crc & 0xff]).toString('base64')}`;
  return [
    '-----BEGIN PGP PRIVATE KEY BLOCK-----',
    ...(opts.headers ?? []),
    '',
    ...lines,
    ...(opts.crc === false ? [] : [crcLine]),
    '-----END PGP PRIVATE KEY BLOCK-----',
  ].join(eol);
}

/** Positives and negatives shared by the two detectors: `protection` is what this one reports. */
export function pgpExamples(t: TokenFactory, protection: 'none' | 'passphrase') {
  const other = protection === 'none' ? 'passphrase' : 'none';
  const key = (opts: Parameters<typeof armor>[1] = {}) => armor(pgpKeyBytes(t, protection), opts);
  const a = key({ headers: ['Version: GnuPG v2'] });
  const b = key({ headers: ['Comment: release key', 'Comment: https://example.org/keys'], eol: '\r\n' });
  const c = key().replace(/\n/g, '\\n');
  const d = key({ crc: false });
  const yaml = key()
    .split('\n')
    .map((l, i) => (i === 0 ? l : `    ${l}`))
    .join('\n');
  // The primary key is a GnuPG stub (its secret moved off the machine); the subkey holds the secret.
  const stubbed = armor(pgpKeyBytes(t, 'gnu-dummy', { subkey: protection }));
  const positives = [
    { text: `${a}\n`, secret: a },
    { text: `${b}\r\n`, secret: b },
    { text: `{\n  "signing_key": "${c}\\n",\n  "key_id": "release"\n}\n`, secret: c },
    { text: `# exported with a tool that writes no checksum\n${d}\n`, secret: d },
    { text: `apiVersion: v1\nkind: Secret\nstringData:\n  private.asc: |\n    ${yaml}\n`, secret: yaml },
    { text: `${stubbed}\n`, secret: stubbed },
  ];
  const lines = key().split('\n');
  const negatives = [
    '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n...\n-----END PGP PRIVATE KEY BLOCK-----\n',
    '-----BEGIN PGP PRIVATE KEY BLOCK-----\n<paste your private key here>\n-----END PGP PRIVATE KEY BLOCK-----\n',
    // A line changed: the CRC-24 no longer matches.
    key({ badCrc: true }),
    // Lines cut out: the packets no longer add up.
    [...lines.slice(0, 6), ...lines.slice(-3)].join('\n'),
    // Random base64 under the label.
    `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${(t.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 64 * 12).match(/.{64}/g) ?? []).join('\n')}\n-----END PGP PRIVATE KEY BLOCK-----\n`,
    // A public key block is not a secret.
    armor(pgpKeyBytes(t, protection)).replaceAll('PRIVATE KEY BLOCK', 'PUBLIC KEY BLOCK'),
    // Only stubs: no secret material at all.
    armor(pgpKeyBytes(t, 'gnu-dummy', { subkey: 'gnu-dummy' })),
    // The other detector's kind.
    armor(pgpKeyBytes(t, other)),
    'if (text.includes("-----BEGIN PGP PRIVATE KEY BLOCK-----")) throw new Error("refusing to log a key");',
  ];
  return { positives, negatives, generate: () => armor(pgpKeyBytes(t, protection)) };
}
