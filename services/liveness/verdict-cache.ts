import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { CheckInput, LivenessVerdict } from '../../liveness/types.js';
import type { StoreKeys } from '../store/keys.js';

/**
 * Short-lived verdicts per credential, and a lock per credential while it is
 * being checked: a burst of findings of one secret (a scan that finds it in
 * forty repositories, under two detectors) costs the provider one call.
 * Keys hold a SHA-256 of the check id and secret parts, never the secret.
 * Only `live` and `revoked` are cached: an `unknown` should be asked again.
 */
export function credentialHash(checkId: string, input: CheckInput): string {
  return createHash('sha256')
    .update(`pushgate/liveness\0${checkId}\0${input.secret.reveal()}\0${input.companion?.value.reveal() ?? ''}`)
    .digest('hex')
    .slice(0, 40);
}

const UNLOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export class VerdictCache {
  constructor(
    private readonly redis: Redis,
    private readonly keys: StoreKeys,
    private readonly ttlMs: number,
  ) {}

  async get(hash: string): Promise<LivenessVerdict | null> {
    if (this.ttlMs <= 0) return null;
    const raw = await this.redis.get(this.keys.livenessCache(hash));
    return raw ? (JSON.parse(raw) as LivenessVerdict) : null;
  }

  async set(hash: string, verdict: LivenessVerdict): Promise<void> {
    if (this.ttlMs <= 0 || verdict.outcome === 'unknown') return;
    await this.redis.set(this.keys.livenessCache(hash), JSON.stringify(verdict), 'PX', this.ttlMs);
  }

  /** A lock token when acquired, null when another check of this credential holds it. */
  async lock(hash: string, ttlMs: number): Promise<string | null> {
    const token = randomBytes(12).toString('hex');
    const ok = await this.redis.set(this.keys.livenessLock(hash), token, 'PX', ttlMs, 'NX');
    return ok === 'OK' ? token : null;
  }

  async unlock(hash: string, token: string): Promise<void> {
    await this.redis.eval(UNLOCK, 1, this.keys.livenessLock(hash), token);
  }
}
