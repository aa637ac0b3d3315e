import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { startRedisServer, useTestRedis } from '../support/redis.js';

const shared = useTestRedis();

describe('test Redis harness', () => {
  it('starts its own redis-server when REDIS_URL is unset, and stops it', async () => {
    const saved = process.env['REDIS_URL'];
    delete process.env['REDIS_URL'];
    let server;
    try {
      server = await startRedisServer();
    } finally {
      if (saved !== undefined) process.env['REDIS_URL'] = saved;
    }
    expect(server.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
    const c = new Redis(server.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    c.on('error', () => {});
    expect(await c.ping()).toBe('PONG');
    c.disconnect();
    await server.stop();
    const after = new Redis(server.url, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
    after.on('error', () => {});
    await expect(after.connect()).rejects.toThrow();
    after.disconnect();
  });

  it('gives each test its own prefix and removes its keys afterwards', async () => {
    const first = shared.prefix();
    await shared.client().set(`${first}k`, 'v');
    expect(first).toMatch(/^pgtest:[0-9a-f]{8}:$/);
    await shared.clean();
    expect(await shared.client().exists(`${first}k`)).toBe(0);
  });
});
