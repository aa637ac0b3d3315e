import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { buildApi, type ApiOptions } from './api/app.js';
import { recordConfigLoaded } from './audit/config-audit.js';
import { loadConfig, type ServiceConfig } from './config/config.js';
import { consolePluginsFor } from './console/console-wiring.js';
import { bindFingerprints, createServiceContext, type ServiceContext } from './context.js';
import { registerQueueMetrics } from './queue/queue-metrics.js';
import { ScanQueues } from './queue/scan-queues.js';
import { RepositoryPolicy } from './queue/repository-policy.js';
import { scansPlugin } from './queue/scans-plugin.js';
import { gracefulShutdown } from './graceful-shutdown.js';
import { createLivenessProducer } from './liveness/liveness-runtime.js';
import { pingRedis } from './store/redis-client.js';
import { githubWebhookPluginFor } from './webhooks/github-webhook-plugin.js';

/**
 * `pushgate serve`: parse the config (every problem at once), connect to
 * Redis, bootstrap the admin token, build the API and listen. SIGTERM or
 * SIGINT (or the abort signal) close it gracefully: stop accepting, let
 * requests in flight finish (10 s at most), then close Redis.
 */
export class ServeError extends Error {
  override readonly name = 'ServeError';
  constructor(
    readonly code: 'REDIS_UNAVAILABLE',
    message: string,
  ) {
    super(message);
  }
}

export interface ServeOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Aborting it shuts the service down gracefully. */
  readonly signal?: AbortSignal;
  /** Close gracefully on SIGTERM and SIGINT (default true; tests turn it off). */
  readonly handleSignals?: boolean;
  /** Where log lines go (default stdout). */
  readonly logDestination?: DestinationStream;
  /** Extra route plugins and readiness checks (queue and webhook parts). */
  readonly api?: ApiOptions;
  /** Already-parsed config (otherwise parsed from `env`). */
  readonly config?: ServiceConfig;
  /** How long to wait for Redis at start-up, ms (default 15000). */
  readonly redisWaitMs?: number;
}

export interface RunningService {
  /** e.g. http://127.0.0.1:8080 */
  readonly url: string;
  readonly app: FastifyInstance;
  readonly context: ServiceContext;
  /** The scan queues (POST /v1/scans enqueues here; webhook handlers can too). */
  readonly queues: ScanQueues;
  /** Graceful shutdown; safe to call more than once. */
  close(): Promise<void>;
  /** Settles when the service has shut down. */
  readonly closed: Promise<void>;
}

const SHUTDOWN_GRACE_MS = 10_000;

export async function startService(options: ServeOptions = {}): Promise<RunningService> {
  const config = options.config ?? loadConfig(options.env ?? process.env);
  const context = createServiceContext(config, options.logDestination ? { logDestination: options.logDestination } : {});
  const log = context.logger;
  if (config.unknownVariables.length > 0) log.warn({ variables: config.unknownVariables }, 'ignoring unknown PUSHGATE_* variables (typos?)');

  const waitMs = options.redisWaitMs ?? 15_000;
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await pingRedis(context.redis, 2000);
      break;
    } catch {
      if (Date.now() >= deadline) {
        await context.close();
        throw new ServeError('REDIS_UNAVAILABLE', `Redis at REDIS_URL did not answer within ${waitMs / 1000} s`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  try {
    await bindFingerprints(context);
  } catch (err) {
    await context.close();
    throw err;
  }

  if (config.adminToken) {
    const { changed } = await context.tokens.bootstrapAdmin(config.adminToken);
    if (changed) log.info('installed the admin token from PUSHGATE_ADMIN_TOKEN');
  } else if ((await context.tokens.list()).length === 0) {
    log.warn('no API tokens exist: set PUSHGATE_ADMIN_TOKEN or run `pushgate token create --role admin`');
  }
  // Audits `config.loaded` when the (non-secret) config differs from the last one recorded.
  await recordConfigLoaded({ config, redis: context.redis, audit: context.audit, engine: context.engine, process: 'api' });

  let app: FastifyInstance;
  // The scan queues share the context's Redis connection: /v1/scans and the queue depths in /metrics use them.
  const queues = new ScanQueues({ connection: context.redis, redisPrefix: config.redisPrefix });
  registerQueueMetrics(context.metrics.registry, queues);
  // Re-check requests queue liveness jobs; the workers run them.
  const liveness = createLivenessProducer(context, context.redis);
  try {
    const api = options.api ?? {};
    // POST /webhooks/github exists when GITHUB_WEBHOOK_SECRET is set.
    const webhooks = githubWebhookPluginFor(context, queues);
    app = await buildApi({ ...context, liveness: liveness.tracker, revocation: liveness.revocation }, {
      trustProxy: config.trustProxy,
      metricsToken: config.metricsToken,
      ...api,
      plugins: [
        scansPlugin({ queues, audit: context.audit, engine: context.engine, policy: new RepositoryPolicy(config.repositoryAllow) }),
        ...(webhooks ? [webhooks] : []),
        // Triage API and the console at /console (re-checks and liveness history through the tracker).
        ...consolePluginsFor(context, { liveness: liveness.tracker, revocation: liveness.revocation, ...(liveness.notifier ? { notifier: liveness.notifier } : {}) }),
        ...(api.plugins ?? []),
      ],
    });
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    await queues.close();
    await liveness.close();
    await context.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  log.info({ url }, 'pushgate service listening');

  let timer: NodeJS.Timeout | undefined;
  let sweeper: NodeJS.Timeout | undefined;
  const { close, closed } = gracefulShutdown({
    logger: log,
    handleSignals: options.handleSignals ?? true,
    ...(options.signal ? { signal: options.signal } : {}),
    stop: async () => {
      timer = setTimeout(() => {
        log.warn('requests still running after the grace period: closing their connections');
        app.server.closeAllConnections();
      }, SHUTDOWN_GRACE_MS);
      // A keep-alive connection whose request finishes during shutdown is closed as soon as it is idle.
      sweeper = setInterval(() => app.server.closeIdleConnections(), 50);
      await app.close();
    },
    release: async () => {
      clearTimeout(timer);
      clearInterval(sweeper);
      await queues.close();
      await liveness.close();
      await context.close();
    },
    stoppedMessage: 'pushgate service stopped',
  });
  return { url, app, context, queues, close, closed };
}

/** The `pushgate serve` command body: runs until SIGTERM/SIGINT (or `signal`), then resolves. */
export async function serve(options: ServeOptions = {}): Promise<void> {
  const running = await startService(options);
  await running.closed;
}
