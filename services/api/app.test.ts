import { randomBytes, randomUUID } from 'node:crypto';
import { deriveFingerprintKey, keyedFingerprinter } from '../../scanner/fingerprint.js';
import { describe, expect, it } from 'vitest';
import type { BlockEvent } from '../../hooks/block-event.js';
import { findingsIn, githubTokens } from '../../test/support/findings.js';
import { useTestRedis } from '../../test/support/redis.js';
import { buildTestService } from '../../test/support/service.js';

const redis = useTestRedis();

function blockEvent(overrides: Partial<BlockEvent> = {}): BlockEvent {
  return {
    id: randomUUID(),
    time: '2024-06-01T12:00:00.000Z',
    hook: 'pre-receive',
    repository: 'acme/widgets',
    pusher: { name: 'ada', source: 'GL_USERNAME' },
    refs: [{ ref: 'refs/heads/main', oldOid: '1'.repeat(40), newOid: '2'.repeat(40) }],
    reason: 'secrets',
    findings: [
      {
        detector: 'github-pat-classic',
        title: 'GitHub personal access token (classic)',
        provider: 'GitHub',
        severity: 'critical',
        fingerprint: 'ab'.repeat(16),
        redacted: 'ghp_abcd***',
        locations: [{ commit: '2'.repeat(40), path: 'a.env', line: 3 }],
      },
    ],
    ...overrides,
  };
}

