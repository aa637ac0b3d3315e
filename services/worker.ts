import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DestinationStream } from 'pino';
import { loadConfig, type ServiceConfig } from './config/config.js';
import { bindFingerprints, createServiceContext, type ServiceContext } from './context.js';
import type { PushScanReporter } from './queue/jobs.js';
import { DEFAULT_MAX_IDLE_MS, MirrorCache, type CredentialsProvider } from './queue/mirror-cache.js';
import { RepositoryPolicy } from './queue/repository-policy.js';
import { ScanWorkers } from './queue/scan-workers.js';
import { createRedisClient, pingRedis } from './store/redis-client.js';
import { closeClient } from './queue/scan-workers.js';
import { createLivenessProducer, startLivenessRunners, type LivenessProducer, type LivenessRunners } from './liveness/liveness-runtime.js';
import { recordConfigLoaded } from './audit/config-audit.js';
import { FIRST_CHECK_SWEEP_INTERVAL_MS, sweepFirstChecks } from './liveness/first-check-sweep.js';
import { gracefulShutdown } from './graceful-shutdown.js';
import { connectionErrorWarner, errorSummary } from './logging/repeat-filter.js';
import { recordStatusSample } from './triage/status-samples.js';
import { Resolutions } from './triage/resolutions.js';

/**
 * `pushgate worker`: parse the config (every problem at once), connect to
 * Redis, and run the BullMQ workers of both scan queues with
 * PUSHGATE_WORKER_CONCURRENCY jobs each. Repositories are mirrored under
 * PUSHGATE_WORK_DIR (default `<tmp>/pushgate-work`). SIGTERM or SIGINT (or
 * the abort signal) stop it gracefully: no new jobs, running ones get
 * `shutdownGraceMs` to finish, then go back to the queue for another worker.
 */
export class WorkerStartError extends Error {
  override readonly name = 'WorkerStartError';
  constructor(
    readonly code: 'REDIS_UNAVAILABLE',
    message: string,
  ) {
    super(message);
  }
}

export interface WorkerOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Aborting it shuts the worker down gracefully. */
  readonly signal?: AbortSignal;
  /** Close gracefully on SIGTERM and SIGINT (default true; tests turn it off). */
  readonly handleSignals?: boolean;
  /** Where log lines go (default stdout). */
  readonly logDestination?: DestinationStream;
  /** Already-parsed config (otherwise parsed from `env`). */
  readonly config?: ServiceConfig;
  /** How long to wait for Redis at start-up, ms (default 15000). */
  readonly redisWaitMs?: number;
  /** Root of the repository mirrors (default PUSHGATE_WORK_DIR, else `<tmp>/pushgate-work`). */
  readonly workDir?: string;
  /** Mirrors unused this long are removed (default 1 hour; 0: after each job). */
  readonly mirrorMaxIdleMs?: number;
  /** Time running jobs get to finish on shutdown before they are handed back, ms (default 25000). */
  readonly shutdownGraceMs?: number;
  /** Stalled-job detection (defaults 30 s, 30 s, 2); tests shorten them. */
  readonly lockDurationMs?: number;
  readonly stalledIntervalMs?: number;
  readonly maxStalledCount?: number;
  /** Least time between two progress writes of a job, ms (default 500). */
  readonly progressIntervalMs?: number;
  /** Told about each finished push scan (the GitHub commit-status reporter). */
  readonly reporters?: (context: ServiceContext) => readonly PushScanReporter[];
  /** Clone credentials for http(s) repositories (GitHub App installation tokens). */
  readonly credentials?: (context: ServiceContext) => CredentialsProvider | undefined;
  /** Liveness limiter override for every provider (the benchmark); null: no limiter. */
  readonly livenessLimiter?: { max: number; durationMs: number } | null;
  /** How often the first-check sweep runs (default 5 minutes; it also runs at start). */
  readonly firstCheckSweepMs?: number;
  /** First retry delay of outgoing liveness webhooks (tests shorten it). */
  readonly webhookBackoffMs?: number;
  /** How often accepted risks past their expiry are reopened (default 1 minute; it also runs at start). */
  readonly resolutionExpirySweepMs?: number;
}

export interface RunningWorker {
  readonly context: ServiceContext;
  readonly workers: ScanWorkers;
  readonly liveness: LivenessProducer;
  /** Absent when PUSHGATE_LIVENESS=off. */
  readonly livenessRunners: LivenessRunners | undefined;
  readonly mirrors: MirrorCache;
  /** Graceful shutdown; safe to call more than once. */
  close(): Promise<void>;
  /** Settles when the worker has shut down. */
  readonly closed: Promise<void>;
}

const SWEEP_EVERY_MS = 10 * 60 * 1000;
const RESOLUTION_EXPIRY_SWEEP_MS = 60 * 1000;

export function workDirFrom(env: NodeJS.ProcessEnv): string {
  const configured = env['PUSHGATE_WORK_DIR']?.trim();
  return configured ? resolve(configured) : join(tmpdir(), 'pushgate-work');
}

