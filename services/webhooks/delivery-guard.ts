import type { Redis } from 'ioredis';

/**
 * Drops duplicate GitHub deliveries. The first request with an
 * `X-GitHub-Delivery` id claims it in Redis (SET NX), so a redelivery, or the
 * same delivery arriving twice at once on two API processes, finds the claim
 * and is answered as a duplicate. A claim is `pending` for a minute while the
 * scans are queued, then `done` for the TTL; a delivery whose scans could not
 * be queued releases it, and one whose API process died mid-way loses it when
 * the pending minute is over, so GitHub's redelivery goes through either way.
 */
export interface DeliveryGuardOptions {
  readonly redis: Redis;
  /** PUSHGATE_REDIS_PREFIX. */
  readonly prefix: string;
  /**
   * How long a claim lasts. A redelivery keeps its X-GitHub-Delivery id, and can
   * be asked for up to 3 days later on github.com, 7 on Enterprise Server:
   * the default is 8 days.
   */
  readonly ttlSeconds?: number;
}

export const DEFAULT_DELIVERY_TTL_SECONDS = 8 * 24 * 60 * 60;
/** Longer than the plugin's queueing deadline (8 s), short enough for a prompt redelivery after a crash. */
export const PENDING_CLAIM_SECONDS = 60;

export class DeliveryGuard {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly ttlSeconds: number;

  constructor(options: DeliveryGuardOptions) {
    this.redis = options.redis;
    this.prefix = options.prefix;
    this.ttlSeconds = options.ttlSeconds ?? DEFAULT_DELIVERY_TTL_SECONDS;
  }

  key(deliveryId: string): string {
    return `${this.prefix}webhook:github:delivery:${deliveryId}`;
  }

  /** True for the first claim of `deliveryId`, false for a duplicate (pending or done). */
  async claim(deliveryId: string): Promise<boolean> {
    return (await this.redis.set(this.key(deliveryId), 'pending', 'EX', PENDING_CLAIM_SECONDS, 'NX')) === 'OK';
  }

  /** The delivery's scans are queued: keep the claim for the TTL. */
  async confirm(deliveryId: string, now = Date.now()): Promise<void> {
    await this.redis.set(this.key(deliveryId), `done ${new Date(now).toISOString()}`, 'EX', this.ttlSeconds);
  }

  async release(deliveryId: string): Promise<void> {
    await this.redis.del(this.key(deliveryId));
  }
}
