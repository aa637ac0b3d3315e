import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBlockEvent, recordBlockEvent } from '../../hooks/block-event.js';
import { deliverSpooledEvents } from '../../hooks/deliver-events.js';
import { ConfigError } from '../../services/config/config-error.js';
import { startService, type RunningService } from '../../services/serve.js';
import { findingsIn, githubTokens } from '../support/findings.js';
import { useTestRedis } from '../support/redis.js';
import { LogCapture, testEnv } from '../support/service.js';

const redis = useTestRedis();
const dir = mkdtempSync(join(tmpdir(), 'pushgate-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function start(extra: NodeJS.ProcessEnv = {}, plugins: FastifyPluginAsync[] = []): Promise<{ service: RunningService; logs: LogCapture; adminToken: string }> {
  const adminToken = randomBytes(32).toString('hex');
  const logs = new LogCapture();
  const service = await startService({
    env: testEnv(redis, { PUSHGATE_PORT: '0', PUSHGATE_ADMIN_TOKEN: adminToken, ...extra }),
    handleSignals: false,
    logDestination: logs,
    api: { plugins },
  });
  return { service, logs, adminToken };
}

describe('pushgate serve over loopback HTTP', () => {
  it('bootstraps the admin token, takes block events from the real hook sender, and serves findings', async () => {
    const { service, adminToken } = await start();
    try {
      expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${service.url}/healthz`);
      expect(health.status).toBe(200);
      expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(await (await fetch(`${service.url}/readyz`)).json()).toEqual({ status: 'ready', checks: { redis: 'ok' } });

      // The admin (from PUSHGATE_ADMIN_TOKEN) mints an ingest token for the hooks.
      const minted = await fetch(`${service.url}/v1/tokens`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'ingest', label: 'git server' }),
      });
      expect(minted.status).toBe(201);
      const ingest = ((await minted.json()) as { token: string }).token;

      // The hook records a block event into its spool; its detached sender delivers it.
      const [secret] = githubTokens('serve-hook', 1);
      const findings = findingsIn(`TOKEN=${secret}`, { path: 'app.env', commit: 'c'.repeat(40) });
      const event = buildBlockEvent({
        env: { GL_USERNAME: 'ada', GL_PROJECT_PATH: 'acme/widgets' },
        gitDir: dir,
        updates: [{ ref: 'refs/heads/main', oldOid: '0'.repeat(40), newOid: 'c'.repeat(40) }] as never,
        findings,
        reason: 'secrets',
        now: new Date(),
      });
      const state = join(dir, 'state');
      recordBlockEvent(state, event, true);
      expect(await deliverSpooledEvents(state, service.url, ingest)).toEqual({ delivered: 1, pending: 0, rejected: 0 });
      // Delivered twice (the sender crashed before removing its spool file): stored once, still accepted.
      recordBlockEvent(state, event, true);
      expect(await deliverSpooledEvents(state, service.url, ingest)).toEqual({ delivered: 1, pending: 0, rejected: 0 });
      expect(readdirSync(join(state, 'spool'))).toEqual([]);

      const listed = await fetch(`${service.url}/v1/events/push-blocked?pusher=ada`, { headers: { authorization: `Bearer ${adminToken}` } });
      const events = ((await listed.json()) as { events: Array<{ event: { id: string; repository: string } }> }).events;
      expect(events.map((e) => [e.event.id, e.event.repository])).toEqual([[event.id, 'acme/widgets']]);

      // Findings written by a scan are served over HTTP, redacted.
      await service.context.findings.addFindings('acme/widgets', findings);
      const res = await fetch(`${service.url}/v1/findings?repository=acme%2Fwidgets`, { headers: { authorization: `Bearer ${adminToken}` } });
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(JSON.parse(text)).toMatchObject({ findings: [{ fingerprint: findings[0]!.fingerprint, redacted: findings[0]!.redacted }], nextCursor: null });
      expect(text).not.toContain(secret);

      const audit = await service.context.audit.verify();
      expect(audit).toMatchObject({ ok: true, entries: 4 }); // bootstrap, config.loaded, token.create, block-event.receive
      expect((await service.context.audit.list()).map((r) => r.entry.action)).toContain('config.loaded');
    } finally {
      await service.close();
    }
  });

  it('shuts down gracefully: a request in flight finishes, then the port is closed', async () => {
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const slow: FastifyPluginAsync = async (app) => {
      app.get('/slow', async () => {
        entered();
        await new Promise((r) => setTimeout(r, 300));
        return { done: true };
      });
    };
    const { service, logs } = await start({}, [slow]);
    const pending = fetch(`${service.url}/slow`).then(async (r) => ({ status: r.status, body: await r.json() }));
    await inside;
    await service.close();
    expect(await pending).toEqual({ status: 200, body: { done: true } });
    await expect(fetch(`${service.url}/healthz`)).rejects.toThrow();
    await service.closed;
    expect(logs.lines().map((l) => l['msg'])).toEqual(expect.arrayContaining(['pushgate service listening', 'pushgate service stopped']));
  });

  it('fails at start-up with every config problem, or when Redis does not answer', async () => {
    const err = await startService({ env: { PUSHGATE_PORT: 'x' }, handleSignals: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems.map((p) => p.variable)).toEqual(['REDIS_URL', 'PUSHGATE_PORT', 'PUSHGATE_ENCRYPTION_KEY']);

    const closedPort = await new Promise<number>((resolve) => {
      import('node:net').then(({ createServer }) => {
        const s = createServer().listen(0, '127.0.0.1', () => {
          const port = (s.address() as { port: number }).port;
          s.close(() => resolve(port));
        });
      });
    });
    const down = await startService({
      env: testEnv(redis, { REDIS_URL: `redis://127.0.0.1:${closedPort}`, PUSHGATE_PORT: '0' }),
      handleSignals: false,
      logDestination: new LogCapture(),
      redisWaitMs: 500,
    }).catch((e: unknown) => e);
    expect(down).toMatchObject({ code: 'REDIS_UNAVAILABLE' });
  });
});