export async function startWorker(options: WorkerOptions = {}): Promise<RunningWorker> {
  const env = options.env ?? process.env;
  const config = options.config ?? loadConfig(env);
  // Workers wait out Redis restarts instead of failing a store write after a few retries.
  const redis = createRedisClient(config.redisUrl, 'worker', { maxRetriesPerRequest: null });
  const context = createServiceContext(config, { redis, defaultMetrics: false, ...(options.logDestination ? { logDestination: options.logDestination } : {}) });
  const log = context.logger;
  redis.on('error', connectionErrorWarner(log, 'redis connection error, retrying'));
  const closeRedis = async (): Promise<void> => {
    await context.close();
    await closeClient(redis);
  };
  if (config.unknownVariables.length > 0) log.warn({ variables: config.unknownVariables }, 'ignoring unknown PUSHGATE_* variables (typos?)');

  const waitMs = options.redisWaitMs ?? 15_000;
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await pingRedis(redis, 2000);
      break;
    } catch {
      if (Date.now() >= deadline) {
        await closeRedis();
        throw new WorkerStartError('REDIS_UNAVAILABLE', `Redis at REDIS_URL did not answer within ${waitMs / 1000} s`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  try {
    await bindFingerprints(context);
  } catch (err) {
    await closeRedis();
    throw err;
  }

  const mirrors = new MirrorCache({
    root: options.workDir ?? workDirFrom(env),
    maxIdleMs: options.mirrorMaxIdleMs ?? DEFAULT_MAX_IDLE_MS,
    policy: new RepositoryPolicy(config.repositoryAllow),
  });
  await mirrors.sweep();
  const sweeper = setInterval(() => void mirrors.sweep().catch(() => {}), Math.min(SWEEP_EVERY_MS, Math.max(options.mirrorMaxIdleMs ?? SWEEP_EVERY_MS, 1000)));
  sweeper.unref();

  const credentials = options.credentials?.(context);
  await recordConfigLoaded({ config, redis, audit: context.audit, engine: context.engine, process: 'worker' });
  const sampleCounts = (): Promise<void> => recordStatusSample({ redis, findings: context.findings }).then(() => undefined);
  const liveness = createLivenessProducer(context, redis, {
    // The console's open/live chart samples the counts whenever a verdict changes a status.
    onStatusChange: sampleCounts,
    ...(options.webhookBackoffMs !== undefined ? { webhookBackoffMs: options.webhookBackoffMs } : {}),
  });
  // Resolved findings a scan reopens (a new location) and accepted risks that expire are audited and announced here.
  const resolutions = new Resolutions({
    findings: context.findings,
    audit: context.audit,
    engine: context.engine,
    onStatusChange: sampleCounts,
    ...(liveness.notifier ? { notifier: liveness.notifier } : {}),
  });
  const expireResolutions = (): void =>
    void resolutions
      .expireDue()
      .then((n) => {
        if (n > 0) log.info({ reopened: n }, 'accepted risks expired: findings reopened');
      })
      .catch((err: unknown) => log.warn({ err: errorSummary(err) }, 'resolution expiry sweep failed; it runs again later'));
  const workers = ScanWorkers.start({
    redisUrl: config.redisUrl,
    redisPrefix: config.redisPrefix,
    concurrency: config.workerConcurrency,
    logger: log,
    deps: {
      findings: context.findings,
      engine: context.engine,
      fingerprints: context.fingerprints,
      custom: config.custom,
      mirrors,
      logger: log,
      reporters: options.reporters?.(context) ?? [],
      onStored: async (findings, stored) => {
        await resolutions.reopened(stored.reopened);
        await liveness.onStored(findings, stored);
      },
      ...(credentials ? { credentials } : {}),
      ...(options.progressIntervalMs !== undefined ? { progressIntervalMs: options.progressIntervalMs } : {}),
    },
    ...(options.lockDurationMs !== undefined ? { lockDurationMs: options.lockDurationMs } : {}),
    ...(options.stalledIntervalMs !== undefined ? { stalledIntervalMs: options.stalledIntervalMs } : {}),
    ...(options.maxStalledCount !== undefined ? { maxStalledCount: options.maxStalledCount } : {}),
  });
  let livenessRunners: LivenessRunners | undefined;
  let firstCheckSweeper: NodeJS.Timeout | undefined;
  expireResolutions();
  const expirySweeper = setInterval(expireResolutions, options.resolutionExpirySweepMs ?? RESOLUTION_EXPIRY_SWEEP_MS);
  expirySweeper.unref();
  try {
    await workers.ready();
    if (config.liveness.enabled) {
      livenessRunners = await startLivenessRunners(context, liveness, options.livenessLimiter !== undefined ? { limiter: options.livenessLimiter } : {});
      // First checks a crashed worker stored findings for but never queued: now, then periodically.
      const sweep = (): void =>
        void sweepFirstChecks({ redis, findings: context.findings, queues: liveness.queues, logger: log }).catch((err: unknown) =>
          log.warn({ err: errorSummary(err) }, 'first-check sweep failed; it runs again later'),
        );
      sweep();
      firstCheckSweeper = setInterval(sweep, options.firstCheckSweepMs ?? FIRST_CHECK_SWEEP_INTERVAL_MS);
      firstCheckSweeper.unref();
    }
  } catch (err) {
    clearInterval(sweeper);
    clearInterval(expirySweeper);
    clearInterval(firstCheckSweeper);
    await workers.close(0);
    await livenessRunners?.close();
    await liveness.close();
    await closeRedis();
    throw err;
  }
  log.info({ concurrency: config.workerConcurrency, workDir: mirrors.root, pid: process.pid }, 'pushgate worker running');

  const { close, closed } = gracefulShutdown({
    logger: log,
    handleSignals: options.handleSignals ?? true,
    ...(options.signal ? { signal: options.signal } : {}),
    stop: async () => {
      clearInterval(sweeper);
      clearInterval(expirySweeper);
      clearInterval(firstCheckSweeper);
      await Promise.all([workers.close(options.shutdownGraceMs ?? 25_000), livenessRunners?.close()]);
      await liveness.close();
    },
    release: closeRedis,
    stoppedMessage: 'pushgate worker stopped',
  });
  return { context, workers, liveness, livenessRunners, mirrors, close, closed };
}

/** The `pushgate worker` command body: runs until SIGTERM/SIGINT (or `signal`), then resolves. */
export async function runWorker(options: WorkerOptions = {}): Promise<void> {
  const running = await startWorker(options);
  await running.closed;
}
