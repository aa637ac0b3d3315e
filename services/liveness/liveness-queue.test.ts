import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { githubCheck } from '../../liveness/github/check.js';
import { LivenessHttp } from '../../liveness/http/liveness-http.js';
import type { Finding } from '../../scanner/types.js';
import { findingsIn, githubTokens } from '../../test/support/findings.js';
import { ProviderStandIn } from '../../test/support/provider-stand-in.js';
import { githubRoutes } from '../../test/support/providers/github.js';
import { useTestRedis } from '../../test/support/redis.js';
import { AuditLog } from '../audit/audit-log.js';
import { KeyRing } from '../crypto/secret-box.js';
import { FindingsStore } from '../store/findings-store.js';
import { LivenessQueues } from './liveness-queues.js';
import { LivenessTracker } from './liveness-tracker.js';
import { LivenessWorkers } from './liveness-workers.js';
import { VerdictCache } from './verdict-cache.js';

/** The liveness queue's promises, on real Redis and BullMQ against the GitHub stand-in. */
const redis = useTestRedis();
const [token] = githubTokens('liveness-queue', 1) as [string];

let standIn: ProviderStandIn;
let http: LivenessHttp;
let store: FindingsStore;
let queues: LivenessQueues;
let tracker: LivenessTracker;
let workers: LivenessWorkers | undefined;

const settings = { recheckLiveMs: 3_600_000, recheckUnknownMs: 100, recheckUnknownMaxMs: 1000, confirmRevokedMs: 3_600_000 };

async function start(cacheMs: number): Promise<void> {
  workers = LivenessWorkers.start({
    redisUrl: redis.url(),
    redisPrefix: redis.prefix(),
    concurrency: 8,
    checks: [githubCheck],
    logger: pino({ level: 'silent' }),
    deps: { findings: store, tracker, queues, http, baseUrls: { github: standIn.url }, cache: new VerdictCache(redis.client(), store.keys, cacheMs), timeoutMs: 2000 },
  });
  await workers.ready();
}

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (const deadline = Date.now() + 20_000; ; ) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function finding(): Finding {
  return findingsIn(`GITHUB_TOKEN=${token}\n`, { path: '.env', commit: 'a'.repeat(40), author: 'Ada', email: 'ada@example.com', date: '2024-01-01T00:00:00Z' })[0]!;
}

beforeEach(async () => {
  standIn = await ProviderStandIn.start({ routes: githubRoutes, valid: [token], retryAfterSeconds: 7 });
  http = new LivenessHttp({ allowedPrivateHosts: ['127.0.0.1'], timeoutMs: 2000 });
  store = new FindingsStore({ redis: redis.client(), prefix: redis.prefix(), keyRing: new KeyRing([randomBytes(32)]) });
  queues = new LivenessQueues({ connection: redis.client(), redisPrefix: redis.prefix() });
  tracker = new LivenessTracker({ findings: store, audit: new AuditLog({ redis: redis.client(), prefix: redis.prefix() }), queues, settings });
});
afterEach(async () => {
  await workers?.close();
  workers = undefined;
  await queues.close();
  await http.close();
  await standIn.close();
});

describe('liveness queue', () => {
  it('honours Retry-After: the finding is unknown, its next check waits at least that long, and the provider queue pauses', async () => {
    standIn.setMode('rate-limited');
    const f = finding();
    await store.addFindings('acme/api', [f]);
    await start(0);
    await tracker.enqueueNew([f]);
    const [record] = await eventually(() => tracker.history(f.fingerprint), (h) => h.length > 0);
    expect(record).toMatchObject({ outcome: 'unknown', httpStatus: 429, statusAfter: 'unknown' });
    const fields = await store.livenessFields(f.fingerprint);
    expect(Date.parse(fields!.nextCheckAt!) - Date.parse(fields!.lastCheckedAt!)).toBeGreaterThanOrEqual(7000);
    expect(await queues.queue('github').getRateLimitTtl()).toBeGreaterThan(5000);
    expect(standIn.requests).toHaveLength(1);
  });

  it('a burst of requests for one secret costs one provider call (plus one re-run for a request that lands mid-check); two findings of one credential share it', async () => {
    const f = finding();
    // The same credential under a second fingerprint (as two detector families finding one value would).
    const twin: Finding = { ...f, fingerprint: 'f'.repeat(32) };
    await store.addFindings('acme/api', [f, twin]);
    await start(60_000);
    await Promise.all([
      tracker.enqueueNew([f, twin]),
      ...Array.from({ length: 10 }, () => tracker.requestRecheck(f.fingerprint, { kind: 'cli', id: 'test' })),
      tracker.enqueueNew([f]),
    ]);
    await eventually(() => store.countByStatus(), (c) => c.live === 2);
    // A triage request that landed while the check ran gets one more check; nothing else calls again.
    await new Promise((r) => setTimeout(r, 300));
    const calls = standIn.requests.length;
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThanOrEqual(2);
    const twinHistory = await tracker.history(twin.fingerprint);
    expect(twinHistory.length).toBeGreaterThanOrEqual(1);
    expect(twinHistory.every((r) => r.outcome === 'live')).toBe(true);
  });

  it('a re-check requested while a check runs gets a check of its own after it, also when that check closes the finding', async () => {
    await standIn.close();
    standIn = await ProviderStandIn.start({ routes: githubRoutes, valid: [], latencyMs: 300 });
    const f = finding();
    await store.addFindings('acme/api', [f]);
    // Already revoked once: this check closes the finding and its job ends.
    await store.recordCheck(f.fingerprint, 'open', 'revoked', JSON.stringify({ outcome: 'revoked' }), {});
    await start(0);
    await tracker.enqueueNew([f]);
    await eventually(() => queues.queue('github').getJobState(f.fingerprint), (s) => s === 'active');
    const during = await tracker.requestRecheck(f.fingerprint, { kind: 'cli', id: 'test' });
    expect(during).toEqual({ queued: true, reason: 'running' });
    const history = await eventually(() => tracker.history(f.fingerprint), (h) => h.some((r) => r.trigger === 'triage'));
    // Newest first; the oldest record is the seeded first revocation.
    expect(history.slice(0, 2).map((r) => `${r.trigger}:${r.statusBefore}->${r.statusAfter}`)).toEqual(['triage:closed->closed', 'scan:revoked->closed']);
  });

  it('keeps secrets out of Redis in clear: job data, check records, cache and audit hold fingerprints and redacted values', async () => {
    const f = finding();
    await store.addFindings('acme/api', [f]);
    await start(60_000);
    await tracker.enqueueNew([f]);
    await eventually(() => store.countByStatus(), (c) => c.live === 1);
    const client = redis.client();
    let cursor = '0';
    const seen: string[] = [];
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${redis.prefix()}*`, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) {
        const type = await client.type(key);
        if (type === 'string') seen.push(String(await client.get(key)));
        else if (type === 'hash') seen.push(JSON.stringify(await client.hgetall(key)));
        else if (type === 'list') seen.push(JSON.stringify(await client.lrange(key, 0, -1)));
        else if (type === 'zset') seen.push(JSON.stringify(await client.zrange(key, 0, -1)));
        else if (type === 'stream') seen.push(JSON.stringify(await client.xrange(key, '-', '+')));
        else if (type === 'set') seen.push(JSON.stringify(await client.smembers(key)));
      }
    } while (cursor !== '0');
    expect(seen.length).toBeGreaterThan(10);
    const all = seen.join('\n');
    expect(all).not.toContain(token);
    expect(all).toContain(f.secret.redacted);
  });
});
