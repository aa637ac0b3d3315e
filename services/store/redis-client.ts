import { Redis, type RedisOptions } from 'ioredis';

/**
 * The one way the service opens Redis. `name` shows in CLIENT LIST, which
 * helps when API and workers share a server. Queue workers need
 * `maxRetriesPerRequest: null` (BullMQ requires it) and pass it in `options`.
 */
export function createRedisClient(url: string, name: string, options: RedisOptions = {}): Redis {
  const redis = new Redis(url, { connectionName: `pushgate-${name}`, maxRetriesPerRequest: 3, ...options });
  return redis;
}

/** Waits until Redis answers PING, or throws after `timeoutMs`. */
export async function pingRedis(redis: Redis, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
