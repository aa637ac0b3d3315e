import { userInfo } from 'node:os';
import type { Redis } from 'ioredis';
import { auditFileSinkFor } from '../audit/audit-file.js';
import { AuditLog, type AuditActor } from '../audit/audit-log.js';
import { loadAuditConfig, loadRedisConfig, type RedisConfig } from '../config/config.js';
import { createRedisClient, pingRedis } from '../store/redis-client.js';

/** What the service commands need from the CLI (cli/main.ts's CliIo satisfies it). */
export interface ServiceCliIo {
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown };
  readonly env: NodeJS.ProcessEnv;
}

export class ServiceCliError extends Error {
  override readonly name = 'ServiceCliError';
  constructor(
    readonly code: 'REDIS_UNAVAILABLE' | 'AUDIT_FILE_UNREADABLE' | 'AUDIT_KEY_INVALID',
    message: string,
  ) {
    super(message);
  }
}

/** Opens Redis from REDIS_URL / PUSHGATE_REDIS_PREFIX for one command, and closes it after `fn`. */
export async function withRedis<T>(env: NodeJS.ProcessEnv, fn: (redis: Redis, config: RedisConfig) => Promise<T>): Promise<T> {
  const config = loadRedisConfig(env);
  const redis = createRedisClient(config.redisUrl, 'cli', { maxRetriesPerRequest: 1, retryStrategy: (n) => (n > 3 ? null : 200), lazyConnect: true });
  redis.on('error', () => {});
  try {
    try {
      await redis.connect();
      await pingRedis(redis, 5000);
    } catch {
      throw new ServiceCliError('REDIS_UNAVAILABLE', 'cannot reach Redis at REDIS_URL');
    }
    return await fn(redis, config);
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}

/**
 * The audit log for one CLI command: Redis, and with PUSHGATE_AUDIT_FILE set
 * (one path) that file too, so `audit verify` finds the command's entries
 * beside the service's (several processes may append to one file).
 * Checkpoints are signed when PUSHGATE_AUDIT_SIGNING_KEY is set. Call close().
 */
export function cliAuditLog(redis: Redis, prefix: string, env: NodeJS.ProcessEnv): { audit: AuditLog; close(): Promise<void> } {
  // A comma-separated list names the files `audit verify` reads, not one this command may append to.
  const file = (env['PUSHGATE_AUDIT_FILE'] ?? '').includes(',') ? undefined : auditFileSinkFor(loadAuditConfig(env));
  if (!file) return { audit: new AuditLog({ redis, prefix }), close: async () => {} };
  return { audit: new AuditLog({ redis, prefix, file }), close: () => file.close() };
}

/** Who ran a CLI command, for the audit log. */
export function cliActor(): AuditActor {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (containers): keep "unknown"
  }
  return { kind: 'cli', id: user };
}
