import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { ScanQueues } from '../services/queue/scan-queues.js';
import { startService } from '../services/serve.js';
import { webhookExample } from '../test/support/github-webhooks.js';
import { fmt } from './measure.js';
import type { BenchContext, BenchModule } from './types.js';

/**
 * Webhook ingestion: signed `push` deliveries per second that the real
 * `pushgate serve` app (started in a child process, so the load generator has
 * its own core) verifies, de-duplicates and queues as push-scan jobs on a real
 * Redis, with p50/p99 latency, driven by autocannon over loopback. Every
 * request is a distinct delivery of a distinct push (a recorded GitHub
 * payload with a fresh delivery id and head sha, signed per request), so each
 * one takes the full path; at the end the queue must hold one job per 202.
 * Redis: REDIS_URL when set (keys under a fresh prefix, deleted afterwards),
 * else a temporary `redis-server`.
 * Options: `--duration S` (default 10, per measured run), `--connections N` (default 32).
 */
export const bench: BenchModule = {
  name: 'webhooks',
  title: 'signed GitHub push deliveries accepted and queued per second, p50/p99 latency (autocannon, loopback)',
  run,
};

interface Options {
  duration: number;
  connections: number;
}

function parseArgs(args: readonly string[]): Options {
  const opts: Options = { duration: 10, connections: 32 };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--duration') opts.duration = Number(args[++i]);
    else if (args[i] === '--connections') opts.connections = Number(args[++i]);
  }
  if (!(opts.duration > 0) || !(opts.connections >= 1)) throw new Error('--duration and --connections must be positive');
  return opts;
}

async function run(ctx: BenchContext): Promise<void> {
  const opts = parseArgs(ctx.args);
  const redis = await redisForBench();
  const prefix = `pgbench:${randomBytes(4).toString('hex')}:`;
  const secret = randomBytes(32).toString('hex');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    REDIS_URL: redis.url,
    PUSHGATE_REDIS_PREFIX: prefix,
    PUSHGATE_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    PUSHGATE_HOST: '127.0.0.1',
    PUSHGATE_PORT: '0',
    // As in production: a log line per request and per delivery (to /dev/null here).
    PUSHGATE_LOG_LEVEL: 'info',
    GITHUB_WEBHOOK_SECRET: secret,
  };
  const server = await startServerProcess(env);
  const client = new Redis(redis.url, { maxRetriesPerRequest: 3 });
  const queues = new ScanQueues({ connection: client, redisPrefix: prefix });
  try {
    const deliveries = signedPushes(secret);
    const runs: Array<{ label: string; connections: number; seconds: number }> = [
      { label: 'warm-up', connections: 8, seconds: Math.min(2, opts.duration) },
      { label: 'one connection', connections: 1, seconds: Math.max(1, Math.round(opts.duration / 2)) },
      { label: `${opts.connections} connections`, connections: opts.connections, seconds: opts.duration },
    ];
    const rows: string[][] = [];
    let accepted = 0;
    for (const r of runs) {
      const result = await autocannon({
        url: `${server.url}/webhooks/github`,
        connections: r.connections,
        duration: r.seconds,
        requests: [{ method: 'POST', path: '/webhooks/github', setupRequest: (req) => ({ ...req, ...deliveries() }) }],
      });
      const codes = result.statusCodeStats ?? {};
      const ok202 = codes['202']?.count ?? 0;
      accepted += ok202;
      const other = Object.entries(codes)
        .filter(([code]) => code !== '202')
        .map(([code, s]) => `${code}:${s.count ?? 0}`)
        .join(' ');
      if (r.label === 'warm-up') continue;
      rows.push([
        r.label,
        fmt(ok202 / r.seconds),
        fmt(result.latency.p50, 1),
        fmt(result.latency.p99, 1),
        fmt(result.latency.max, 1),
        other === '' ? '-' : other,
        fmt(result.errors + result.timeouts),
      ]);
    }
    const counts = await queues.push.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
    const jobs = Object.values(counts).reduce((a, b) => a + b, 0);
    ctx.table(
      `POST /webhooks/github, signed push deliveries -> push-scan jobs (Redis ${redis.external ? 'from REDIS_URL' : 'redis-server, temporary'}; app in a child process)`,
      ['load', 'accepted+queued/s', 'p50 ms', 'p99 ms', 'max ms', 'other statuses', 'errors'],
      rows,
    );
    // A run stops with up to one request per connection in flight: queued by the app, but its 202 not counted.
    const inFlight = runs.reduce((n, r) => n + r.connections, 0);
    const consistent = jobs >= accepted && jobs - accepted <= inFlight;
    ctx.log(
      `queue check: ${fmt(jobs)} push-scan jobs in Redis for ${fmt(accepted)} deliveries answered 202 (warm-up included; at most ${inFlight} more were in flight when runs stopped)` +
        (consistent ? ': consistent' : ': MISMATCH'),
    );
  } finally {
    await queues.close();
    await deletePrefix(client, prefix);
    await client.quit();
    await server.stop();
    await redis.stop();
  }
}

/** A generator of distinct signed push deliveries: a recorded payload with a fresh head sha and delivery id each time. */
function signedPushes(secret: string): () => { headers: Record<string, string>; body: string } {
  const payload = webhookExample('push', (p) => p['ref'] === 'refs/heads/master' && p['installation'] !== undefined);
  Object.assign(payload['repository'] as object, { clone_url: 'https://github.com/acme/widgets.git', full_name: 'acme/widgets' });
  payload['after'] = '@AFTER@';
  ((payload['commits'] as Array<Record<string, unknown>>)[0] ??= {})['id'] = '@AFTER@';
  (payload['head_commit'] as Record<string, unknown>)['id'] = '@AFTER@';
  const parts = JSON.stringify(payload).split('@AFTER@');
  return () => {
    const body = parts.join(randomBytes(20).toString('hex'));
    return {
      body,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'GitHub-Hookshot/bench',
        'x-github-event': 'push',
        'x-github-delivery': randomUUID(),
        'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
      },
    };
  };
}

interface BenchRedis {
  readonly url: string;
  readonly external: boolean;
  stop(): Promise<void>;
}

async function redisForBench(): Promise<BenchRedis> {
  const external = process.env['REDIS_URL'];
  if (external) return { url: external, external: true, stop: async () => {} };
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'pushgate-bench-redis-'));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => 50 });
  probe.on('error', () => {});
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await probe.connect().catch(() => {});
      if ((await probe.ping()) === 'PONG') break;
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) {
        child.kill('SIGKILL');
        throw new Error('redis-server did not start (install redis-server or set REDIS_URL)');
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  probe.disconnect();
  return {
    url,
    external: false,
    stop: async () => {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}

/** `pushgate serve` (the real app, webhooks wired in by services/serve.ts) in a child process; resolves with its URL. */
async function startServerProcess(env: NodeJS.ProcessEnv): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve-for-bench'], { env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the service did not start within 30 s')), 30_000);
    child.once('message', (m: { url?: string }) => {
      clearTimeout(timer);
      if (m.url) resolve(m.url);
      else reject(new Error('the service failed to start'));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the service exited with ${code}`));
    });
  });
  return { url, stop: () => stopChild(child) };
}

async function serveForBench(): Promise<void> {
  try {
    const running = await startService({ env: process.env, handleSignals: true });
    process.send?.({ url: running.url });
    await running.closed;
  } catch (err) {
    console.error(err);
    process.send?.({ error: String(err) });
    process.exitCode = 1;
  }
}

if (process.argv[2] === '--serve-for-bench' && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void serveForBench();
