import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KeyRing } from '../../services/crypto/secret-box.js';
import { ScanQueues, type ScanJobView } from '../../services/queue/scan-queues.js';
import { FindingsStore } from '../../services/store/findings-store.js';
import { ensureBuilt, REPO_ROOT } from '../cli/built-cli.js';
import { githubTokens } from '../support/findings.js';
import { GitRepo } from '../support/git-repo.js';
import { useTestRedis } from '../support/redis.js';
import { ALPHA, TokenFactory } from '../support/token-factory.js';
import { testEnv } from '../support/service.js';

/**
 * Stalled-job recovery with real processes: a worker running the compiled
 * code (dist/, as `pushgate worker` does) is SIGKILLed in the middle of a
 * history scan; a second worker process finds the job's lock expired, takes
 * the job back (and the dead worker's mirror lock), and finishes it.
 */
const redis = useTestRedis();
const dir = mkdtempSync(join(tmpdir(), 'pushgate-worker-kill-'));
const children: ChildProcess[] = [];
let repo: GitRepo;
let secrets: string[];

beforeAll(async () => {
  await ensureBuilt();
  // Slow enough to kill mid-scan: blobs dense with token-shaped strings whose checksums fail
  // (every one is a keyword hit the engine must confirm), plus real tokens to find.
  secrets = githubTokens('worker-kill', 3);
  const t = new TokenFactory('worker-kill-noise');
  repo = GitRepo.create({ bare: true });
  for (let c = 0; c < 8; c++) {
    const files: Record<string, string> = {};
    for (let f = 0; f < 8; f++) {
      const lines = Array.from({ length: 300 }, (_, i) => `key_${i} = "ghp_${t.chars(ALPHA.base62, 36)}"`);
      files[`noise/${c}/${f}.env`] = lines.join('\n');
    }
    if (c < secrets.length) files[`config/${c}.env`] = `GITHUB_TOKEN=${secrets[c]}\n`;
    repo.commit({ files, message: `commit ${c}` });
  }
}, 240_000);

afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => stop(c)));
});
afterAll(() => {
  repo?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGKILL');
  await once(child, 'exit');
}

const CHILD = `
const { startWorker } = await import(process.env.WORKER_KILL_TEST_MODULE);
await startWorker({
  workDir: process.env.WORKER_KILL_TEST_WORK_DIR,
  lockDurationMs: 5000,
  stalledIntervalMs: 1000,
  progressIntervalMs: 50,
});
`;

interface WorkerChild {
  readonly process: ChildProcess;
  output(): string;
  ready: Promise<void>;
}

function spawnWorker(env: NodeJS.ProcessEnv, workDir: string): WorkerChild {
  const script = join(dir, 'worker-child.mjs');
  writeFileSync(script, CHILD);
  const child = spawn(process.execPath, [script], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...env,
      PUSHGATE_WORKER_CONCURRENCY: '1',
      WORKER_KILL_TEST_MODULE: pathToFileURL(join(REPO_ROOT, 'dist/services/worker.js')).href,
      WORKER_KILL_TEST_WORK_DIR: workDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (): void => {
      if (out.includes('pushgate worker running')) resolve();
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`worker exited (${code ?? signal}) before it was ready: ${out.slice(-2000)}`)));
  });
  return { process: child, output: () => out, ready };
}

async function poll(queues: ScanQueues, id: string, until: (v: ScanJobView) => boolean, timeoutMs: number): Promise<ScanJobView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await queues.view('history-scan', id);
    if (view && until(view)) return view;
    if (Date.now() > deadline) throw new Error(`job ${id}: condition not met, last ${JSON.stringify(view)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('a worker killed mid-job', () => {
  it('has its history scan retried by another worker process, which finishes it', async () => {
    const env = testEnv(redis, { PUSHGATE_LOG_LEVEL: 'info' });
    const workDir = join(dir, 'work');
    const queues = new ScanQueues({ connection: redis.client(), redisPrefix: redis.prefix() });
    try {
      const first = spawnWorker(env, workDir);
      await first.ready;
      const { id } = await queues.enqueueHistoryScan({ repository: repo.path, source: 'api' });

      const midScan = await poll(queues, id, (v) => v.state === 'active' && v.progress?.phase === 'scanning' && v.progress.blobs > 0, 60_000);
      expect(midScan.progress!.percent).toBeLessThan(100);
      first.process.kill('SIGKILL');
      const [, signal] = (await once(first.process, 'exit')) as [number | null, string | null];
      expect(signal).toBe('SIGKILL');
      expect(first.output()).not.toContain('scan job done');

      const second = spawnWorker(env, workDir);
      await second.ready;
      const done = await poll(queues, id, (v) => v.state === 'completed' || v.state === 'failed', 120_000);
      // Stalled at least once (the kill); more only if the new worker was itself too slow to renew its lock.
      expect(done).toMatchObject({ state: 'completed', error: null, summary: { findings: 3, identifiable: 3 } });
      expect(done.stalled).toBeGreaterThanOrEqual(1);
      expect(second.output()).toContain('"msg":"scan job stalled (its worker died or blocked): it goes back to the queue"');
      const finished = new RegExp(`"jobId":"${id}"[^\\n]*"msg":"scan job done"`);
      for (let i = 0; i < 100 && !finished.test(second.output()); i++) await new Promise((r) => setTimeout(r, 50));
      expect(second.output()).toMatch(finished);
      expect(first.output()).toContain('"msg":"scan job started"');

      const store = new FindingsStore({ redis: redis.client(), prefix: redis.prefix(), keyRing: new KeyRing([Buffer.from(env['PUSHGATE_ENCRYPTION_KEY']!, 'hex')]) });
      const stored = await store.list({ repository: repo.path });
      expect(stored.findings).toHaveLength(3);
      for (const s of secrets) expect(first.output() + second.output()).not.toContain(s);
    } finally {
      await queues.close();
    }
  }, 240_000);
});
