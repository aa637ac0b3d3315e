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
import { MirrorCache } from '../services/queue/mirror-cache.js';
import { bullPrefix, ScanQueues } from '../services/queue/scan-queues.js';
import { ScanWorkers } from '../services/queue/scan-workers.js';
import { FindingsStore } from '../services/store/findings-store.js';
import { GitRepo } from '../test/support/git-repo.js';
import { startRedisServer } from '../test/support/redis.js';
import { fmt } from './measure.js';
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

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function run(ctx: BenchContext): Promise<void> {
  const opts = parseArgs(ctx.args);
  let built: GitRepo | undefined;
  let repoPath = opts.repo;
  if (!repoPath) {
    const t0 = performance.now();
    built = await buildRepository(ctx, opts.commits);
    repoPath = built.path;
    ctx.log(`built ${repoPath}: ${fmt(opts.commits)} commits in ${fmt((performance.now() - t0) / 1000, 1)} s`);
  }
  const server = await startRedisServer();
  const prefix = `pgbench:${randomBytes(4).toString('hex')}:`;
  const redis = new Redis(server.url, { maxRetriesPerRequest: null });
  const workDir = mkdtempSync(join(tmpdir(), 'pushgate-bench-queue-'));
  const engine = createEngine(ALL_DETECTORS);
  const findings = new FindingsStore({ redis, prefix, keyRing: new KeyRing([randomBytes(32)]) });
  const queues = new ScanQueues({ connection: redis, redisPrefix: prefix });
  const events = new QueueEvents('history-scan', { connection: new Redis(server.url, { maxRetriesPerRequest: null }), prefix: bullPrefix(prefix) });
  const logger = pino({ level: 'silent' });
  const reps = Math.max(1, ctx.reps);
  try {
    await events.waitUntilReady();
    // Warm-up (page cache, JIT, lazy RE2 compiles), then timed runs.
    const direct = await scanHistory(repoPath, { engine });
    const directMs: number[] = [];
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      await scanHistory(repoPath, { engine });
      directMs.push(performance.now() - t0);
    }

    const through = async (maxIdleMs: number): Promise<{ ms: number[]; fetch: string; findings: number }> => {
      const workers = ScanWorkers.start({
        redisUrl: server.url,
        redisPrefix: prefix,
        concurrency: 1,
        logger,
        queues: ['history-scan'],
        deps: { findings, engine, logger, mirrors: new MirrorCache({ root: workDir, maxIdleMs }) },
      });
      await workers.ready();
      const ms: number[] = [];
      let last: { fetch: string; findings: number } = { fetch: '', findings: 0 };
      try {
        for (let i = 0; i <= reps; i++) {
          const t0 = performance.now();
          const { id } = await queues.enqueueHistoryScan({ repository: repoPath, source: 'api' });
          const job = (await queues.history.getJob(id))!;
          last = (await job.waitUntilFinished(events)) as { fetch: string; findings: number };
          // The first run of each mode is its warm-up.
          if (i > 0) ms.push(performance.now() - t0);
        }
      } finally {
        await workers.close();
      }
      return { ms, ...last };
    };
    const cold = await through(0);
    const warm = await through(60 * 60 * 1000);
    const base = median(directMs);
    if (cold.findings !== direct.findings.length || warm.findings !== direct.findings.length) {
      throw new Error(`the queue found ${cold.findings}/${warm.findings} findings, the direct scan ${direct.findings.length}`);
    }
    ctx.table(
      `history scan of ${fmt(direct.stats.blobs)} blobs, ${fmt(direct.stats.bytes / 1e6, 1)} MB, ${fmt(direct.findings.length)} findings (median of ${reps})`,
      ['path', 'seconds', 'vs direct'],
      [
        ['scanHistory directly', fmt(base / 1000, 2), '1.00x'],
        [`queue, cold (mirror ${cold.fetch})`, fmt(median(cold.ms) / 1000, 2), `${fmt(median(cold.ms) / base, 2)}x`],
        [`queue, warm (mirror ${warm.fetch}, findings already stored)`, fmt(median(warm.ms) / 1000, 2), `${fmt(median(warm.ms) / base, 2)}x`],
      ],
    );
    ctx.log(`queue overhead ratio: ${fmt(median(cold.ms) / base, 2)}x cold, ${fmt(median(warm.ms) / base, 2)}x warm`);
  } finally {
    await events.close();
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
    built?.dispose();
  }
}

/** A repository whose commits add and edit files of corpus text (with the corpus's planted tokens). */
async function buildRepository(ctx: BenchContext, commits: number): Promise<GitRepo> {
  const corpus = await ctx.corpus();
  const text = corpus.bytes;
  const repo = GitRepo.create({ bare: true });
  const chunk = 4096;
  let at = 0;
  const next = (): Buffer => {
    if (at + chunk > text.length) at = 0;
    const piece = text.subarray(at, at + chunk);
    at += chunk;
    return piece;
  };
  for (let c = 0; c < commits; c++) {
    const files: Record<string, Buffer> = {};
    // Eight files per commit, over a tree of 400 paths: new files early, edits of existing ones later.
    for (let f = 0; f < 8; f++) files[`src/m${(c * 8 + f) % 400}.txt`] = next();
    repo.commit({ files, message: `commit ${c}` });
  }
  repo.git(['gc', '-q']);
  return repo;
}
