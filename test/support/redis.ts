import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

/**
 * Real Redis for tests. Uses REDIS_URL when it is set (CI, a developer's own
 * Redis); otherwise starts `redis-server` on a free loopback port in a temp
 * directory, without persistence, and stops it afterwards. Every test gets its
 * own key prefix and its keys are deleted after it, so tests can share one
 * Redis (and run in parallel files) without seeing each other's data.
 */
export interface RedisServer {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  const external = process.env['REDIS_URL'];
  if (external) return { url: external, stop: async () => {} };
  let lastError: unknown;
  // A free port can be taken between probing and binding: try a few.
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'pushgate-redis-'));
    try {
      const child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      await waitReady(child, port);
      return {
        url: `redis://127.0.0.1:${port}`,
        stop: async () => {
          await stopChild(child);
          rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (err) {
      lastError = err;
      rmSync(dir, { recursive: true, force: true });
    }
  }
  throw new Error(`could not start redis-server: ${String(lastError)}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitReady(child: ChildProcess, port: number): Promise<void> {
  let exited: string | undefined;
  let spawnError: Error | undefined;
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  child.once('exit', (code, signal) => (exited = `exited with ${code ?? signal}`));
  child.once('error', (err) => (spawnError = err));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (spawnError) throw spawnError;
    if (exited) throw new Error(`redis-server ${exited}: ${output.slice(-500)}`);
    const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {});
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') return;
    } catch {
      // not up yet
    } finally {
      probe.disconnect();
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error('redis-server did not answer within 10 s');
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface TestRedis {
  /** The server's URL (valid inside tests and hooks). */
  url(): string;
  /** This test's key prefix, e.g. `pgtest:3f2a9c1e:`; everything under it is deleted after the test. */
  prefix(): string;
  /** A client for this test, closed after it. */
  client(): Redis;
  /** Deletes every key under this test's prefix (also done after each test). */
  clean(): Promise<void>;
}

/**
 * Registers vitest hooks for a Redis shared by the tests of one file, with a
 * fresh prefix per test. Call at the top level of a test file or describe.
 */
export function useTestRedis(): TestRedis {
  let server: RedisServer | undefined;
  let prefix = '';
  let admin: Redis | undefined;
  const clients: Redis[] = [];

  const deletePrefix = async (p: string): Promise<void> => {
    if (!admin || !p) return;
    let cursor = '0';
    do {
      const [next, keys] = await admin.scan(cursor, 'MATCH', `${p}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await admin.del(...keys);
    } while (cursor !== '0');
  };

  beforeAll(async () => {
    server = await startRedisServer();
    admin = new Redis(server.url, { maxRetriesPerRequest: 1 });
  });
  beforeEach(() => {
    prefix = `pgtest:${randomBytes(4).toString('hex')}:`;
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.quit().catch(() => c.disconnect())));
    await deletePrefix(prefix);
  });
  afterAll(async () => {
    await admin?.quit();
    await server?.stop();
  });

  return {
    url: () => {
      if (!server) throw new Error('useTestRedis: not started (call it at the top level of a test file)');
      return server.url;
    },
    prefix: () => prefix,
    client: () => {
      if (!server) throw new Error('useTestRedis: not started');
      const c = new Redis(server.url, { maxRetriesPerRequest: 1 });
      clients.push(c);
      return c;
    },
    clean: () => deletePrefix(prefix),
  };
}
