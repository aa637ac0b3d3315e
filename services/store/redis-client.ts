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

/**
 * Options for connections that serve HTTP requests: with Redis away a
 * request must fail at once (503 STORE_UNAVAILABLE), not wait in ioredis's
 * offline queue or retry for seconds while the client waits. A connected
 * Redis that stops answering is given up on after API_COMMAND_TIMEOUT_MS.
 */
export const API_COMMAND_TIMEOUT_MS = 1000;
export const FAIL_FAST_OPTIONS: RedisOptions = { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: API_COMMAND_TIMEOUT_MS };

/** What ioredis throws when the server is unreachable or not serving (as opposed to a bad command or reply). */
const UNAVAILABLE =
  /Stream isn't writeable|enableOfflineQueue|Connection is closed|Command timed out|max retries per request|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|^LOADING|^MASTERDOWN|^CLUSTERDOWN|^TRYAGAIN/i;

/** Whether `err` means the store is unreachable: by its kind, or because `redis` is not connected while it happened. */
export function isRedisUnavailable(err: unknown, redis?: Redis): boolean {
  if (err instanceof Error && (err.name === 'MaxRetriesPerRequestError' || UNAVAILABLE.test(err.message))) return true;
  return redis !== undefined && redis.status !== 'ready';
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
