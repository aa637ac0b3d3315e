import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import { createEngine } from '../detectors/engine/engine.js';
import { ALL_DETECTORS } from '../detectors/registry.js';
import { scanHistory } from '../scanner/history.js';
import { KeyRing } from '../services/crypto/secret-box.js';
import { keyedFingerprinter } from '../scanner/fingerprint.js';
import { RepositoryPolicy } from '../services/queue/repository-policy.js';
import { MirrorCache } from '../services/queue/mirror-cache.js';
import { bullPrefix, ScanQueues } from '../services/queue/scan-queues.js';
import { ScanWorkers } from '../services/queue/scan-workers.js';
import { FindingsStore } from '../services/store/findings-store.js';
import { startRedisServer } from '../test/support/redis.js';
import { fmt, median } from './measure.js';
import type { BenchContext, BenchModule } from './types.js';

/**
 * The history-scan queue's overhead: the same repository scanned directly
 * (scanHistory, as `pushgate scan --history` does) and through the queue
 * (POST-equivalent enqueue -> BullMQ worker in this process -> mirror clone
 * or fetch -> scanHistory -> findings store -> completed), as a ratio.
 * "cold" clones a fresh mirror each time; "warm" fetches into the kept one
 * and finds every finding already stored (a rescan).
 * Redis: REDIS_URL when set (keys under a fresh prefix, deleted afterwards), else a temporary redis-server.
 * Options: `--repo PATH` (an existing repository, read only), `--commits N` (default 300; a repository built
 * from the corpus, ~32 KB of new text per commit).
 */
export const bench: BenchModule = {
  name: 'queue',
  title: 'history scan through the BullMQ queue (mirror, store) vs scanHistory directly on the same repository',
  run,
};

interface Options {
  repo: string | undefined;
  commits: number;
}

function parseArgs(args: readonly string[]): Options {
  const opts: Options = { repo: undefined, commits: 300 };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--repo') opts.repo = resolve(args[++i] ?? '.');
    else if (args[i] === '--commits') opts.commits = Number(args[++i]);
  }
  if (!(opts.commits >= 1)) throw new Error('--commits must be at least 1');
  return opts;
}


