import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { configuredHosts } from '../../liveness/base-urls.js';
import { LivenessHttp } from '../../liveness/http/liveness-http.js';
import { LIVENESS_CHECKS } from '../../liveness/registry.js';
import type { Finding } from '../../scanner/types.js';
import type { ServiceContext } from '../context.js';
import type { AddFindingsResult, FindingStatus } from '../store/findings-store.js';
import { LivenessQueues } from './liveness-queues.js';
import { LivenessTracker } from './liveness-tracker.js';
import { LivenessWorkers } from './liveness-workers.js';
import { startWebhookSender, WebhookNotifier, type LivenessNotifier } from './outgoing-webhooks.js';
import { closeWorker } from '../queue/close-worker.js';
import { VerdictCache } from './verdict-cache.js';
import { FindingRevocation } from './finding-revocation.js';

/**
 * Wires liveness into a pushgate process. The API side needs the producer
 * half (queue checks, read history); the worker also runs the provider
 * workers and the webhook sender.
 */
export interface LivenessProducer {
  readonly tracker: LivenessTracker;
  readonly queues: LivenessQueues;
  /** The outgoing webhooks, when PUSHGATE_LIVENESS_WEBHOOK_URLS names receivers (resolution changes use them too). */
  readonly notifier: LivenessNotifier | undefined;
  /** "Revoke now" (the API and the console); confirmed by the checks the workers run. */
  readonly revocation: FindingRevocation;
  /** For the scan processors: queue first checks of findings new to the store. */
  onStored(findings: readonly Finding[], stored: AddFindingsResult): Promise<void>;
  close(): Promise<void>;
}

export interface LivenessProducerOptions {
  readonly onStatusChange?: (fingerprint: string, previous: FindingStatus, next: FindingStatus) => Promise<void>;
  /** First webhook retry delay (tests shorten it). */
  readonly webhookBackoffMs?: number;
}

export function createLivenessProducer(context: ServiceContext, connection: Redis, options: LivenessProducerOptions = {}): LivenessProducer {
  const { config } = context;
  const queues = new LivenessQueues({ connection, redisPrefix: config.redisPrefix });
  const notifier = config.liveness.webhookUrls.length > 0 ? new WebhookNotifier(connection, config.redisPrefix, config.liveness.webhookUrls, options.webhookBackoffMs) : undefined;
  const tracker = new LivenessTracker({
    findings: context.findings,
    audit: context.audit,
    queues,
    settings: config.liveness,
    logger: context.logger,
    enabled: config.liveness.enabled,
    ...(notifier ? { notifier } : {}),
    ...(options.onStatusChange ? { onStatusChange: options.onStatusChange } : {}),
  });
  // Revocations are made from the API process, so it has its own client with the same address policy as the checks.
  const revocationHttp = new LivenessHttp({ allowedPrivateHosts: configuredHosts(config.liveness.baseUrls), timeoutMs: config.liveness.timeoutMs });
  const revocation = new FindingRevocation({
    findings: context.findings,
    audit: context.audit,
    queues,
    redis: connection,
    http: revocationHttp,
    baseUrls: config.liveness.baseUrls,
    enabled: config.liveness.enabled,
    timeoutMs: config.liveness.timeoutMs,
  });
  return {
    tracker,
    queues,
    notifier,
    revocation,
    async onStored(findings, stored) {
      if (!config.liveness.enabled) return;
      const created = new Set(stored.findings.filter((f) => f.created).map((f) => f.fingerprint));
      await tracker.enqueueNew(findings.filter((f) => created.has(f.fingerprint)));
    },
    async close() {
      await queues.close();
      await notifier?.close();
      await revocationHttp.close();
    },
  };
}

export interface LivenessRunners {
  readonly workers: LivenessWorkers;
  readonly sender: Worker | undefined;
  readonly http: LivenessHttp;
  close(): Promise<void>;
}

export async function startLivenessRunners(
  context: ServiceContext,
  producer: LivenessProducer,
  options: { readonly limiter?: { max: number; durationMs: number } | null } = {},
): Promise<LivenessRunners> {
  const { config } = context;
  const settings = config.liveness;
  const http = new LivenessHttp({ allowedPrivateHosts: configuredHosts(settings.baseUrls), timeoutMs: settings.timeoutMs, connections: Math.max(8, settings.concurrency) });
  const workers = LivenessWorkers.start({
    redisUrl: config.redisUrl,
    redisPrefix: config.redisPrefix,
    concurrency: settings.concurrency,
    checks: LIVENESS_CHECKS,
    logger: context.logger,
    ...(options.limiter !== undefined ? { limiter: options.limiter } : {}),
    deps: {
      findings: context.findings,
      tracker: producer.tracker,
      queues: producer.queues,
      http,
      baseUrls: settings.baseUrls,
      cache: new VerdictCache(context.redis, context.findings.keys, settings.cacheMs),
      timeoutMs: settings.timeoutMs,
    },
  });
  const sender =
    settings.webhookUrls.length > 0 && settings.webhookSecret
      ? startWebhookSender({ connection: context.redis, redisPrefix: config.redisPrefix, secret: settings.webhookSecret, logger: context.logger, timeoutMs: settings.timeoutMs })
      : undefined;
  await workers.ready();
  return {
    workers,
    sender,
    http,
    async close() {
      await workers.close();
      if (sender) await closeWorker(sender, context.logger);
      await http.close();
    },
  };
}
