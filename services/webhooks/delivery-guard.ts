import type { Redis } from 'ioredis';

/**
 * Drops duplicate GitHub deliveries: the first request with an
 * `X-GitHub-Delivery` id claims it in Redis (SET NX with a TTL), so a
 * redelivery, or the same delivery arriving twice at once on two API
 * processes, finds the claim and is answered as a duplicate. A delivery
 * whose scans could not be queued releases its claim, so GitHub's
 * redelivery of it goes through.
 */
export interface DeliveryGuardOptions {
  readonly redis: Redis;
  /** PUSHGATE_REDIS_PREFIX. */
  readonly prefix: string;
  /** How long a claim lasts; GitHub redelivers deliveries of the past 3 days, so the default is 4 days. */
  readonly ttlSeconds?: number;
}

export const DEFAULT_DELIVERY_TTL_SECONDS = 4 * 24 * 60 * 60;

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

  /** True for the first claim of `deliveryId` within the TTL, false for a duplicate. */
  async claim(deliveryId: string, now = Date.now()): Promise<boolean> {
    return (await this.redis.set(this.key(deliveryId), String(now), 'EX', this.ttlSeconds, 'NX')) === 'OK';
  }

  async release(deliveryId: string): Promise<void> {
    await this.redis.del(this.key(deliveryId));
  }
}
