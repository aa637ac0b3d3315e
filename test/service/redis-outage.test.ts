import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService } from '../../services/serve.js';
import { cleanEnv, ensureBuilt, REPO_ROOT } from '../cli/built-cli.js';
import { freePort, hasRedisServer, startRedis, stopRedis } from '../support/own-redis.js';
import { LogCapture } from '../support/service.js';

/**
 * Redis going away under a running API and worker (issue: 500s after seconds,
 * "[object Object]" in the logs, a worker that never exits on SIGTERM):
 * requests fail at once with 503 STORE_UNAVAILABLE and Retry-After, recover
 * when Redis returns, and a worker sent SIGTERM with Redis down exits.
 */
const dir = mkdtempSync(join(tmpdir(), 'pushgate-redis-outage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => ensureBuilt(), 180_000);

const adminToken = randomBytes(32).toString('hex');
const baseEnv = (port: number): NodeJS.ProcessEnv => ({
  REDIS_URL: `redis://127.0.0.1:${port}`,
  PUSHGATE_REDIS_PREFIX: `outage-${randomBytes(3).toString('hex')}:`,
  PUSHGATE_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
  PUSHGATE_ADMIN_TOKEN: adminToken,
  PUSHGATE_LOG_LEVEL: 'info',
  PUSHGATE_HOST: '127.0.0.1',
  PUSHGATE_PORT: '0',
  PUSHGATE_REPOSITORY_ALLOW: tmpdir(),
});

describe.skipIf(!hasRedisServer)('Redis outages', () => {
  it('the API answers 503 STORE_UNAVAILABLE with Retry-After at once, and recovers when Redis is back', async () => {
    const port = await freePort();
    const data = mkdtempSync(join(dir, 'api-'));
    let redis = await startRedis(port, data);
    const logs = new LogCapture();
    const service = await startService({ env: baseEnv(port), handleSignals: false, logDestination: logs });
    const auth = { authorization: `Bearer ${adminToken}` };
    const json = { ...auth, 'content-type': 'application/json' };
    const requests: Array<[string, string, RequestInit]> = [
      ['GET /v1/findings', '/v1/findings', { headers: auth }],
      ['POST /v1/scans', '/v1/scans', { method: 'POST', headers: json, body: JSON.stringify({ repository: join(tmpdir(), 'outage.git') }) }],
      ['POST /v1/scan', '/v1/scan', { method: 'POST', headers: json, body: JSON.stringify({ content: 'nothing secret here' }) }],
      ['GET /metrics', '/metrics', {}],
      ['GET /v1/audit', '/v1/audit', { headers: auth }],
    ];
    try {
      expect((await fetch(`${service.url}/v1/findings`, { headers: auth })).status).toBe(200);
      await stopRedis(redis);

      for (const [name, path, init] of requests) {
        const started = performance.now();
        const res = await fetch(`${service.url}${path}`, init);
        const ms = performance.now() - started;
        const body = (await res.json()) as { error?: { code: string } };
        expect([name, res.status, body.error?.code]).toEqual([name, 503, 'STORE_UNAVAILABLE']);
        expect(res.headers.get('retry-after')).toBe('5');
        expect(ms).toBeLessThan(1000);
      }
      const ready = await fetch(`${service.url}/readyz`);
      expect(ready.status).toBe(503);
      const page = await fetch(`${service.url}/console/login`);
      expect(page.status).toBe(200); // the login form needs no store
      expect(logs.text()).not.toContain('[object Object]');
      expect(logs.text()).not.toContain('"code":"INTERNAL_ERROR"');
      expect(logs.text()).toContain('"msg":"request failed: the store (Redis) is unreachable"');

      // The same data (AOF): tokens and findings survive the restart.
      redis = await startRedis(port, data);
      const deadline = Date.now() + 15_000;
      let status = 0;
      while (Date.now() < deadline) {
        status = (await fetch(`${service.url}/v1/findings`, { headers: auth })).status;
        if (status === 200) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(200);
      expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
    } finally {
      await service.close();
      await stopRedis(redis);
    }
  }, 60_000);

  it('a worker sent SIGTERM while Redis is down exits within its grace period, logging real error messages', async () => {
    const port = await freePort();
    const redis = await startRedis(port, mkdtempSync(join(dir, 'worker-')));
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/pushgate.js'), 'worker'], {
      cwd: REPO_ROOT,
      env: cleanEnv({ ...baseEnv(port), PUSHGATE_WORK_DIR: join(dir, 'work') }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const waitFor = async (text: string, timeoutMs: number): Promise<void> => {
      for (const deadline = Date.now() + timeoutMs; !output.includes(text); ) {
        if (Date.now() > deadline) throw new Error(`no "${text}" in:\n${output}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await waitFor('pushgate worker running', 20_000);
      await stopRedis(redis);
      await waitFor('redis connection error', 10_000);
      const started = Date.now();
      child.kill('SIGTERM');
      const exit = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 30_000))]);
      expect(exit).toEqual({ code: 0, signal: null });
      // Well inside the 25 s job grace (no job was running) and compose's 40 s stop timeout.
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(output).toContain('"msg":"pushgate worker stopped"');
      expect(output).toContain('"code":"ECONNREFUSED"');
      expect(output).not.toContain('[object Object]');
      // One line per kind of error and minute, not one per reconnect attempt of each connection.
      expect(output.split('\n').filter((l) => l.includes('liveness worker error')).length).toBeLessThanOrEqual(2);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await stopRedis(redis);
    }
  }, 90_000);
});
