import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { expandTemplate } from '../detectors/custom/custom-detectors.js';
import { deriveFingerprintKey, keyedFingerprinter } from '../scanner/fingerprint.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { githubTokens } from '../test/support/findings.js';
import { GitRepo } from '../test/support/git-repo.js';
import { localRepositoryPolicy } from '../test/support/repository-policy.js';
import { useTestRedis } from '../test/support/redis.js';
import { LogCapture, testEnv } from '../test/support/service.js';
import { MirrorCache } from './queue/mirror-cache.js';
import { parseRepositorySource } from './queue/repository-source.js';
import { ScanQueues, type ScanJobView } from './queue/scan-queues.js';
import { startWorker, workDirFrom } from './worker.js';

const redis = useTestRedis();
const dir = mkdtempSync(join(tmpdir(), 'pushgate-worker-'));
const repos: GitRepo[] = [];
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  repos.forEach((r) => r.dispose());
});

async function until(queues: ScanQueues, id: string, done: (v: ScanJobView) => boolean): Promise<ScanJobView> {
  for (const deadline = Date.now() + 60_000; ; ) {
    const v = await queues.view('history-scan', id);
    if (v && done(v)) return v;
    if (Date.now() > deadline) throw new Error(`job: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('pushgate worker', () => {
  it('on shutdown hands a running job back to the queue without spending a try; the next worker finishes it', async () => {
    const env = testEnv(redis, { PUSHGATE_WORKER_CONCURRENCY: '1' });
    const [secret] = githubTokens('worker-shutdown', 1);
    const repo = GitRepo.create({ bare: true });
    repos.push(repo);
    repo.commit({ files: { 'config.env': `GITHUB_TOKEN=${secret}\n` } });
    const workDir = join(dir, 'work');
    // Another job holds the repository's mirror, so this one stays running (waiting for it) until cancelled.
    let release!: () => void;
    const holder = new MirrorCache({ root: workDir, policy: localRepositoryPolicy() }).use(parseRepositorySource(repo.path), { update: { kind: 'all' } }, () => new Promise<void>((r) => (release = r)));
    const queues = new ScanQueues({ connection: redis.client(), redisPrefix: redis.prefix() });
    const logs = new LogCapture();
    const options = { env, handleSignals: false, logDestination: logs, workDir } as const;
    try {
      const first = await startWorker({ ...options, shutdownGraceMs: 200 });
      const { id } = await queues.enqueueHistoryScan({ repository: repo.path });
      await until(queues, id, (v) => v.state === 'active' && v.progress?.phase === 'fetching');
      await first.close();
      await first.closed;
      const handedBack = (await queues.view('history-scan', id))!;
      expect(['delayed', 'waiting']).toContain(handedBack.state);
      expect(handedBack).toMatchObject({ attemptsMade: 0, error: null });
      expect(logs.text()).toContain('handing them back to the queue');
      expect(logs.text()).not.toContain('scan job failed');

      release();
      await holder;
      const second = await startWorker(options);
      const done = await until(queues, id, (v) => v.state === 'completed' || v.state === 'failed');
      expect(done).toMatchObject({ state: 'completed', attemptsMade: 1, summary: { findings: 1 } });
      // Stored under the service's keyed fingerprint (derived from PUSHGATE_ENCRYPTION_KEY), never an unkeyed one.
      const expected = keyedFingerprinter(deriveFingerprintKey(Buffer.from(env['PUSHGATE_ENCRYPTION_KEY']!, 'hex'))).of('github-token', secret!);
      expect((done.summary as { readonly fingerprints?: readonly string[] }).fingerprints).toEqual([expected]);
      expect(await second.context.findings.get(expected, { locationLimit: 0 })).not.toBeNull();
      await second.close();
    } finally {
      release?.();
      await queues.close();
    }
  });

  it('runs PUSHGATE_CONFIG custom detectors and leaves legacy findings out of its excluded paths; a bad config stops it at start', async () => {
    const sample = join(import.meta.dirname, '../docs/custom-detectors.example.yaml');
    const env = testEnv(redis, { PUSHGATE_CONFIG: sample, PUSHGATE_LIVENESS: 'off' });
    let seed = 3;
    const key = expandTemplate('acme_live_{crc32-base62}', (n) => (seed = (seed * 48271) % 2147483647) % n, 'worker');
    const repo = GitRepo.create({ bare: true });
    repos.push(repo);
    repo.commit({ files: { 'src/acme.ts': `const key = "${key}";\n`, 'test/fixtures/db.py': 'db_password = "Qz8mPw4kLr9vXt2b7!"\n' } });
    const queues = new ScanQueues({ connection: redis.client(), redisPrefix: redis.prefix() });
    const worker = await startWorker({ env, handleSignals: false, logDestination: new LogCapture(), workDir: join(dir, 'custom') });
    try {
      const { id } = await queues.enqueueHistoryScan({ repository: repo.path });
      expect(await until(queues, id, (v) => v.state === 'completed' || v.state === 'failed')).toMatchObject({ state: 'completed' });
      const stored = (await worker.context.findings.list({})).findings.map((f) => f.detector);
      expect(stored).toEqual(['acme-api-key']);
    } finally {
      await worker.close();
      await queues.close();
    }
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'detectors:\n  - id: x\n');
    await expect(startWorker({ env: { ...env, PUSHGATE_CONFIG: broken }, handleSignals: false, logDestination: new LogCapture() })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('PUSHGATE_CONFIG'),
    });
  });

  it('fails at start with the config problems, or when Redis does not answer', async () => {
    await expect(startWorker({ env: {}, handleSignals: false })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    const env = { ...testEnv(redis), REDIS_URL: 'redis://127.0.0.1:1' };
    await expect(startWorker({ env, handleSignals: false, redisWaitMs: 300, logDestination: new LogCapture() })).rejects.toMatchObject({ code: 'REDIS_UNAVAILABLE' });
  });

  it('mirrors repositories under PUSHGATE_WORK_DIR, else under the temp directory', () => {
    expect(workDirFrom({ PUSHGATE_WORK_DIR: '/var/lib/pushgate/work/' })).toBe('/var/lib/pushgate/work');
    expect(workDirFrom({})).toBe(join(tmpdir(), 'pushgate-work'));
  });
});
