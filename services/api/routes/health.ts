import type { FastifyPluginAsync } from 'fastify';
import type { Redis } from 'ioredis';
import type { ServiceMetrics } from '../../metrics/metrics.js';
import { pingRedis } from '../../store/redis-client.js';
import { ApiError } from '../api-error.js';
import { healthSchema, readySchema } from '../schemas/admin.js';

/** A dependency /readyz checks; the queue part adds its own (e.g. BullMQ connection). */
export interface ReadinessCheck {
  readonly name: string;
  /** Resolves when healthy; rejects (or times out) otherwise. */
  check(): Promise<void>;
}

const CHECK_TIMEOUT_MS = 2000;

export function healthRoutes(deps: { redis: Redis; metrics: ServiceMetrics; readinessChecks: readonly ReadinessCheck[] }): FastifyPluginAsync {
  const checks: ReadinessCheck[] = [{ name: 'redis', check: () => pingRedis(deps.redis, CHECK_TIMEOUT_MS) }, ...deps.readinessChecks];
  return async (app) => {
    app.get('/healthz', { schema: healthSchema, logLevel: 'warn' }, async () => ({ status: 'ok' }));

    app.get('/readyz', { schema: readySchema, logLevel: 'warn' }, async () => {
      const results: Record<string, string> = {};
      const failed: string[] = [];
      await Promise.all(
        checks.map(async (c) => {
          try {
            await withTimeout(c.check(), CHECK_TIMEOUT_MS);
            results[c.name] = 'ok';
          } catch {
            results[c.name] = 'failed';
            failed.push(c.name);
          }
        }),
      );
      if (failed.length > 0) {
        const code = failed.includes('redis') ? 'REDIS_UNAVAILABLE' : 'DEPENDENCY_UNAVAILABLE';
        throw new ApiError(503, code, `not ready: ${failed.sort().join(', ')} did not answer`);
      }
      return { status: 'ready', checks: results };
    });

    app.get('/metrics', { schema: { summary: 'Prometheus metrics', tags: ['health'] }, logLevel: 'warn' }, async (_request, reply) => {
      const text = await deps.metrics.registry.metrics();
      reply.header('content-type', deps.metrics.registry.contentType);
      return text;
    });
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
