import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { keyBytesFromText } from '../../scanner/fingerprint.js';

/**
 * Encryption at rest for secret values (AES-256-GCM). Every sealed value
 * names the key it was sealed with, so keys can rotate: new values use the
 * current key, old ones open with any key still in the ring until they are
 * re-sealed.
 */
export type SecretBoxErrorCode = 'SECRET_KEY_INVALID' | 'SECRET_KEY_UNKNOWN' | 'SECRET_SEALED_MALFORMED' | 'SECRET_DECRYPT_FAILED';

export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
  constructor(
    readonly code: SecretBoxErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface EncryptionKey {
  /** Derived from the key bytes (see keyId), so the same key has the same id in every process and config. */
  readonly id: string;
  readonly key: Buffer;
}

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';

/**
 * A key's id: a short, domain-separated SHA-256 of the key. It tells keys apart
 * without an operator having to name them, and 48 bits of a hash of a random
 * 256-bit key say nothing useful about the key.
 */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('pushgate/key-id/v1\0').update(key).digest('hex').slice(0, 12);
}

/** Parses 32 key bytes written as 64 hex digits or base64 (standard or URL-safe, padding optional). */
export function parseKey(text: string): Buffer {
  const key = keyBytesFromText(text);
  if (key) return key;
  throw new SecretBoxError('SECRET_KEY_INVALID', `an encryption key must be ${KEY_BYTES} bytes written as 64 hex digits or base64`);
}

/** Holds key bytes only in private fields, so logging or serializing a ring shows no key. */
export class KeyRing {
  readonly #current: EncryptionKey;
  readonly #byId = new Map<string, EncryptionKey>();

  /** `keys[0]` seals; all of them open. */
  constructor(keys: readonly Buffer[]) {
    const first = keys[0];
    if (!first) throw new SecretBoxError('SECRET_KEY_INVALID', 'a key ring needs at least one key');
    for (const key of keys) {
      if (key.length !== KEY_BYTES) throw new SecretBoxError('SECRET_KEY_INVALID', `an encryption key must be ${KEY_BYTES} bytes`);
      const id = keyId(key);
      if (!this.#byId.has(id)) this.#byId.set(id, { id, key: Buffer.from(key) });
    }
    this.#current = this.#byId.get(keyId(first))!;
  }

  get current(): EncryptionKey {
    return this.#current;
  }

  get(id: string): EncryptionKey | undefined {
    return this.#byId.get(id);
  }

  get ids(): string[] {
    return [...this.#byId.keys()];
  }
}

/**
 * Seals `plaintext` with the ring's current key. `context` (e.g. the finding's
 * fingerprint) is authenticated but not stored: a sealed value copied onto
 * another record does not open there.
 */
export function seal(ring: KeyRing, plaintext: string, context: string): string {
  const { id, key } = ring.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(id, context));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, id, iv.toString('base64url'), ct.toString('base64url'), tag.toString('base64url')].join('.');
}

/** The key id a sealed value names, without opening it. */
export function sealedKeyId(sealed: string): string {
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION || !parts[1]) throw new SecretBoxError('SECRET_SEALED_MALFORMED', 'not a sealed value');
  return parts[1];
}

export function open(ring: KeyRing, sealed: string, context: string): string {
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretBoxError('SECRET_SEALED_MALFORMED', 'not a sealed value');
  const [, id, ivText, ctText, tagText] = parts as [string, string, string, string, string];
  const entry = ring.get(id);
  if (!entry) throw new SecretBoxError('SECRET_KEY_UNKNOWN', `sealed with key ${id}, which is not in the key ring`);
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError('SECRET_SEALED_MALFORMED', 'bad IV or tag length');
  try {
    const decipher = createDecipheriv('aes-256-gcm', entry.key, iv);
    decipher.setAAD(aad(id, context));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(ctText, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError('SECRET_DECRYPT_FAILED', 'sealed value failed authentication (wrong record, key or tampered data)');
  }
}

function aad(id: string, context: string): Buffer {
  return Buffer.from(`pushgate/secret/v1\0${id}\0${context}`, 'utf8');
}
