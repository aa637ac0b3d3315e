import type { Candidate, Detector, Verdict } from '../types.js';

/**
 * Binary keystores holding a private key: Java JKS/JCEKS files whose first
 * entry is a private-key entry, and PKCS#12 (.p12/.pfx, also Java 9+ and
 * Android keystores) files with a pkcs8ShroudedKeyBag. The key is encrypted
 * with a password that is often weak or sits next to it in the repository.
 * Truststores (certificate entries only) are not findings. PEM text is
 * another detector's job.
 *
 * Byte strings are written as latin1 code points (the engine decodes windows
 * as latin1, so each byte is one code point).
 */
const bytes = (...b: number[]): string => String.fromCharCode(...b);

const JKS_MAGIC = bytes(0xfe, 0xed, 0xfe, 0xed);
const JCEKS_MAGIC = bytes(0xce, 0xce, 0xce, 0xce);
/** OID 1.2.840.113549.1.12.10.1.2 (PKCS#12 pkcs8ShroudedKeyBag), DER body. */
const SHROUDED_KEY_BAG_OID = bytes(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x0a, 0x01, 0x02);

/** DER bodies of the OIDs that start the key's AlgorithmIdentifier. */
const KEY_PROTECTION_OIDS: ReadonlyArray<[string, string]> = [
  [bytes(0x2b, 0x06, 0x01, 0x04, 0x01, 0x2a, 0x02, 0x11, 0x01, 0x01), 'Sun JKS key protector'],
  [bytes(0x2b, 0x06, 0x01, 0x04, 0x01, 0x2a, 0x02, 0x13, 0x01), 'Sun JCE key protector'],
  [bytes(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0d), 'PBES2'],
  [bytes(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x01), 'PKCS#12 PBE'],
  [bytes(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05), 'PKCS#5 PBES1'],
];

export function validateKeystore({ secret, groups, matchText }: Candidate): Verdict | null {
  // The secret is the start of an EncryptedPrivateKeyInfo: SEQUENCE { AlgorithmIdentifier { OID ... } ... }.
  const head = secret.slice(0, 24);
  const protection = KEY_PROTECTION_OIDS.find(([oid]) => head.includes(oid));
  if (!protection) return null;
  const p12 = matchText.startsWith(SHROUDED_KEY_BAG_OID);
  const alias = groups['alias'];
  return {
    confidence: 'high',
    reason: p12
      ? `PKCS#12 shrouded private key bag (${protection[1]})`
      : `${matchText.startsWith(JCEKS_MAGIC) ? 'JCEKS' : 'JKS'} private key entry${alias ? ` "${alias}"` : ''} (${protection[1]})`,
  };
}

const ANY = String.raw`[\x00-\x{ff}]`;

export const detector: Detector = {
  id: 'private-key-in-keystore',
  family: 'private-key-in-keystore',
  provider: 'Generic',
  title: 'Private key inside a binary keystore (JKS, JCEKS, PKCS#12 / PFX)',
  severity: 'high',
  tier: 'legacy',
  docs: 'https://datatracker.ietf.org/doc/html/rfc7292',
  revoke:
    'Treat the key as exposed: issue a new key pair and certificate, revoke the old certificate, and keep keystores out of repositories (the keystore password is rarely strong).',
  keywords: [JKS_MAGIC, JCEKS_MAGIC, SHROUDED_KEY_BAG_OID],
  pattern:
    // JKS/JCEKS: magic, version 1|2, entry count, first entry tag 1 (private key), alias (u16 length, modified UTF-8),
    // creation time (ms since 1970; below 2^41 until 2039), key length, then the encrypted key.
    String.raw`(?:(?:\x{fe}\x{ed}\x{fe}\x{ed}|\x{ce}\x{ce}\x{ce}\x{ce})\x00\x00\x00[\x01\x02]${ANY}{4}\x00\x00\x00\x01\x00${ANY}(?P<alias>[\x20-\x7e]+)\x00\x00[\x00\x01]${ANY}{5}${ANY}{4}` +
    // PKCS#12: the bag OID, then [0] EXPLICIT with a DER length, then the encrypted key.
    String.raw`|\x2a\x{86}\x48\x{86}\x{f7}\x0d\x01\x0c\x0a\x01\x02\x{a0}(?:\x{82}${ANY}{2}|\x{81}${ANY}|[\x00-\x7f]))` +
    // DER SEQUENCE of 96+ bytes (short length form for small EC keys, long form otherwise); the first 96 bytes are the secret.
    String.raw`(?P<secret>\x30[\x60-\x7f\x{81}\x{82}\x{83}]${ANY}{94})`,
  alphabet: '',
  window: { before: 0, after: 400 },
  validate: validateKeystore,
};
