import type { FastifyPluginAsync } from 'fastify';
import type { SecretValue } from '../../../scanner/secret-value.js';
import type { Redis } from 'ioredis';
import type { ServiceMetrics } from '../../metrics/metrics.js';
import { pingRedis } from '../../store/redis-client.js';
import { secretEquals } from '../../crypto/constant-time.js';
import { ApiError } from '../api-error.js';
import { bearerTokenOf } from '../auth-hook.js';
import { healthSchema, readySchema } from '../schemas/admin.js';

/** A dependency /readyz checks; the queue part adds its own (e.g. BullMQ connection). */
export interface ReadinessCheck {
  readonly name: string;
  /** Resolves when healthy; rejects (or times out) otherwise. */
  check(): Promise<void>;
}

const CHECK_TIMEOUT_MS = 2000;

/** Metrics that say how many secrets the store holds, by status: shown only to a scraper holding PUSHGATE_METRICS_TOKEN. */
const FINDING_METRICS = new Set(['pushgate_findings', 'pushgate_scan_findings_total', 'pushgate_block_events_stored']);

export function healthRoutes(deps: {
  redis: Redis;
  metrics: ServiceMetrics;
  readinessChecks: readonly ReadinessCheck[];
  metricsToken?: SecretValue | undefined;
}): FastifyPluginAsync {
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

    app.get('/metrics', { schema: { summary: 'Prometheus metrics', tags: ['health'] }, logLevel: 'warn' }, async (request, reply) => {
      const registry = deps.metrics.registry;
      let text: string;
      if (deps.metricsToken) {
        if (!secretEquals(deps.metricsToken.reveal(), bearerTokenOf(request.headers.authorization))) {
          reply.header('www-authenticate', 'Bearer realm="pushgate-metrics"');
          throw new ApiError(401, 'METRICS_TOKEN_REQUIRED', '/metrics needs the bearer token set in PUSHGATE_METRICS_TOKEN');
        }
        text = await registry.metrics();
      } else {
        const names = registry.getMetricsAsArray().map((m) => m.name).filter((name) => !FINDING_METRICS.has(name));
        // The same text format as registry.metrics(), less the finding metrics (whose collectors then never run).
        text = `${(await Promise.all(names.map((name) => registry.getSingleMetricAsString(name)))).join('\n\n')}\n`;
      }
      reply.header('content-type', registry.contentType);
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
