import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { redact } from '../../detectors/engine/redact.js';
import { startService } from '../../services/serve.js';
import { findingsIn, githubTokens } from '../support/findings.js';
import { useTestRedis } from '../support/redis.js';
import { LogCapture, testEnv } from '../support/service.js';

const redis = useTestRedis();

/**
 * Plants generated GitHub tokens everywhere a client can put them (headers,
 * query, path, JSON and text bodies, diffs, malformed and oversized bodies,
 * block events, token labels) against the real service over loopback, with
 * debug logging on, and proves none of them appears in any log line, any
 * response (body or header) or any value stored in Redis.
 */
describe('secrets never leak into logs, responses or Redis', () => {
  it('keeps planted tokens out of everything the service emits or stores', async () => {
    const planted = githubTokens('leak-test', 16);
    const t = (i: number): string => planted[i]!;
    const adminToken = randomBytes(32).toString('hex');
    const logs = new LogCapture();
    const service = await startService({
      env: testEnv(redis, { PUSHGATE_PORT: '0', PUSHGATE_ADMIN_TOKEN: adminToken, PUSHGATE_LOG_LEVEL: 'trace', PUSHGATE_SCAN_BODY_LIMIT: '8k' }),
      handleSignals: false,
      logDestination: logs,
    });
    const responses: string[] = [];
    const statuses: Record<string, number> = {};
    const call = async (name: string, path: string, init: RequestInit = {}): Promise<string> => {
      const res = await fetch(`${service.url}${path}`, init);
      const body = await res.text();
      responses.push(body, JSON.stringify([...res.headers.entries()]));
      statuses[name] = res.status;
      return body;
    };
    const admin = { authorization: `Bearer ${adminToken}` };
    try {
      // Stored findings (as a scan job writes them), then read back.
      const stored = findingsIn(`GITHUB_TOKEN=${t(0)}\n`, { path: 'deploy.env', commit: 'a'.repeat(40), author: 'Ada' });
      await service.context.findings.addFindings('acme/widgets', stored);
      await call('list', '/v1/findings', { headers: admin });
      await call('get', `/v1/findings/${stored[0]!.fingerprint}`, { headers: admin });

      // A token as the bearer credential, in the query, in a path, in an unmatched path.
      await call('bearer', '/v1/findings', { headers: { authorization: `Bearer ${t(1)}` } });
      await call('query', `/v1/findings?provider=${t(2)}`, { headers: admin });
      await call('path', `/v1/findings/${t(3)}`, { headers: admin });
      await call('unmatched', `/nothing/here/${t(4)}?q=${t(4)}`);

      // Scans: JSON, text with a token-named path, a diff with added and removed tokens.
      const scanJson = await call('scanJson', '/v1/scan', {
        method: 'POST',
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify({ content: `token = "${t(5)}"` }),
      });
      await call('scanText', `/v1/scan?path=${encodeURIComponent(`dir/${t(6)}`)}`, { method: 'POST', headers: { ...admin, 'content-type': 'text/plain' }, body: `x=${t(6)}` });
      const diff = ['diff --git a/a.env b/a.env', '--- a/a.env', '+++ b/a.env', '@@ -1,2 +1,2 @@', `-OLD=${t(7)}`, `+NEW=${t(8)}`, ' keep', ''].join('\n');
      const scanDiff = await call('scanDiff', '/v1/scan', { method: 'POST', headers: { ...admin, 'content-type': 'text/x-diff' }, body: diff });
      await call('malformedJson', '/v1/scan', { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: `{"content": "${t(9)}` });
      await call('tooLarge', '/v1/scan', { method: 'POST', headers: { ...admin, 'content-type': 'text/plain' }, body: `${'y'.repeat(9000)} ${t(10)}` });
      await call('badDiff', '/v1/scan', { method: 'POST', headers: { ...admin, 'content-type': 'text/x-diff' }, body: `--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n+${t(11)}\n` });

      // Block events: a token in the redacted field and in an unknown field are refused.
      const event = (extra: Record<string, unknown>): string =>
        JSON.stringify({
          id: randomUUID(),
          time: new Date().toISOString(),
          hook: 'pre-receive',
          repository: 'acme/widgets',
          pusher: { name: 'ada', source: 'USER' },
          refs: [],
          reason: 'secrets',
          findings: [],
          ...extra,
        });
      const finding = { detector: 'github-pat-classic', title: 'x', provider: 'GitHub', severity: 'critical', fingerprint: 'ab'.repeat(16), locations: [] };
      await call('eventRedacted', '/v1/events/push-blocked', { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: event({ findings: [{ ...finding, redacted: t(12) }] }) });
      await call('eventExtra', '/v1/events/push-blocked', { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: event({ note: `leaked ${t(13)}` }) });
      await call('eventOk', '/v1/events/push-blocked', { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: event({ findings: [{ ...finding, redacted: redact(t(14)) }] }) });

      // A token pasted as a token label.
      await call('label', '/v1/tokens', { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ role: 'ingest', label: t(15) }) });
      await call('audit', '/v1/audit?limit=100', { headers: admin });
      await call('metrics', '/metrics');

      expect(statuses).toEqual({
        list: 200,
        get: 200,
        bearer: 401,
        query: 200,
        path: 400,
        unmatched: 404,
        scanJson: 200,
        scanText: 200,
        scanDiff: 200,
        malformedJson: 400,
        tooLarge: 413,
        badDiff: 400,
        eventRedacted: 422,
        eventExtra: 422,
        eventOk: 201,
        label: 400,
        audit: 200,
        metrics: 200,
      });
      // The scans did find the planted tokens (this test would pass vacuously otherwise) and answered redacted.
      expect(scanJson).toContain(redact(t(5)));
      expect(JSON.parse(scanDiff)).toMatchObject({ findings: [{ redacted: redact(t(8)), locations: [{ path: 'a.env', line: 1 }] }] });
      expect(JSON.parse(scanDiff).findings).toHaveLength(1);
      // And logging was on: every request left a line, the unmatched path with its token redacted.
      const lines = logs.lines();
      expect(lines.filter((l) => l['msg'] === 'request').length).toBeGreaterThanOrEqual(17);
      expect(lines.find((l) => l['route'] === 'unmatched')).toMatchObject({ path: `/nothing/here/${redact(t(4))}` });
    } finally {
      await service.close();
    }

    const c = redis.client();
    const stored: string[] = [];
    for (const k of await c.keys(`${redis.prefix()}*`)) {
      const type = await c.type(k);
      if (type === 'hash') stored.push(JSON.stringify(await c.hgetall(k)));
      else if (type === 'string') stored.push((await c.get(k)) ?? '');
      else if (type === 'zset') stored.push(JSON.stringify(await c.zrange(k, 0, -1)));
      else if (type === 'set') stored.push(JSON.stringify(await c.smembers(k)));
      else if (type === 'stream') stored.push(JSON.stringify(await c.xrange(k, '-', '+')));
      else if (type === 'list') stored.push(JSON.stringify(await c.lrange(k, 0, -1)));
    }
    const everything = { logs: logs.text(), responses: responses.join('\n'), redis: stored.join('\n') };
    for (const [where, text] of Object.entries(everything)) {
      for (const [i, token] of planted.entries()) {
        expect({ where, token: i, found: text.includes(token) }).toEqual({ where, token: i, found: false });
      }
    }
    expect(everything.logs.length).toBeGreaterThan(1000);
  });
});
