import type { Redis } from 'ioredis';
import type { DestinationStream, Logger } from 'pino';
import type { Registry } from 'prom-client';
import { createEngine } from '../detectors/engine/engine.js';
import { ALL_DETECTORS } from '../detectors/registry.js';
import type { ApiDependencies } from './api/dependencies.js';
import { auditFileSinkFor } from './audit/audit-file.js';
import { AuditLog } from './audit/audit-log.js';
import { TokenStore } from './auth/token-store.js';
import type { ServiceConfig } from './config/config.js';
import { createLogger } from './logging/logger.js';
import { createServiceMetrics } from './metrics/metrics.js';
import { BlockEventsStore } from './store/block-events-store.js';
import { FindingsStore } from './store/findings-store.js';
import { createRedisClient, FAIL_FAST_OPTIONS } from './store/redis-client.js';
import { connectionErrorWarner } from './logging/repeat-filter.js';
import { serviceFingerprints, type ServiceFingerprints } from './store/fingerprint-binding.js';

/**
 * Everything a pushgate process (API or worker) shares, built from the
 * config: one Redis connection, the stores, the audit log, the engine, the
 * logger and the metrics registry. `close()` releases what it opened.
 */
export interface ServiceContext extends ApiDependencies {
  readonly config: ServiceConfig;
  /** Bound to the store's fingerprint key by bindFingerprints() at start-up. */
  readonly fingerprints: ServiceFingerprints;
  close(): Promise<void>;
}

export interface ServiceContextOptions {
  /** Use this connection instead of opening one (it is then not closed by close()). */
  readonly redis?: Redis;
  readonly logger?: Logger;
  /** Where log lines go when no logger is given (default stdout). */
  readonly logDestination?: DestinationStream;
  readonly registry?: Registry;
  readonly clock?: () => Date;
  /** Process metrics (CPU, memory); default on. */
  readonly defaultMetrics?: boolean;
}

export function createServiceContext(config: ServiceConfig, options: ServiceContextOptions = {}): ServiceContext {
  // PUSHGATE_CONFIG's custom detectors run beside the built-in ones (checked against their examples when the config loaded).
  const engine = createEngine(config.custom.detectors.length > 0 ? [...ALL_DETECTORS, ...config.custom.detectors] : ALL_DETECTORS);
  const logger =
    options.logger ?? createLogger({ level: config.logLevel, engine, ...(options.logDestination ? { destination: options.logDestination } : {}) });
  const ownsRedis = !options.redis;
  // The API fails fast while Redis is away (503 STORE_UNAVAILABLE) instead of queueing requests behind a reconnect.
  const redis = options.redis ?? createRedisClient(config.redisUrl, 'api', FAIL_FAST_OPTIONS);
  if (ownsRedis) redis.on('error', connectionErrorWarner(logger, 'redis connection error, retrying'));
  const prefix = config.redisPrefix;
  const clock = options.clock;
  const common = { redis, prefix, ...(clock ? { clock } : {}) };
  const auditFile = auditFileSinkFor(config.audit);
  const audit = new AuditLog({ ...common, logger, ...(auditFile ? { file: auditFile } : {}) });
  const findings = new FindingsStore({ ...common, keyRing: config.keyRing });
  const fingerprints = serviceFingerprints(config.fingerprintKey, config.keyRing);
  const blockEvents = new BlockEventsStore(common);
  const tokens = new TokenStore({ ...common, audit });
  const metrics = createServiceMetrics({
    findings,
    blockEvents,
    defaultMetrics: options.defaultMetrics ?? true,
    ...(options.registry ? { registry: options.registry } : {}),
  });
  return {
    config,
    redis,
    findings,
    blockEvents,
    tokens,
    audit,
    engine,
    fingerprints,
    metrics,
    logger,
    scanBodyLimit: config.scanBodyLimit,
    async close() {
      await auditFile?.close().catch(() => {});
      if (ownsRedis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/**
 * Binds the context's fingerprints to the key the store records (a new store
 * records the configured one). Before this a context fingerprints with the
 * configured key, which is right for a new store and for tests.
 */
export async function bindFingerprints(context: Pick<ServiceContext, 'fingerprints' | 'redis' | 'findings'>): Promise<void> {
  await context.fingerprints.bind(context.redis, context.findings.keys);
}