describe('API (inject)', () => {
  it('refuses missing, unknown and under-privileged tokens with stable codes', async () => {
    const { app, token } = await buildTestService(redis);
    const noAuth = await app.inject({ method: 'GET', url: '/v1/findings' });
    expect(noAuth.statusCode).toBe(401);
    expect(noAuth.json()).toMatchObject({ error: { code: 'AUTH_REQUIRED', requestId: expect.any(String) } });
    expect(noAuth.headers['www-authenticate']).toMatch(/^Bearer/);
    const bad = await app.inject({ method: 'GET', url: '/v1/findings', headers: { authorization: 'Bearer pgt_not-a-real-token-at-all' } });
    expect(bad.json()).toMatchObject({ error: { code: 'AUTH_INVALID' } });
    const ingest = await token('ingest');
    const forbidden = await app.inject({ method: 'GET', url: '/v1/findings', headers: { authorization: `Bearer ${ingest}` } });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ error: { code: 'AUTH_FORBIDDEN' } });
    const readOnly = await token('read-only');
    const post = await app.inject({ method: 'POST', url: '/v1/events/push-blocked', headers: { authorization: `Bearer ${readOnly}` }, payload: blockEvent() });
    expect(post.json()).toMatchObject({ error: { code: 'AUTH_FORBIDDEN' } });
    const tokensAsTriage = await app.inject({ method: 'POST', url: '/v1/tokens', headers: { authorization: `Bearer ${await token('triage')}` }, payload: { role: 'admin' } });
    expect(tokensAsTriage.statusCode).toBe(403);
  });

  it('lists findings with filters and cursors, and shows one with its locations, never the secret', async () => {
    const { app, context, token } = await buildTestService(redis);
    const tokens = githubTokens('api-findings', 5);
    for (const [i, t] of tokens.entries()) {
      await context.findings.addFindings(i < 3 ? 'acme/one' : 'acme/two', findingsIn(`GITHUB_TOKEN=${t}`, { path: `f${i}.env`, commit: `${i}`.repeat(40) }));
    }
    const auth = { authorization: `Bearer ${await token('read-only')}` };
    const page1 = await app.inject({ method: 'GET', url: '/v1/findings?repository=acme/one&limit=2', headers: auth });
    expect(page1.statusCode).toBe(200);
    const body1 = page1.json() as { findings: Array<Record<string, unknown>>; nextCursor: string };
    expect(body1.findings).toHaveLength(2);
    const page2 = await app.inject({ method: 'GET', url: `/v1/findings?repository=acme/one&limit=2&cursor=${encodeURIComponent(body1.nextCursor)}`, headers: auth });
    const body2 = page2.json() as { findings: Array<Record<string, unknown>>; nextCursor: string | null };
    expect(body2.findings).toHaveLength(1);
    expect(body2.nextCursor).toBeNull();
    expect(body1.findings[0]).toMatchObject({ provider: 'GitHub', status: 'open', repositories: ['acme/one'], locationCount: 1 });
    expect(Object.keys(body1.findings[0]!)).not.toContain('secret');

    const fp = body1.findings[0]!['fingerprint'] as string;
    const one = await app.inject({ method: 'GET', url: `/v1/findings/${fp}`, headers: auth });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ fingerprint: fp, locations: [{ repository: 'acme/one', kind: 'blob', line: 1, column: 14 }], locationsTruncated: false });
    for (const t of tokens) {
      expect(page1.body + page2.body + one.body).not.toContain(t);
    }

    const filtered = await app.inject({ method: 'GET', url: '/v1/findings?status=open&severity=critical&provider=GitHub', headers: auth });
    expect((filtered.json() as { findings: unknown[] }).findings).toHaveLength(5);
    const missing = await app.inject({ method: 'GET', url: `/v1/findings/${'0'.repeat(32)}`, headers: auth });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'FINDING_NOT_FOUND' } });
  });

  it('answers malformed requests with 400 and a clear code, changing nothing', async () => {
    const { app, token } = await buildTestService(redis);
    const c = redis.client();
    const ingest = { authorization: `Bearer ${await token('ingest')}` };
    const reader = { authorization: `Bearer ${await token('read-only')}` };
    const keysBefore = (await c.keys(`${redis.prefix()}*`)).sort();
    const cases = [
      { method: 'GET', url: '/v1/findings?status=gone', headers: reader, code: 'REQUEST_INVALID' },
      { method: 'GET', url: '/v1/findings?staus=open', headers: reader, code: 'REQUEST_INVALID' },
      { method: 'GET', url: '/v1/findings?limit=0', headers: reader, code: 'REQUEST_INVALID' },
      { method: 'GET', url: '/v1/findings?cursor=bm9wZQ', headers: reader, code: 'CURSOR_INVALID' },
      { method: 'GET', url: '/v1/findings/not-a-fingerprint', headers: reader, code: 'REQUEST_INVALID' },
      { method: 'POST', url: '/v1/events/push-blocked', headers: { ...ingest, 'content-type': 'application/json' }, payload: '{"id": "x",', code: 'REQUEST_MALFORMED' },
      { method: 'POST', url: '/v1/events/push-blocked', headers: { ...ingest, 'content-type': 'application/json' }, payload: '', code: 'REQUEST_MALFORMED' },
      { method: 'POST', url: '/v1/events/push-blocked', headers: ingest, payload: { ...blockEvent(), reason: 'bored' }, code: 'REQUEST_INVALID' },
      { method: 'POST', url: '/v1/events/push-blocked', headers: ingest, payload: { ...blockEvent(), refs: [{ ref: 'x', oldOid: 'zz', newOid: '1' }] }, code: 'REQUEST_INVALID' },
      { method: 'POST', url: '/v1/events/push-blocked', headers: { ...ingest, 'content-type': 'application/xml' }, payload: '<event/>', code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 },
      { method: 'POST', url: '/v1/scan', headers: { ...ingest, 'content-type': 'text/x-diff' }, payload: '--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n', code: 'SCAN_DIFF_MALFORMED' },
      { method: 'POST', url: '/v1/scan', headers: ingest, payload: { text: 'wrong field' }, code: 'REQUEST_INVALID' },
    ] as const;
    for (const tc of cases) {
      const res = await app.inject({ method: tc.method, url: tc.url, headers: tc.headers, ...('payload' in tc ? { payload: tc.payload } : {}) });
      expect({ url: tc.url, status: res.statusCode, code: (res.json() as { error: { code: string } }).error.code }).toEqual({
        url: tc.url,
        status: 'status' in tc ? tc.status : 400,
        code: tc.code,
      });
      expect((res.json() as { error: { message: string } }).error.message.length).toBeGreaterThan(5);
    }
    expect((await c.keys(`${redis.prefix()}*`)).sort()).toEqual(keysBefore);
    const unknownRoute = await app.inject({ method: 'GET', url: '/v2/nothing' });
    expect(unknownRoute.statusCode).toBe(404);
    expect(unknownRoute.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
  });

  it('stores block events once, indexed by repository and pusher, and audits them', async () => {
    const { app, context, token } = await buildTestService(redis);
    const ingest = { authorization: `Bearer ${await token('ingest')}` };
    const e1 = blockEvent();
    const e2 = blockEvent({ repository: 'acme/other', pusher: { name: 'bob', source: 'REMOTE_USER' } });
    const r1 = await app.inject({ method: 'POST', url: '/v1/events/push-blocked', headers: ingest, payload: e1 });
    expect(r1.statusCode).toBe(201);
    expect(r1.json()).toEqual({ id: e1.id, created: true });
    const dup = await app.inject({ method: 'POST', url: '/v1/events/push-blocked', headers: ingest, payload: e1 });
    expect(dup.statusCode).toBe(200);
    expect(dup.json()).toEqual({ id: e1.id, created: false });
    expect((await app.inject({ method: 'POST', url: '/v1/events/push-blocked', headers: ingest, payload: e2 })).statusCode).toBe(201);

    const reader = { authorization: `Bearer ${await token('read-only')}` };
    const byPusher = await app.inject({ method: 'GET', url: '/v1/events/push-blocked?pusher=ada', headers: reader });
    expect((byPusher.json() as { events: Array<{ event: BlockEvent }> }).events.map((e) => e.event)).toEqual([e1]);
    const byRepo = await app.inject({ method: 'GET', url: '/v1/events/push-blocked?repository=acme%2Fother', headers: reader });
    expect((byRepo.json() as { events: Array<{ event: BlockEvent }> }).events.map((e) => e.event.id)).toEqual([e2.id]);
    const one = await app.inject({ method: 'GET', url: `/v1/events/push-blocked/${e2.id}`, headers: reader });
    expect(one.json()).toMatchObject({ event: e2, receivedBy: expect.stringMatching(/^tok_/) });

    const audit = (await context.audit.list()).map((r) => [r.entry.action, r.entry.target?.id]);
    expect(audit.filter(([a]) => a === 'block-event.receive')).toEqual([
      ['block-event.receive', e2.id],
      ['block-event.receive', e1.id],
    ]);
    expect(await context.audit.verify()).toMatchObject({ ok: true });
  });

  it('takes block events with locations of every kind, and those of hooks that sent no kind', async () => {
    const { app, token } = await buildTestService(redis);
    const ingest = { authorization: `Bearer ${await token('ingest')}` };
    const base = blockEvent().findings[0]!;
    const kinds = blockEvent({
      findings: [
        {
          ...base,
          locations: [
            { kind: 'blob', commit: '2'.repeat(40), path: 'k8s/secret.yml', line: 4, encoding: 'base64' },
            { kind: 'path', commit: '2'.repeat(40), path: 'dir/ghp_ab***', line: 1 },
            { kind: 'commit-message', commit: '2'.repeat(40), line: 2 },
            { kind: 'tag-message', tag: '9'.repeat(40), tagName: 'v1.0', ref: 'refs/tags/v1.0', line: 3 },
            { kind: 'ref-name', ref: 'refs/heads/ghp_ab***', line: 1 },
          ],
        },
      ],
    });
    const posted = await app.inject({ method: 'POST', url: '/v1/events/push-blocked', headers: ingest, payload: kinds });
    expect(posted.statusCode).toBe(201);
    const reader = { authorization: `Bearer ${await token('read-only')}` };
    const stored = await app.inject({ method: 'GET', url: `/v1/events/push-blocked/${kinds.id}`, headers: reader });
    expect((stored.json() as { event: BlockEvent }).event.findings[0]!.locations).toEqual(kinds.findings[0]!.locations);
    // An older hook: no kind, a path on every location.
    expect((await app.inject({ method: 'POST', url: '/v1/events/push-blocked', headers: ingest, payload: blockEvent() })).statusCode).toBe(201);
    const badKind = blockEvent({ findings: [{ ...base, locations: [{ kind: 'Blob; drop' as never, line: 1 }] }] });
    const refused = await app.inject({ method: 'POST', url: '/v1/events/push-blocked', headers: ingest, payload: badKind });
    expect(refused.json()).toMatchObject({ error: { code: 'REQUEST_INVALID' } });
  });

  it('shows the kind, tag, ref and encoding of stored locations', async () => {
    const { app, context, token } = await buildTestService(redis);
    const [t] = githubTokens('api-kinds', 1);
    const findings = [
      ...findingsIn(`m=${t}`, { kind: 'commit-message', commit: '3'.repeat(40), author: 'Ada' }),
      ...findingsIn(`m=${t}`, { kind: 'tag-message', tag: '9'.repeat(40), tagName: 'v1.0', encoding: 'percent' }),
    ];
    await context.findings.addFindings('acme/kinds', findings);
    const auth = { authorization: `Bearer ${await token('read-only')}` };
    const one = await app.inject({ method: 'GET', url: `/v1/findings/${findings[0]!.fingerprint}`, headers: auth });
    const locations = (one.json() as { locations: Array<Record<string, unknown>> }).locations;
    expect(locations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'commit-message', commit: '3'.repeat(40), path: null, line: 1, author: 'Ada' }),
        expect.objectContaining({ kind: 'tag-message', commit: null, path: null, tag: '9'.repeat(40), tagName: 'v1.0', encoding: 'percent' }),
      ]),
    );
    expect(one.body).not.toContain(t);
  });

  it('refuses a block event that carries an unredacted secret, storing nothing', async () => {
    const { app, context, token, logs } = await buildTestService(redis);
    const [t] = githubTokens('api-event-leak', 1);
    const e = blockEvent();
    const leaky = { ...e, findings: [{ ...e.findings[0]!, redacted: t! }] };
    const res = await app.inject({ method: 'POST', url: '/v1/events/push-blocked', headers: { authorization: `Bearer ${await token('ingest')}` }, payload: leaky });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'EVENT_CONTAINS_SECRET' } });
    expect(await context.blockEvents.get(e.id)).toBeNull();
    expect(res.body + logs.text()).not.toContain(t);
  });

  it('scans texts and diffs synchronously and enforces the body limit with 413', async () => {
    const { app, context, token } = await buildTestService(redis, { PUSHGATE_SCAN_BODY_LIMIT: '4k' });
    const ci = { authorization: `Bearer ${await token('ingest')}` };
    const [a, b] = githubTokens('api-scan', 2);
    const text = await app.inject({ method: 'POST', url: '/v1/scan?path=deploy/.env', headers: { ...ci, 'content-type': 'text/plain' }, payload: `\nGITHUB_TOKEN=${a}\n` });
    expect(text.statusCode).toBe(200);
    expect(text.json()).toMatchObject({
      kind: 'text',
      blocked: true,
      findings: [{ detector: 'github-pat-classic', severity: 'critical', tier: 'identifiable', locations: [{ kind: 'blob', path: 'deploy/.env', line: 2, column: 14 }] }],
      stats: { files: 1 },
    });
    expect(text.body).not.toContain(a);
    // Keyed under the key derived from PUSHGATE_ENCRYPTION_KEY: the fingerprint a worker would store for it.
    const { config } = context;
    expect((text.json() as { findings: Array<{ fingerprint: string }> }).findings[0]!.fingerprint).toBe(
      keyedFingerprinter(deriveFingerprintKey(config.keyRing.current.key)).of('github-token', a!),
    );

    const diff = ['diff --git a/app.yml b/app.yml', '--- a/app.yml', '+++ b/app.yml', '@@ -10,3 +10,3 @@', ` keep: 1`, `-old: ${b}`, `+new: ${a}`, ' end: 2', ''].join('\n');
    const viaDiff = await app.inject({ method: 'POST', url: '/v1/scan', headers: { ...ci, 'content-type': 'text/x-diff' }, payload: diff });
    expect(viaDiff.json()).toMatchObject({ kind: 'diff', findings: [{ locations: [{ path: 'app.yml', line: 11, column: 6 }] }] });
    expect((viaDiff.json() as { findings: unknown[] }).findings).toHaveLength(1);
    const viaJson = await app.inject({ method: 'POST', url: '/v1/scan', headers: ci, payload: { kind: 'diff', content: diff } });
    expect(viaJson.json()).toEqual(viaDiff.json());
    const clean = await app.inject({ method: 'POST', url: '/v1/scan', headers: ci, payload: { content: 'nothing to see' } });
    expect(clean.json()).toMatchObject({ kind: 'text', blocked: false, findings: [] });

    const big = `${'x'.repeat(5000)}${a}`;
    const tooBig = await app.inject({ method: 'POST', url: '/v1/scan', headers: { ...ci, 'content-type': 'text/plain' }, payload: big });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ error: { code: 'SCAN_BODY_TOO_LARGE', message: expect.stringContaining('4096 bytes') } });
    expect(tooBig.body).not.toContain(a);

    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.body).toMatch(/pushgate_scan_bytes_total\{kind="text"\} \d+/);
    expect(metrics.body).toContain('pushgate_scan_requests_total{kind="diff",outcome="findings"} 2');
    // Without PUSHGATE_METRICS_TOKEN, how many secrets the store holds is not public.
    expect(metrics.body).toContain('pushgate_http_requests_total');
    expect(metrics.body).not.toContain('pushgate_findings');
    expect(metrics.body).not.toContain('pushgate_scan_findings_total');
    await context.findings.addFindings('r', findingsIn(`t=${a}`, { path: 'p' }));
    expect((await app.inject({ method: 'GET', url: '/metrics' })).body).not.toContain('pushgate_findings');
  });

  it('with PUSHGATE_METRICS_TOKEN, /metrics needs the token and then shows finding counts', async () => {
    const metricsToken = randomBytes(32).toString('hex');
    const { app, context } = await buildTestService(redis, { PUSHGATE_METRICS_TOKEN: metricsToken });
    await context.findings.addFindings('r', findingsIn(`t=${githubTokens('metrics-token', 1)[0]}`, { path: 'p' }));
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${metricsToken}x`, metricsToken]) {
      const refused = await app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toMatchObject({ error: { code: 'METRICS_TOKEN_REQUIRED' } });
      expect(refused.body).not.toContain(metricsToken);
    }
    const scraped = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${metricsToken}` } });
    expect(scraped.statusCode).toBe(200);
    expect(scraped.body).toContain('pushgate_findings{status="open"} 1');
    expect(scraped.body).toContain('pushgate_http_requests_total');
  });

  it('mints, lists and revokes tokens through the API (admin only), auditing each', async () => {
    const { app, context, token } = await buildTestService(redis);
    const admin = { authorization: `Bearer ${await token('admin')}` };
    const created = await app.inject({ method: 'POST', url: '/v1/tokens', headers: admin, payload: { role: 'triage', label: 'alice' } });
    expect(created.statusCode).toBe(201);
    const body = created.json() as { id: string; token: string; role: string };
    expect(body.role).toBe('triage');
    const asTriage = await app.inject({ method: 'GET', url: '/v1/findings', headers: { authorization: `Bearer ${body.token}` } });
    expect(asTriage.statusCode).toBe(200);
    const list = await app.inject({ method: 'GET', url: '/v1/tokens', headers: admin });
    expect(list.body).not.toContain(body.token);
    expect((list.json() as { tokens: Array<{ id: string }> }).tokens.map((t) => t.id)).toContain(body.id);
    const revoked = await app.inject({ method: 'DELETE', url: `/v1/tokens/${body.id}`, headers: admin });
    expect(revoked.json()).toEqual({ id: body.id, revoked: true });
    expect((await app.inject({ method: 'GET', url: '/v1/findings', headers: { authorization: `Bearer ${body.token}` } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'DELETE', url: `/v1/tokens/${body.id}`, headers: admin })).json()).toMatchObject({ error: { code: 'TOKEN_NOT_FOUND' } });
    const audit = await app.inject({ method: 'GET', url: '/v1/audit?limit=2', headers: admin });
    expect((audit.json() as { entries: Array<{ entry: { action: string; requestId?: string } }> }).entries.map((e) => e.entry.action)).toEqual(['token.revoke', 'token.create']);
    const verify = await app.inject({ method: 'GET', url: '/v1/audit/verify', headers: admin });
    expect(verify.json()).toMatchObject({ ok: true, entries: (await context.audit.list({ limit: 100 })).length });
  });

  it('serves health, readiness and an OpenAPI document covering every route with schemas', async () => {
    const { app } = await buildTestService(redis);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready', checks: { redis: 'ok' } });
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown }>>;
    };
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/healthz',
        '/readyz',
        '/metrics',
        '/v1/findings',
        '/v1/findings/{fingerprint}',
        '/v1/findings/{fingerprint}/liveness',
        '/v1/findings/{fingerprint}/recheck',
        '/v1/findings/{fingerprint}/revoke',
        '/v1/events/push-blocked',
        '/v1/events/push-blocked/{id}',
        '/v1/scan',
        '/v1/tokens',
        '/v1/tokens/{id}',
        '/v1/audit',
        '/v1/audit/verify',
      ].sort(),
    );
    expect(doc.paths['/v1/scan']!['post']!.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(doc.paths['/v1/scan']!['post']!.responses)).toEqual(expect.arrayContaining(['200', '401', '413']));
  });

  it('answers /readyz with 503 when a readiness check fails', async () => {
    const { app } = await buildTestService(redis, {}, { readinessChecks: [{ name: 'queue', check: () => Promise.reject(new Error('down')) }] });
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: { code: 'DEPENDENCY_UNAVAILABLE', message: expect.stringContaining('queue') } });
  });
});
