import { RANDOM_VALUE_FAMILIES } from '../detectors/registry.js';

/**
 * Fingerprints identify a secret across files, commits and scans without
 * holding it: baselines, SARIF, block events and the findings store all key on
 * them, and people who may not see the secret read them. So a fingerprint must
 * not let anyone test guesses: version 1 (a truncated SHA-256 of the value)
 * gave `db_password = "Summer2024!"` away to a small wordlist in milliseconds.
 *
 * - `keyed-v2`: HMAC-SHA-256 under a 32-byte key (PUSHGATE_FINGERPRINT_KEY, or
 *   in the service a key derived from PUSHGATE_ENCRYPTION_KEY). Without the
 *   key a fingerprint says nothing about the value, whatever its entropy.
 * - `unkeyed-v2`, for a CLI run without a key: secrets of families that only
 *   identifiable detectors find (fixed formats whose body is at least ~128
 *   random bits the provider chose) get a domain-separated SHA-256, which
 *   nobody can search; every other family (values people may have chosen:
 *   passwords, assignments) gets scrypt, so each guess costs ~20 ms
 *   and 8 MiB of memory instead of a microsecond. The choice
 *   is per family, never per detector, so a value has one fingerprint
 *   whichever detector saw it first.
 *
 * All are 32 hex digits. Which scheme wrote a report is in the report, not in
 * the fingerprint, so the shape every consumer validates stays the same.
 */
export type FingerprintScheme = 'keyed-v2' | 'unkeyed-v2';

export interface Fingerprinter {
  readonly scheme: FingerprintScheme;
  /** For keyed-v2: a short hash of the key (see fingerprintKeyId), to tell keys apart in reports and the store. */
  readonly keyId?: string;
  of(family: string, secret: string): string;
  /**
   * Present where some families are deliberately slow (unkeyed-v2): whether
   * `family` is one, and the same fingerprint computed off the main thread, so
   * a scan with many such secrets computes them in parallel (FindingAggregator.settle).
   */
  readonly slow?: { isSlow(family: string): boolean; of(family: string, secret: string): Promise<string> };
}

export type FingerprintKeyErrorCode = 'FINGERPRINT_KEY_INVALID';

export class FingerprintKeyError extends Error {
  override readonly name = 'FingerprintKeyError';
  readonly code: FingerprintKeyErrorCode = 'FINGERPRINT_KEY_INVALID';
}

export const FINGERPRINT_KEY_BYTES = 32;
const DOMAIN = 'pushgate/v2\0';

/**
 * scrypt cost for unkeyed fingerprints of values people choose: N=2^13, r=8
 * (8 MiB), ~20 ms a value on one core of this class of machine. Dearer would
 * slow history scans with many legacy findings for every user (one scrypt per
 * distinct secret); whoever needs more than a wordlist slowed a millionfold
 * sets a key.
 */
const SCRYPT = { N: 2 ** 13, r: 8, p: 1, maxmem: 32 * 1024 * 1024 } as const;

/** node:crypto, loaded on first use: a clean push (no finding) never needs it, and loading it costs milliseconds at start-up. */
let nodeCrypto: typeof import('node:crypto') | undefined;
function crypto(): typeof import('node:crypto') {
  nodeCrypto ??= process.getBuiltinModule('node:crypto');
  return nodeCrypto;
}

/**
 * 32 key bytes from their text: 64 hex digits or base64 (standard or URL-safe,
 * padding optional), or undefined. Shared with the encryption key's parser.
 */
export function keyBytesFromText(text: string): Buffer | undefined {
  const s = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(s)) return Buffer.from(s, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(s)) {
    const key = Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length === FINGERPRINT_KEY_BYTES) return key;
  }
  return undefined;
}

/** A fingerprint key's id: 48 bits of a domain-separated hash, which say nothing useful about a random 256-bit key. */
export function fingerprintKeyId(key: Uint8Array): string {
  return crypto().createHash('sha256').update('pushgate/fingerprint-key-id/v2\0').update(key).digest('hex').slice(0, 12);
}

export function keyedFingerprinter(key: Uint8Array): Fingerprinter {
  if (key.length !== FINGERPRINT_KEY_BYTES) throw new FingerprintKeyError(`a fingerprint key must be ${FINGERPRINT_KEY_BYTES} bytes`);
  const held = Buffer.from(key);
  return {
    scheme: 'keyed-v2',
    keyId: fingerprintKeyId(held),
    of: (family, secret) => crypto().createHmac('sha256', held).update(`${DOMAIN}${family}\0${secret}`).digest('hex').slice(0, 32),
  };
}

export function unkeyedFingerprinter(randomValueFamilies: ReadonlySet<string> = RANDOM_VALUE_FAMILIES): Fingerprinter {
  const isSlow = (family: string): boolean => !randomValueFamilies.has(family);
  return {
    scheme: 'unkeyed-v2',
    of(family, secret) {
      if (!isSlow(family)) return crypto().createHash('sha256').update(`${DOMAIN}${family}\0${secret}`).digest('hex').slice(0, 32);
      return crypto().scryptSync(secret, `${DOMAIN}${family}`, 16, SCRYPT).toString('hex');
    },
    slow: {
      isSlow,
      of: (family, secret) =>
        new Promise((resolve, reject) =>
          crypto().scrypt(secret, `${DOMAIN}${family}`, 16, SCRYPT, (err, key) => (err ? reject(err) : resolve(key.toString('hex')))),
        ),
    },
  };
}

/**
 * The CLI's and the hooks' fingerprints: keyed with PUSHGATE_FINGERPRINT_KEY
 * when it is set (give CI and the git server the same key as the service so
 * fingerprints agree everywhere), unkeyed otherwise.
 */
export function fingerprinterFromEnv(env: NodeJS.ProcessEnv): Fingerprinter {
  const text = env['PUSHGATE_FINGERPRINT_KEY'];
  if (text === undefined || text.trim() === '') return unkeyedFingerprinter();
  const key = keyBytesFromText(text);
  if (!key) throw new FingerprintKeyError(`PUSHGATE_FINGERPRINT_KEY must be ${FINGERPRINT_KEY_BYTES} bytes written as 64 hex digits or base64 (e.g. \`openssl rand -base64 32\`)`);
  return keyedFingerprinter(key);
}

/** The service's fingerprint key when only PUSHGATE_ENCRYPTION_KEY is given: HKDF-SHA-256 with its own label, so neither key reveals the other. */
export function deriveFingerprintKey(encryptionKey: Uint8Array): Buffer {
  return Buffer.from(crypto().hkdfSync('sha256', encryptionKey, Buffer.alloc(0), 'pushgate/fingerprint-key/v2', FINGERPRINT_KEY_BYTES));
}

/**
 * Version 1, an unkeyed truncated SHA-256 of the value. Never written any more;
 * kept so baselines written before v2 still match (with a notice) and the
 * service can move a v1 store to v2.
 */
export function v1Fingerprint(family: string, secret: string): string {
  return crypto().createHash('sha256').update(`pushgate/v1\0${family}\0${secret}`).digest('hex').slice(0, 32);
}
