import type { Redis } from 'ioredis';
import { deriveFingerprintKey, keyedFingerprinter, type Fingerprinter } from '../../scanner/fingerprint.js';
import type { KeyRing } from '../crypto/secret-box.js';
import type { StoreKeys } from './keys.js';

/**
 * The service's fingerprints are HMAC-SHA-256 under one key for the life of a
 * store: PUSHGATE_FINGERPRINT_KEY, or a key derived from an encryption key.
 * The store records which (`<prefix>fingerprints`, the key's id), and every
 * process binds to that key when it starts, so rotating PUSHGATE_ENCRYPTION_KEY
 * (the old key kept in PUSHGATE_ENCRYPTION_KEYS_PREVIOUS) changes no
 * fingerprint. A store with findings but no record predates keyed
 * fingerprints; one recorded under a key no longer configured cannot take new
 * findings without splitting every secret in two. Both refuse to start until
 * `pushgate store migrate-fingerprints` re-keys them.
 */
export type FingerprintBindingErrorCode = 'STORE_FINGERPRINTS_UNKEYED' | 'STORE_FINGERPRINT_KEY_CHANGED';

export class FingerprintBindingError extends Error {
  override readonly name = 'FingerprintBindingError';
  constructor(
    readonly code: FingerprintBindingErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export class ServiceFingerprints implements Fingerprinter {
  readonly scheme = 'keyed-v2' as const;
  #active: Fingerprinter;
  readonly #candidates: readonly Fingerprinter[];

  /** `candidates[0]` keys a new store; the others are accepted when the store names them. */
  constructor(candidates: readonly Fingerprinter[]) {
    const first = candidates[0];
    if (!first) throw new Error('ServiceFingerprints needs at least one key');
    this.#candidates = candidates;
    this.#active = first;
  }

  /** The configured key a new store gets and a migration moves to. */
  get preferred(): Fingerprinter {
    return this.#candidates[0]!;
  }

  get keyId(): string {
    return this.#active.keyId!;
  }

  of(family: string, secret: string): string {
    return this.#active.of(family, secret);
  }

  /**
   * Binds to the key the store records, or records the preferred one in a
   * store without findings. Two processes starting at once agree: the record
   * is written only if absent, then read back.
   */
  async bind(redis: Redis, keys: StoreKeys): Promise<void> {
    let recorded = await redis.hget(keys.fingerprintBinding, 'keyId');
    if (recorded === null) {
      if ((await redis.zcard(keys.findingsAll)) > 0) {
        throw new FingerprintBindingError(
          'STORE_FINGERPRINTS_UNKEYED',
          'the findings store predates keyed fingerprints (its findings are keyed by unkeyed v1 fingerprints); run `pushgate store migrate-fingerprints` once, then start the service',
        );
      }
      await redis.hsetnx(keys.fingerprintBinding, 'keyId', this.preferred.keyId!);
      recorded = await redis.hget(keys.fingerprintBinding, 'keyId');
    }
    const match = this.#candidates.find((c) => c.keyId === recorded);
    if (!match) {
      throw new FingerprintBindingError(
        'STORE_FINGERPRINT_KEY_CHANGED',
        `the findings store is keyed by fingerprint key ${recorded}, which no configured key gives (configured: ${this.#candidates.map((c) => c.keyId).join(', ')}); ` +
          'restore the key (PUSHGATE_FINGERPRINT_KEY, or the encryption key it was derived from in PUSHGATE_ENCRYPTION_KEYS_PREVIOUS), or run `pushgate store migrate-fingerprints` to re-key the store',
      );
    }
    this.#active = match;
  }
}

/**
 * The keys a service may fingerprint with: PUSHGATE_FINGERPRINT_KEY alone when
 * it is set; otherwise one derived from each encryption key, current first.
 */
export function serviceFingerprints(explicit: Fingerprinter | undefined, keyRing: KeyRing): ServiceFingerprints {
  if (explicit) return new ServiceFingerprints([explicit]);
  return new ServiceFingerprints(keyRing.ids.map((id) => keyedFingerprinter(deriveFingerprintKey(keyRing.get(id)!.key))));
}

/** Records `keyId` as the store's fingerprint key (after a migration moved every finding to it). */
export async function recordFingerprintKey(redis: Redis, keys: StoreKeys, keyId: string, at: Date): Promise<void> {
  await redis.hset(keys.fingerprintBinding, { keyId, since: at.toISOString() });
}
