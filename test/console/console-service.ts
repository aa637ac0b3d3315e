import type { FastifyInstance } from 'fastify';
import { buildApi } from '../../services/api/app.js';
import { loadConfig } from '../../services/config/config.js';
import { consolePluginsFor } from '../../services/console/console-wiring.js';
import { createServiceContext, type ServiceContext } from '../../services/context.js';
import { createLivenessProducer, type LivenessProducer } from '../../services/liveness/liveness-runtime.js';
import type { TestRedis } from '../support/redis.js';
import { LogCapture, testEnv } from '../support/service.js';

/**
 * The API with the triage routes and the console, on a test's Redis prefix,
 * with the real liveness tracker (re-checks queue real jobs; run liveness
 * workers on `context` to get verdicts).
 */
export interface ConsoleTestService {
  readonly app: FastifyInstance;
  readonly context: ServiceContext;
  readonly liveness: LivenessProducer;
  readonly logs: LogCapture;
  token(role: 'admin' | 'triage' | 'ingest' | 'read-only', label?: string): Promise<string>;
  close(): Promise<void>;
}

export async function buildConsoleService(redis: TestRedis, extraEnv: NodeJS.ProcessEnv = {}): Promise<ConsoleTestService> {
  const config = loadConfig(testEnv(redis, extraEnv));
  const logs = new LogCapture();
  const context = createServiceContext(config, { redis: redis.client(), defaultMetrics: false, logDestination: logs });
  const liveness = createLivenessProducer(context, redis.client());
  const app = await buildApi({ ...context, liveness: liveness.tracker }, {
    trustProxy: config.trustProxy,
    plugins: consolePluginsFor(context, { liveness: liveness.tracker }),
  });
  return {
    app,
    context,
    liveness,
    logs,
    token: async (role, label) => (await context.tokens.mint({ role, label: label ?? `test ${role}`, actor: { kind: 'system', id: 'test' } })).token.reveal(),
    async close() {
      await app.close();
      await liveness.close();
    },
  };
}
