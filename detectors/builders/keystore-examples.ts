import type { TokenFactory } from '../../test/support/token-factory.js';

/**
 * Synthetic keystores: the real container structure around random bytes, so
 * no key material is committed or even generated here. private-key-in-keystore/detector.test.ts
 * scans keystores made by openssl and keytool where those tools exist.
 * Shared by the binary and the base64 keystore detectors' examples.
 */
export const latin1 = (...parts: Array<number[] | Uint8Array | string>): string =>
  parts.map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('latin1'))).join('');

export const u16 = (n: number): number[] => [(n >> 8) & 0xff, n & 0xff];
export const u32 = (n: number): number[] => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];

/** EncryptedPrivateKeyInfo header with Sun's JKS key protector OID, then random "ciphertext". */
export function jksKey(t: TokenFactory): string {
  const body = t.bytes(1250);
  return latin1([0x30, 0x82, ...u16(body.length + 20), 0x30, 0x0e, 0x06, 0x0a, 0x2b, 0x06, 0x01, 0x04, 0x01, 0x2a, 0x02, 0x11, 0x01, 0x01, 0x05, 0x00, 0x04, 0x82, ...u16(body.length)], body);
}

/** EncryptedPrivateKeyInfo header with PBES2 (as OpenSSL 3 and keytool write it), then random salt and ciphertext. */
export function pbes2Key(t: TokenFactory): string {
  return latin1([0x30, 0x82, 0x05, 0x2d, 0x30, 0x57, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0d, 0x30, 0x4a, 0x30, 0x29, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0c, 0x30, 0x1c, 0x04, 0x08], t.bytes(1300));
}

export function jks(t: TokenFactory, magic: number[], alias: string, tag: number, key: string): { file: string; key: string } {
  const head = latin1(magic, u32(2), u32(1), u32(tag), u16(alias.length), alias, [0x00, 0x00, 0x01, 0x8f], t.bytes(4), u32(key.length));
  return { file: head + key + latin1(t.bytes(900)), key };
}

const SHROUDED_KEY_BAG = [0x06, 0x0b, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x0a, 0x01, 0x02];
export const CERT_BAG = [0x06, 0x0b, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x0a, 0x01, 0x03];
export const PFX_HEADER = [0x30, 0x82, 0x09, 0xcf, 0x02, 0x01, 0x03, 0x30, 0x82, 0x09, 0x85, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01];

export function p12(t: TokenFactory, key: string): string {
  return latin1(PFX_HEADER, t.bytes(1040), [0x30, 0x82, 0x05, 0x41], SHROUDED_KEY_BAG, [0xa0, 0x82, 0x05, 0x31], key, t.bytes(300));
}

