import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { ScanQueues, type ScanJobView } from '../../services/queue/scan-queues.js';
import { startWorker } from '../../services/worker.js';
import { githubTokens } from '../support/findings.js';
import { GitRepo } from '../support/git-repo.js';
import { LogCapture } from '../support/service.js';
import { ALPHA, TokenFactory } from '../support/token-factory.js';
import { freePort, hasRedisServer, startRedis } from '../support/own-redis.js';
import { TEST_REPOSITORY_ALLOW } from '../support/repository-policy.js';

/**
 * A Redis restart in the middle of a history scan (AOF on, as docker-compose
 * runs it): the worker waits out the outage and the job completes, with its
 * findings stored. Needs its own redis-server, since the shared test Redis
 * must not be restarted.
 */
const dir = mkdtempSync(join(tmpdir(), 'pushgate-redis-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Redis restarting mid-job', () => {
  it.skipIf(!hasRedisServer)('does not lose the job: the worker reconnects and the scan completes', async () => {
    const port = await freePort();
    let server = await startRedis(port, dir);
    const env = {
      REDIS_URL: `redis://127.0.0.1:${port}`,
      PUSHGATE_REDIS_PREFIX: 'restart:',
      PUSHGATE_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      PUSHGATE_LOG_LEVEL: 'info',
      PUSHGATE_WORKER_CONCURRENCY: '1',
      PUSHGATE_REPOSITORY_ALLOW: TEST_REPOSITORY_ALLOW,
    };
    const secrets = githubTokens('redis-restart', 2);
    const t = new TokenFactory('redis-restart-noise');
    const repo = GitRepo.create({ bare: true });
    for (let c = 0; c < 3; c++) {
      const files: Record<string, string> = {};
      for (let f = 0; f < 5; f++) files[`noise/${c}/${f}.env`] = Array.from({ length: 200 }, (_, i) => `k${i} = "ghp_${t.chars(ALPHA.base62, 36)}"`).join('\n');
      if (c < secrets.length) files[`config/${c}.env`] = `GITHUB_TOKEN=${secrets[c]}\n`;
      repo.commit({ files });
    }
    const producer = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
    producer.on('error', () => {});
    const queues = new ScanQueues({ connection: producer, redisPrefix: env.PUSHGATE_REDIS_PREFIX });
    const logs = new LogCapture();
    const worker = await startWorker({ env, handleSignals: false, logDestination: logs, workDir: join(dir, 'work'), progressIntervalMs: 20 });
    try {
      const { id } = await queues.enqueueHistoryScan({ repository: repo.path });
      const view = async (): Promise<ScanJobView | null> => queues.view('history-scan', id);
      for (const deadline = Date.now() + 60_000; ; ) {
        const v = await view();
        if (v?.state === 'active' && v.progress?.phase === 'scanning') break;
        if (v?.state === 'completed' || Date.now() > deadline) throw new Error(`no mid-scan moment: ${JSON.stringify(v)}`);
        await new Promise((r) => setTimeout(r, 5));
      }

      // A clean restart: SIGTERM makes Redis flush its AOF; the restarted server loads it.
      server.kill('SIGTERM');
      await once(server, 'exit');
      await new Promise((r) => setTimeout(r, 500));
      server = await startRedis(port, dir);

      let done: ScanJobView | null = null;
      for (const deadline = Date.now() + 90_000; ; ) {
        done = await view();
        if (done?.state === 'completed' || done?.state === 'failed') break;
        if (Date.now() > deadline) throw new Error(`job still ${JSON.stringify(done)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(done).toMatchObject({ state: 'completed', error: null, summary: { findings: 2, identifiable: 2 } });
      const stored = await worker.context.findings.list({ repository: repo.path });
      expect(stored.findings).toHaveLength(2);
      // The worker did see the outage.
      expect(logs.text()).toContain('"msg":"redis connection error');
      expect(logs.text()).toContain('"code":"ECONNREFUSED"');
      expect(logs.text()).not.toContain('[object Object]');
    } finally {
      await worker.close();
      await queues.close();
      producer.disconnect();
      repo.dispose();
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
  }, 180_000);
});
