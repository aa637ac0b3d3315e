import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pino from 'pino';
import { LivenessHttp } from '../liveness/http/liveness-http.js';
import { githubCheck } from '../liveness/github/check.js';
import { LIVENESS_CHECKS } from '../liveness/registry.js';
import { runCheck } from '../liveness/run-check.js';
import { runLimited } from '../liveness/verify-findings.js';
import { AuditLog } from '../services/audit/audit-log.js';
import { KeyRing } from '../services/crypto/secret-box.js';
import { LIVENESS_DEFAULTS } from '../services/config/liveness-config.js';
import { LivenessQueues } from '../services/liveness/liveness-queues.js';
import { LivenessTracker } from '../services/liveness/liveness-tracker.js';
import { LivenessWorkers } from '../services/liveness/liveness-workers.js';
import { VerdictCache } from '../services/liveness/verdict-cache.js';
import { FindingsStore } from '../services/store/findings-store.js';
import type { Finding } from '../scanner/types.js';
import { findingsIn, githubTokens } from '../test/support/findings.js';
import { ProviderStandIn } from '../test/support/provider-stand-in.js';
import { githubRoutes } from '../test/support/providers/github.js';
import { startRedisServer } from '../test/support/redis.js';
import { fmt, percentile } from './measure.js';
import type { BenchContext, BenchModule } from './types.js';

/**
 * Liveness checks through the queue (store → BullMQ job → sealed secret
 * opened → provider call → verdict applied, history and audit written →
 * job delayed to its next check) against the GitHub stand-in answering after
 * `--latency-ms` (default 25, a nearby provider), at worker concurrency 1, 8
 * and 32. Baseline in the same run: the same checks called directly
 * (runCheck, no Redis) at the same concurrency. Also the time from a new
 * finding being stored to its first verdict, with idle workers.
 * Options: `--findings N` (default 400), `--latency-ms N`.
 */
export const bench: BenchModule = {
  name: 'liveness',
  title: 'liveness checks per second through the BullMQ queue vs direct calls, and time from finding to first verdict',
  run,
};

function parseArgs(args: readonly string[]): { findings: number; latencyMs: number } {
  const opts = { findings: 400, latencyMs: 25 };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--findings') opts.findings = Number(args[++i]);
    else if (args[i] === '--latency-ms') opts.latencyMs = Number(args[++i]);
  }
  return opts;
}


async function run(ctx: BenchContext): Promise<void> {
  const opts = parseArgs(ctx.args);
  const tokens = githubTokens('bench-liveness', opts.findings + 50);
  const findings: Finding[] = tokens.map((t, i) => findingsIn(`GITHUB_TOKEN=${t}\n`, { kind: 'blob', path: `svc${i}/.env`, commit: '0'.repeat(40) })[0]!);
  const standIn = await ProviderStandIn.start({ routes: githubRoutes, valid: tokens, latencyMs: opts.latencyMs });
  const server = await startRedisServer();
  const redis = new Redis(server.url, { maxRetriesPerRequest: null });
  const http = new LivenessHttp({ allowedPrivateHosts: ['127.0.0.1'], connections: 64 });
  const logger = pino({ level: 'silent' });
  const keyRing = new KeyRing([randomBytes(32)]);
  const baseUrls = { github: standIn.url };
  const rows: string[][] = [];
  try {
    const batch = findings.slice(0, opts.findings);
    for (const concurrency of [1, 8, 32]) {
      // Baseline: the same provider calls, directly, at the same concurrency.
      const t0 = performance.now();
      await runLimited(
        batch.map((f) => () => runCheck(githubCheck, { detector: f.detector, secret: f.secret, context: f.context }, { http, baseUrl: standIn.url })),
        concurrency,
      );
      const directPerSecond = batch.length / ((performance.now() - t0) / 1000);

      const prefix = `pgbench:${randomBytes(4).toString('hex')}:`;
      const store = new FindingsStore({ redis, prefix, keyRing });
      const queues = new LivenessQueues({ connection: redis, redisPrefix: prefix });
      const tracker = new LivenessTracker({ findings: store, audit: new AuditLog({ redis, prefix }), queues, settings: LIVENESS_DEFAULTS });
      await store.addFindings('bench/repo', batch);
      const workers = LivenessWorkers.start({
        redisUrl: server.url,
        redisPrefix: prefix,
        concurrency,
        // Every provider's queue and worker, as in production: the idle ones cost Redis polling too.
        checks: LIVENESS_CHECKS,
        logger,
        limiter: null,
        deps: { findings: store, tracker, queues, http, baseUrls, cache: new VerdictCache(redis, store.keys, 0), timeoutMs: 10_000 },
      });
      await workers.ready();
      const t1 = performance.now();
      await tracker.enqueueNew(batch);
      while ((await store.countByStatus()).live < batch.length) await new Promise((r) => setTimeout(r, 5));
      const queuedPerSecond = batch.length / ((performance.now() - t1) / 1000);

      // Finding to first verdict, one at a time with idle workers.
      const latencies: number[] = [];
      for (const f of findings.slice(opts.findings, opts.findings + 20)) {
        const s = performance.now();
        const stored = await store.addFindings('bench/repo', [f]);
        await tracker.enqueueNew([f].filter(() => stored.created === 1));
        while ((await store.get(f.fingerprint, { locationLimit: 0 }))?.status !== 'live') await new Promise((r) => setTimeout(r, 1));
        latencies.push(performance.now() - s);
      }
      await workers.close();
      await queues.close();
      rows.push([
        String(concurrency),
        fmt(directPerSecond, 0),
        fmt(queuedPerSecond, 0),
        `${fmt(queuedPerSecond / directPerSecond, 2)}x`,
        fmt(percentile(latencies, 50), 0),
        fmt(percentile(latencies, 95), 0),
      ]);
    }
    ctx.table(
      `${fmt(opts.findings)} GitHub findings, stand-in answering after ${opts.latencyMs} ms`,
      ['concurrency', 'direct checks/s', 'queued checks/s', 'queued / direct', 'finding→verdict p50 ms', 'p95 ms'],
      rows,
    );
  } finally {
    await http.close();
    await standIn.close();
    redis.disconnect();
    await server.stop();
  }
}