async function run(ctx: BenchContext): Promise<void> {
  const opts = parseArgs(ctx.args);
  let built: string | undefined;
  let repoPath = opts.repo;
  if (!repoPath) {
    const t0 = performance.now();
    built = await buildRepository(ctx, opts.commits);
    repoPath = built;
    ctx.log(`built ${repoPath}: ${fmt(opts.commits)} commits in ${fmt((performance.now() - t0) / 1000, 1)} s`);
  }
  const server = await startRedisServer();
  const prefix = `pgbench:${randomBytes(4).toString('hex')}:`;
  const redis = new Redis(server.url, { maxRetriesPerRequest: null });
  const workDir = mkdtempSync(join(tmpdir(), 'pushgate-bench-queue-'));
  const engine = createEngine(ALL_DETECTORS);
  const findings = new FindingsStore({ redis, prefix, keyRing: new KeyRing([randomBytes(32)]) });
  const queues = new ScanQueues({ connection: redis, redisPrefix: prefix });
  const eventsConnection = new Redis(server.url, { maxRetriesPerRequest: null });
  eventsConnection.on('error', () => {});
  const events = new QueueEvents('history-scan', { connection: eventsConnection, prefix: bullPrefix(prefix) });
  const logger = pino({ level: 'silent' });
  const reps = Math.max(1, ctx.reps);
  try {
    await events.waitUntilReady();
    const workers = ScanWorkers.start({
      redisUrl: server.url,
      redisPrefix: prefix,
      concurrency: 1,
      logger,
      queues: ['history-scan'],
      deps: { findings, engine, fingerprints: keyedFingerprinter(randomBytes(32)), logger, mirrors: new MirrorCache({ root: workDir, policy: new RepositoryPolicy([{ kind: 'path', prefix: resolve(repoPath) }]) }) },
    });
    await workers.ready();
    const through = async (fresh: boolean): Promise<{ ms: number; fetch: string; findings: number }> => {
      // Cold: no mirror yet, so the job clones; warm: the job fetches into the mirror the previous one left.
      if (fresh) rmSync(join(workDir, 'mirrors'), { recursive: true, force: true });
      const t0 = performance.now();
      const { id } = await queues.enqueueHistoryScan({ repository: repoPath, source: 'api' });
      const job = (await queues.history.getJob(id))!;
      const result = (await job.waitUntilFinished(events)) as { fetch: string; findings: number };
      return { ms: performance.now() - t0, ...result };
    };
    const directMs: number[] = [];
    const coldMs: number[] = [];
    const warmMs: number[] = [];
    let direct: Awaited<ReturnType<typeof scanHistory>> | undefined;
    let cold = { fetch: '', findings: 0 };
    let warm = { fetch: '', findings: 0 };
    try {
      // One warm-up round (page cache, JIT, lazy RE2 compiles), then interleaved timed rounds: the machine is shared and noisy.
      for (let i = 0; i <= reps; i++) {
        const t0 = performance.now();
        direct = await scanHistory(repoPath, { engine });
        const d = performance.now() - t0;
        const c = await through(true);
        const w = await through(false);
        if (i === 0) continue;
        directMs.push(d);
        coldMs.push(c.ms);
        warmMs.push(w.ms);
        cold = c;
        warm = w;
      }
    } finally {
      await workers.close();
    }
    const base = median(directMs);
    if (!direct || cold.findings !== direct.findings.length || warm.findings !== direct.findings.length) {
      throw new Error(`the queue found ${cold.findings}/${warm.findings} findings, the direct scan ${direct?.findings.length}`);
    }
    ctx.table(
      `history scan of ${fmt(direct.stats.blobs)} blobs, ${fmt(direct.stats.bytes / 1e6, 1)} MB, ${fmt(direct.findings.length)} findings (median of ${reps})`,
      ['path', 'seconds', 'vs direct'],
      [
        ['scanHistory directly', fmt(base / 1000, 2), '1.00x'],
        [`queue, cold (mirror ${cold.fetch})`, fmt(median(coldMs) / 1000, 2), `${fmt(median(coldMs) / base, 2)}x`],
        [`queue, warm (mirror ${warm.fetch}, findings already stored)`, fmt(median(warmMs) / 1000, 2), `${fmt(median(warmMs) / base, 2)}x`],
      ],
    );
    ctx.log(`queue overhead ratio: ${fmt(median(coldMs) / base, 2)}x cold, ${fmt(median(warmMs) / base, 2)}x warm`);
  } finally {
    await events.close();
    eventsConnection.disconnect();
    await queues.close();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
    await server.stop();
    rmSync(workDir, { recursive: true, force: true });
    if (built) rmSync(built, { recursive: true, force: true });
  }
}

/**
 * A repository whose commits add and edit files of corpus text (with the corpus's planted tokens),
 * written with one `git fast-import`: eight files per commit over a tree of 400 paths.
 */
async function buildRepository(ctx: BenchContext, commits: number): Promise<string> {
  const text = (await ctx.corpus()).bytes;
  const dir = mkdtempSync(join(tmpdir(), 'pushgate-bench-queue-repo-'));
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', dir]);
  const parts: Buffer[] = [];
  const chunk = 4096;
  let at = 0;
  const data = (content: Buffer | string): void => {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    parts.push(Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n'));
  };
  const start = Date.parse('2022-01-01T00:00:00Z') / 1000;
  for (let c = 0; c < commits; c++) {
    parts.push(Buffer.from(`commit refs/heads/main\nmark :${c + 1}\ncommitter Bench <bench@example.com> ${start + c * 60} +0000\n`));
    data(`commit ${c}`);
    if (c > 0) parts.push(Buffer.from(`from :${c}\n`));
    for (let f = 0; f < 8; f++) {
      if (at + chunk > text.length) at = 0;
      parts.push(Buffer.from(`M 100644 inline src/m${(c * 8 + f) % 400}.txt\n`));
      data(text.subarray(at, at + chunk));
      at += chunk;
    }
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: Buffer.concat(parts), maxBuffer: 64 * 1024 * 1024 });
  return dir;
}
