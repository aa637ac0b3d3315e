import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApi, type ApiOptions } from '../../services/api/app.js';
import { loadConfig, type ServiceConfig } from '../../services/config/config.js';
import { createServiceContext, type ServiceContext } from '../../services/context.js';
import type { TestRedis } from './redis.js';
import { TEST_REPOSITORY_ALLOW } from './repository-policy.js';

/** Captures pino's JSON lines in memory, so tests can search everything the service logged. */
export class LogCapture extends Writable {
  private readonly chunks: string[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(chunk.toString('utf8'));
    callback();
  }

  text(): string {
    return this.chunks.join('');
  }

  lines(): Array<Record<string, unknown>> {
    return this.text()
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}

/** Environment for a service under test: its own Redis prefix and a fresh random encryption key. */
export function testEnv(redis: TestRedis, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    REDIS_URL: redis.url(),
    PUSHGATE_REDIS_PREFIX: redis.prefix(),
    PUSHGATE_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    PUSHGATE_LOG_LEVEL: 'debug',
    // Test repositories are local, under the temp directory: the default policy refuses local paths.
    PUSHGATE_REPOSITORY_ALLOW: TEST_REPOSITORY_ALLOW,
    ...extra,
  };
}

export interface TestService {
  readonly config: ServiceConfig;
  readonly context: ServiceContext;
  readonly app: FastifyInstance;
  readonly logs: LogCapture;
  /** A token of `role`, minted through the token store. */
  token(role: 'admin' | 'triage' | 'ingest' | 'read-only'): Promise<string>;
}

/** The API on a per-test Redis client and prefix, logging (at debug) into a capture. */
export async function buildTestService(redis: TestRedis, extraEnv: NodeJS.ProcessEnv = {}, options: ApiOptions = {}): Promise<TestService> {
  const config = loadConfig(testEnv(redis, extraEnv));
  const logs = new LogCapture();
  // Logs at debug level (testEnv), through the same logger set-up as production.
  const ctx = createServiceContext(config, { redis: redis.client(), defaultMetrics: false, logDestination: logs });
  const app = await buildApi(ctx, { trustProxy: config.trustProxy, metricsToken: config.metricsToken, ...options });
  return {
    config,
    context: ctx,
    app,
    logs,
    token: async (role) => (await ctx.tokens.mint({ role, label: `test ${role}`, actor: { kind: 'system', id: 'test' } })).token.reveal(),
  };
}
