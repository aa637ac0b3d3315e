import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildConsoleService, type ConsoleTestService } from '../../test/console/console-service.js';
import { findingsIn, githubTokens } from '../../test/support/findings.js';
import { useTestRedis } from '../../test/support/redis.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { checkForDetector } from '../../liveness/registry.js';
import { auditCommand, EXIT_AUDIT_BROKEN } from '../cli/audit-command.js';
import { CONTENT_SECURITY_POLICY } from './console-plugin.js';

const redis = useTestRedis();
let service: ConsoleTestService | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
});

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

function cookieOf(res: LightMyRequestResponse, name: string): { name: string; value: string; [k: string]: unknown } | undefined {
  return (res.cookies as Array<{ name: string; value: string }>).find((c) => c.name === name);
}

async function login(app: FastifyInstance, token: string): Promise<Session & { response: LightMyRequestResponse }> {
  const form = await app.inject({ method: 'GET', url: '/console/login' });
  const loginCookie = cookieOf(form, 'pushgate_login_csrf')!;
  const formCsrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
  const response = await app.inject({
    method: 'POST',
    url: '/console/login',
    headers: { ...FORM, cookie: `pushgate_login_csrf=${loginCookie.value}` },
    payload: new URLSearchParams({ token, _csrf: formCsrf }).toString(),
  });
  const session = cookieOf(response, 'pushgate_session');
  if (!session) return { cookie: '', csrf: '', response };
  const page = await app.inject({ method: 'GET', url: '/console', headers: { cookie: `pushgate_session=${session.value}` } });
  const csrf = /<meta name="csrf-token" content="([^"]+)">/.exec(page.body)?.[1] ?? '';
  return { cookie: `pushgate_session=${session.value}`, csrf, response };
}

function post(app: FastifyInstance, s: Session, url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url, headers: { ...FORM, cookie: s.cookie, ...headers }, payload: new URLSearchParams(fields).toString() });
}

async function seed(svc: ConsoleTestService, seed: string): Promise<{ fps: string[]; secrets: string[] }> {
  const secrets = githubTokens(seed, 3);
  // In the order stored (the store's own order breaks ties within a millisecond by fingerprint).
  const fps: string[] = [];
  for (const [i, t] of secrets.entries()) {
    const found = findingsIn(`TOKEN=${t}`, { path: `deploy/${i}.env`, commit: `${i + 1}`.repeat(40), author: 'Jane', email: 'jane@example.com' });
    await svc.context.findings.addFindings('https://github.com/acme/widgets.git', found);
    fps.push(found[0]!.fingerprint);
  }
  return { fps, secrets };
}

describe('triage console (HTTP)', () => {
  it('throttles failed logins per client: behind a trusted proxy (PUSHGATE_TRUST_PROXY) the forwarded address, otherwise the peer', async () => {
    service = await buildConsoleService(redis, { PUSHGATE_TRUST_PROXY: '127.0.0.1' });
    const { app } = service;
    const good = await service.token('triage');
    const attempt = async (token: string, from: { remoteAddress: string; forwardedFor?: string }): Promise<number> => {
      const form = await app.inject({ method: 'GET', url: '/console/login', remoteAddress: from.remoteAddress });
      const loginCookie = cookieOf(form, 'pushgate_login_csrf')!;
      const formCsrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
      const res = await app.inject({
        method: 'POST',
        url: '/console/login',
        remoteAddress: from.remoteAddress,
        headers: { ...FORM, cookie: `pushgate_login_csrf=${loginCookie.value}`, ...(from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {}) },
        payload: new URLSearchParams({ token, _csrf: formCsrf }).toString(),
      });
      return res.statusCode;
    };
    const viaProxy = (client: string) => ({ remoteAddress: '127.0.0.1', forwardedFor: client });
    for (let i = 0; i < 21; i++) expect(await attempt('not-a-token', viaProxy('203.0.113.5'))).toBe(401);
    expect(await attempt(good, viaProxy('203.0.113.5'))).toBe(429);
    // Everyone else behind the same proxy still logs in.
    expect(await attempt(good, viaProxy('203.0.113.6'))).toBe(303);

    // A client that reaches the service directly cannot pick its address: its X-Forwarded-For is ignored.
    for (let i = 0; i < 21; i++) expect(await attempt('not-a-token', { remoteAddress: '198.51.100.7', forwardedFor: `192.0.2.${i}` })).toBe(401);
    expect(await attempt(good, { remoteAddress: '198.51.100.7', forwardedFor: '192.0.2.200' })).toBe(429);
    const audit = await service.context.audit.list({ limit: 200 });
    const ips = new Set(audit.filter((r) => r.entry.action === 'console.login-failed').map((r) => (r.entry.data as { ip: string }).ip));
    expect([...ips].sort()).toEqual(['198.51.100.7', '203.0.113.5']);
  });

  it('logs in with an API token into an HttpOnly, SameSite=Strict session, audited, and shows the queue live first without secrets', async () => {
    service = await buildConsoleService(redis);
    const { app, context, logs } = service;
    const { fps, secrets } = await seed(service, 'console-queue');
    await context.findings.setStatus(fps[2]!, 'live');
    await context.findings.setStatus(fps[1]!, 'unknown');
    const token = await service.token('triage', 'Ada triage');

    const s = await login(app, token);
    expect(s.response.statusCode).toBe(303);
    expect(s.response.headers.location).toBe('/console');
    expect(cookieOf(s.response, 'pushgate_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/console', maxAge: 8 * 3600 });
    expect(cookieOf(s.response, 'pushgate_session')!['secure']).toBeUndefined();
    expect(s.response.headers['set-cookie']).not.toContain(token);

    const queue = await app.inject({ method: 'GET', url: '/console', headers: { cookie: s.cookie } });
    expect(queue.statusCode).toBe(200);
    expect(queue.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(queue.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(queue.headers).toMatchObject({ 'x-frame-options': 'DENY', 'referrer-policy': 'same-origin', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    const rows = [...queue.body.matchAll(/<tr class="status-(\w+)" data-fingerprint="([0-9a-f]{32})"/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([
      ['live', fps[2]],
      ['unknown', fps[1]],
      ['open', fps[0]],
    ]);
    expect(queue.body).toMatch(/data-count="live"><strong>1<\/strong>/);
    expect(queue.body).toContain('class="series series-live"');
    expect(queue.body).not.toMatch(/<script>|style="/);

    const detail = await app.inject({ method: 'GET', url: `/console/findings/${fps[2]}`, headers: { cookie: s.cookie } });
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain(`https://github.com/acme/widgets/commit/${'3'.repeat(40)}`);
    const finding = await context.findings.get(fps[2]!);
    expect(detail.body).toContain(`<code data-testid="redacted">${finding!.redacted}</code>`);
    for (const secret of secrets) expect(queue.body + detail.body + logs.text()).not.toContain(secret);
    expect(logs.text()).not.toContain(token);
    expect(logs.text()).not.toContain(s.cookie.split('=')[1]);

    const audit = await context.audit.list();
    expect(audit.map((r) => r.entry.action)).toContain('console.login');
    expect(audit.find((r) => r.entry.action === 'console.login')!.entry.actor).toMatchObject({ kind: 'token', role: 'triage' });
  });

  it('sends people without a session to the login page and audits failed logins without the token', async () => {
    service = await buildConsoleService(redis);
    const { app, context, logs } = service;
    for (const url of ['/console', `/console/findings/${'a'.repeat(32)}`, '/console/block-events', '/console/no-such-page']) {
      const anonymous = await app.inject({ method: 'GET', url });
      expect({ url, status: anonymous.statusCode, location: anonymous.headers.location }).toEqual({ url, status: 303, location: '/console/login' });
    }
    expect((await app.inject({ method: 'GET', url: '/console/assets/console.js' })).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await app.inject({ method: 'POST', url: `/console/findings/${'a'.repeat(32)}/recheck`, headers: FORM, payload: '' })).statusCode).toBe(401);

    const wrong = `pgt_${'x'.repeat(43)}`;
    const bad = await login(app, wrong);
    expect(bad.response.statusCode).toBe(401);
    expect(bad.response.body).toContain('That token is not valid');
    const ingest = await login(app, await service.token('ingest'));
    expect(ingest.response.statusCode).toBe(403);
    expect(cookieOf(ingest.response, 'pushgate_session')).toBeUndefined();

    // The login form's own CSRF token must come back with it.
    const triage = await service.token('triage');
    const forged = await app.inject({ method: 'POST', url: '/console/login', headers: FORM, payload: new URLSearchParams({ token: triage }).toString() });
    expect(forged.statusCode).toBe(403);
    expect(cookieOf(forged, 'pushgate_session')).toBeUndefined();

    const failed = (await context.audit.list()).filter((r) => r.entry.action === 'console.login-failed').map((r) => r.entry.data);
    expect(failed).toEqual([
      { reason: 'role-not-allowed', ip: '127.0.0.1', role: 'ingest' },
      { reason: 'token-invalid', ip: '127.0.0.1' },
    ]);
    expect(JSON.stringify(await context.audit.list()) + logs.text()).not.toContain(wrong);
  });

  it('refuses state changes without the CSRF token, with a wrong one, or from another origin, changing nothing', async () => {
    service = await buildConsoleService(redis);
    const { app, context } = service;
    const { fps } = await seed(service, 'console-csrf');
    const s = await login(app, await service.token('triage'));
    const url = `/console/findings/${fps[0]}/assign`;
    const auditBefore = (await context.audit.list()).length;

    const cases: Array<{ fields: Record<string, string>; headers: Record<string, string> }> = [
      { fields: { assignee: 'mallory' }, headers: {} },
      { fields: { assignee: 'mallory', _csrf: 'not-the-token' }, headers: {} },
      { fields: { assignee: 'mallory', _csrf: s.csrf }, headers: { origin: 'http://evil.example' } },
      { fields: { assignee: 'mallory', _csrf: s.csrf }, headers: { 'sec-fetch-site': 'cross-site' } },
      { fields: { assignee: 'mallory', _csrf: s.csrf }, headers: { 'sec-fetch-site': 'same-site' } },
      { fields: { assignee: 'mallory' }, headers: { 'x-csrf-token': `${s.csrf}x` } },
    ];
    for (const c of cases) {
      const res = await post(app, s, url, c.fields, c.headers);
      expect({ case: c, status: res.statusCode }).toEqual({ case: c, status: 403 });
      expect(res.body).toContain('Not allowed');
    }
    expect((await context.audit.list()).length).toBe(auditBefore);
    expect((await service.context.findings.get(fps[0]!))!.status).toBe('open');

    const ok = await post(app, s, url, { assignee: 'ada', _csrf: s.csrf }, { origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/console/findings/${fps[0]}?notice=assigned`);
    const viaHeader = await post(app, s, url, { assignee: 'bob' }, { 'x-csrf-token': s.csrf });
    expect(viaHeader.statusCode).toBe(303);
  });

  it('triages through the console: assign, comment, re-check and revocation requested, each on the audit trail; the status stays', async () => {
    service = await buildConsoleService(redis);
    const { app, context } = service;
    const { fps, secrets } = await seed(service, 'console-actions');
    const fp = fps[0]!;
    await context.findings.setStatus(fp, 'live');
    const s = await login(app, await service.token('triage', 'Ada triage'));

    expect((await post(app, s, `/console/findings/${fp}/assign`, { assignee: 'ada@example.com', _csrf: s.csrf })).statusCode).toBe(303);
    expect((await post(app, s, `/console/findings/${fp}/comments`, { text: 'Pinged <b>ops</b>', _csrf: s.csrf })).statusCode).toBe(303);
    const recheck = await post(app, s, `/console/findings/${fp}/recheck`, { _csrf: s.csrf });
    expect(recheck.headers.location).toBe(`/console/findings/${fp}?notice=recheck-queued`);
    expect((await post(app, s, `/console/findings/${fp}/revocation-requested`, { note: 'ticket OPS-12', _csrf: s.csrf })).statusCode).toBe(303);
    const leak = await post(app, s, `/console/findings/${fp}/comments`, { text: `it is ${secrets[0]}`, _csrf: s.csrf });
    expect(leak.statusCode).toBe(422);
    expect(leak.body).not.toContain(secrets[0]);

    expect((await context.findings.get(fp))!.status).toBe('live');
    const page = await app.inject({ method: 'GET', url: `/console/findings/${fp}?notice=recheck-queued`, headers: { cookie: s.cookie } });
    expect(page.body).toContain('Re-check queued');
    expect(page.body).toContain('Pinged &lt;b&gt;ops&lt;/b&gt;');
    expect(page.body).toMatch(/data-testid="assignee">ada@example.com/);
    const trail = [...page.body.matchAll(/<tr data-audit-action="([\w.-]+)">/g)].map((m) => m[1]);
    expect(trail).toEqual(['finding.revocation-requested', 'finding.recheck-request', 'finding.comment', 'finding.assign']);
    expect(page.body).toContain('Ada triage');
    expect(await context.audit.verify()).toMatchObject({ ok: true });
    // The re-check is a real job on the finding's liveness queue.
    const job = await service.liveness.queues.queue(checkForDetector('github-pat-classic')!.id).getJob(fp);
    expect(job?.data).toEqual({ fingerprint: fp, trigger: 'triage' });
  });

  it('resolves a legacy finding with a form, shows the resolution, undoes it, and offers no resolution where a provider check exists', async () => {
    service = await buildConsoleService(redis);
    const { app, context } = service;
    const { fps } = await seed(service, 'console-resolve');
    const t = new TokenFactory('console-resolve-legacy');
    const password = `Qz${t.chars('abcdefghjkmnpqrstuvwxyz23456789', 14)}7!`;
    await context.findings.addFindings('https://github.com/acme/widgets.git', findingsIn(`db_password = "${password}"\n`, { path: 'app/settings.py', commit: '9'.repeat(40) }));
    const legacy = (await context.findings.list()).findings.find((f) => f.tier === 'legacy')!.fingerprint;
    const s = await login(app, await service.token('triage', 'Ada triage'));

    const before = await app.inject({ method: 'GET', url: `/console/findings/${legacy}`, headers: { cookie: s.cookie } });
    expect(before.body).toContain('data-testid="no-check"');
    expect(before.body).toContain('data-testid="resolve-form"');
    expect(before.body).not.toContain('data-action="recheck"');
    const resolved = await post(app, s, `/console/findings/${legacy}/resolution`, { _csrf: s.csrf, resolution: 'false-positive', reason: 'a fixture in the settings tests', expiresAt: '' });
    expect(resolved.statusCode).toBe(303);
    expect(resolved.headers.location).toBe(`/console/findings/${legacy}?notice=resolved`);
    const page = await app.inject({ method: 'GET', url: resolved.headers.location as string, headers: { cookie: s.cookie } });
    expect(page.body).toMatch(/data-testid="status">resolved</);
    expect(page.body).toMatch(/data-testid="resolution">false positive \(not a secret\), attested by Ada triage/);
    expect(page.body).toContain('a fixture in the settings tests');
    expect(page.body).not.toContain(password);
    const queue = await app.inject({ method: 'GET', url: '/console', headers: { cookie: s.cookie } });
    expect(queue.body).not.toContain(`data-fingerprint="${legacy}"`);
    expect(queue.body).toMatch(/data-count="resolved"><strong>1<\/strong>resolved \(attested\)/);
    expect(queue.body).toMatch(/data-count="closed"><strong>0<\/strong>closed \(verified revoked\)/);
    const listed = await app.inject({ method: 'GET', url: '/console?status=resolved', headers: { cookie: s.cookie } });
    expect(listed.body).toContain(`data-fingerprint="${legacy}"`);

    // An accepted risk needs a date; a bad one is refused with its code and nothing changes.
    const noDate = await post(app, s, `/console/findings/${legacy}/resolution`, { _csrf: s.csrf, resolution: 'accepted-risk', reason: 'until the vendor ships', expiresAt: '' });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.body).toContain('accepted-risk needs expiresAt');
    const removed = await post(app, s, `/console/findings/${legacy}/resolution/remove`, { _csrf: s.csrf });
    expect(removed.headers.location).toBe(`/console/findings/${legacy}?notice=unresolved`);
    expect((await context.findings.get(legacy))!.status).toBe('open');

    // A GitHub token has a provider check: no resolve form, and a forged one is refused.
    const checked = await app.inject({ method: 'GET', url: `/console/findings/${fps[0]!}`, headers: { cookie: s.cookie } });
    expect(checked.body).toContain('data-testid="needs-verdict"');
    expect(checked.body).not.toContain('data-testid="resolve-form"');
    expect(checked.body).toContain('data-action="recheck"');
    const forged = await post(app, s, `/console/findings/${fps[0]!}/resolution`, { _csrf: s.csrf, resolution: 'false-positive', reason: 'looks fake' });
    expect(forged.statusCode).toBe(409);
    expect(forged.body).toContain('closes only when the provider says the secret is revoked');
    const trail = (await context.audit.listForTarget('finding', legacy)).map((r) => r.entry.action);
    expect(trail).toEqual(['finding.resolved', 'finding.resolution-removed']);
  });

  it('searches, exports the filter, shows the tier, and acts on a selection in bulk', async () => {
    service = await buildConsoleService(redis);
    const { app, context } = service;
    const { fps, secrets } = await seed(service, 'console-bulk');
    const t = new TokenFactory('console-bulk-legacy');
    const password = `Qz${t.chars('abcdefghjkmnpqrstuvwxyz23456789', 14)}7!`;
    const legacyFound = findingsIn(`db_password = "${password}"\n`, { path: 'web/settings.py', commit: '8'.repeat(40) });
    await context.findings.addFindings('https://github.com/acme/web.git', legacyFound);
    const legacy = legacyFound.find((f) => f.tier === 'legacy')!.fingerprint;
    const s = await login(app, await service.token('triage'));

    const search = await app.inject({ method: 'GET', url: '/console?q=web%2Fsettings', headers: { cookie: s.cookie } });
    expect([...search.body.matchAll(/data-fingerprint="([0-9a-f]{32})"/g)].map((m) => m[1])).toEqual([legacy]);
    expect(search.body).toContain('data-tier="legacy"');
    expect(search.body).toContain('name="q" maxlength="200" value="web/settings"');
    expect(search.body).toContain('href="/console/export?q=web%2Fsettings&amp;format=csv"');
    const csv = await app.inject({ method: 'GET', url: '/console/export?q=web%2Fsettings&format=csv', headers: { cookie: s.cookie } });
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="pushgate-findings-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csv.body.trimEnd().split('\r\n')).toHaveLength(2);
    const json = await app.inject({ method: 'GET', url: '/console/export?format=json', headers: { cookie: s.cookie } });
    expect((json.json() as { findings: unknown[] }).findings).toHaveLength(4);
    for (const secret of [...secrets, password]) expect(csv.body + json.body + search.body).not.toContain(secret);

    // Resolve everything selected: the legacy finding is resolved, the GitHub tokens are refused by name.
    const bulk = await app.inject({
      method: 'POST',
      url: '/console/bulk',
      headers: { ...FORM, cookie: s.cookie },
      payload: new URLSearchParams([['_csrf', s.csrf], ['action', 'resolve'], ['resolution', 'test-credential'], ['reason', 'seeded fixtures'], ['fingerprint', legacy], ['fingerprint', fps[0]!]]).toString(),
    });
    expect(bulk.statusCode).toBe(200);
    expect(bulk.body).toMatch(/data-testid="bulk-summary">1 of 2 resolved; 1 refused\./);
    expect(bulk.body).toContain('data-code="RESOLUTION_NEEDS_VERDICT"');
    expect((await context.findings.get(legacy))!.status).toBe('resolved');
    const nothing = await post(app, s, '/console/bulk', { _csrf: s.csrf, action: 'recheck' });
    expect(nothing.statusCode).toBe(400);
    const forged = await post(app, s, '/console/bulk', { action: 'assign', assignee: 'x', fingerprint: legacy });
    expect(forged.statusCode).toBe(403);
  });

  it('says plainly that liveness checks are off, and refuses a re-check instead of queueing it for nobody', async () => {
    service = await buildConsoleService(redis, { PUSHGATE_LIVENESS: 'off' });
    const { app } = service;
    const { fps } = await seed(service, 'console-liveness-off');
    const triage = await service.token('triage');
    const s = await login(app, triage);
    const page = await app.inject({ method: 'GET', url: `/console/findings/${fps[0]!}`, headers: { cookie: s.cookie } });
    expect(page.body).toContain('data-testid="liveness-off"');
    expect(page.body).not.toContain('data-action="recheck"');
    const res = await app.inject({ method: 'POST', url: `/v1/findings/${fps[0]!}/recheck`, headers: { authorization: `Bearer ${triage}` } });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: { code: 'LIVENESS_DISABLED' } });
    const form = await post(app, s, `/console/findings/${fps[0]!}/recheck`, { _csrf: s.csrf });
    expect(form.headers.location).toBe(`/console/findings/${fps[0]!}?notice=liveness-off`);
  });

  it('shows read-only users no actions and refuses their forged requests, in the console and the API', async () => {
    service = await buildConsoleService(redis);
    const { app, context } = service;
    const { fps } = await seed(service, 'console-readonly');
    const fp = fps[0]!;
    const readOnly = await service.token('read-only');
    const s = await login(app, readOnly);
    const page = await app.inject({ method: 'GET', url: `/console/findings/${fp}`, headers: { cookie: s.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('data-action=');
    expect(page.body).not.toContain(`action="/console/findings/${fp}/`);
    for (const action of ['assign', 'comments', 'recheck', 'revocation-requested']) {
      for (const fields of [{ _csrf: s.csrf, assignee: 'x', text: 'x' }, { assignee: 'x', text: 'x' }] as Array<Record<string, string>>) {
        const res = await post(app, s, `/console/findings/${fp}/${action}`, fields);
        expect({ action, status: res.statusCode }).toEqual({ action, status: 403 });
      }
    }
    const api = (token: string, path: string, payload: unknown) =>
      app.inject({ method: 'POST', url: `/v1/findings/${fp}/${path}`, headers: { authorization: `Bearer ${token}` }, payload: payload as Record<string, unknown> });
    expect((await api(readOnly, 'assign', { assignee: 'x' })).json()).toMatchObject({ error: { code: 'AUTH_FORBIDDEN' } });
    expect((await api(readOnly, 'comments', { text: 'x' })).statusCode).toBe(403);
    expect((await api(readOnly, 'revocation-requested', {})).statusCode).toBe(403);
    expect(await context.audit.listForTarget('finding', fp)).toEqual([]);

    const triage = await service.token('triage');
    expect((await api(triage, 'assign', { assignee: 'ada' })).json()).toMatchObject({ fingerprint: fp, assignee: { name: 'ada' } });
    expect((await api(triage, 'comments', { text: 'hello' })).statusCode).toBe(201);
    const noBody = await app.inject({ method: 'POST', url: `/v1/findings/${fp}/revocation-requested`, headers: { authorization: `Bearer ${triage}` } });
    expect(noBody.json()).toMatchObject({ revocationRequested: { note: '' } });
    expect((await api(triage, 'assign', { assignee: 'x', extra: 1 })).json()).toMatchObject({ error: { code: 'REQUEST_INVALID' } });
    expect((await api(triage, 'assign', { assignee: 'x' })).statusCode).toBe(200);
    const missing = await app.inject({ method: 'POST', url: `/v1/findings/${'f'.repeat(32)}/assign`, headers: { authorization: `Bearer ${triage}` }, payload: { assignee: 'x' } });
    expect(missing.json()).toMatchObject({ error: { code: 'FINDING_NOT_FOUND' } });
    const read = await app.inject({ method: 'GET', url: `/v1/findings/${fp}/triage`, headers: { authorization: `Bearer ${readOnly}` } });
    expect(read.json()).toMatchObject({ assignee: { name: 'x' }, commentCount: 1, comments: [{ text: 'hello' }] });
    expect((await context.findings.get(fp))!.status).toBe('open');
    expect((await app.inject({ method: 'GET', url: '/openapi.json' })).json().paths).toHaveProperty(['/v1/findings/{fingerprint}/assign']);
  });

  it('ends sessions at logout and when their token is revoked', async () => {
    service = await buildConsoleService(redis);
    const { app, context } = service;
    const token = await service.token('triage');
    const a = await login(app, token);
    const b = await login(app, token);
    const sessionKeys = await redis.client().keys(`${redis.prefix()}console:session:*`);
    expect(sessionKeys).toHaveLength(2);
    // Keyed by a hash of the id: the cookie value itself is nowhere in Redis.
    expect(sessionKeys.join()).not.toContain(a.cookie.split('=')[1]);
    for (const k of sessionKeys) expect(await redis.client().ttl(k)).toBeGreaterThan(8 * 3600 - 60);
    const out = await post(app, a, '/console/logout', { _csrf: a.csrf });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/console/login');
    expect((await app.inject({ method: 'GET', url: '/console', headers: { cookie: a.cookie } })).statusCode).toBe(303);
    expect((await app.inject({ method: 'GET', url: '/console', headers: { cookie: b.cookie } })).statusCode).toBe(200);
    const principal = await context.tokens.authenticate(token);
    await context.tokens.revoke(principal!.tokenId, { kind: 'system', id: 'test' });
    expect((await app.inject({ method: 'GET', url: '/console', headers: { cookie: b.cookie } })).headers.location).toBe('/console/login');
    expect((await context.audit.list()).map((r) => r.entry.action)).toContain('console.logout');
  });

  it('shows block events per repository and per pusher', async () => {
    service = await buildConsoleService(redis);
    const { app, context } = service;
    const event = (id: string, repository: string, pusher: string) => ({
      id,
      time: '2025-01-01T00:00:00.000Z',
      hook: 'pre-receive' as const,
      repository,
      pusher: { name: pusher, source: 'GL_USERNAME' },
      refs: [{ ref: 'refs/heads/main', oldOid: '1'.repeat(40), newOid: '2'.repeat(40) }],
      reason: 'secrets' as const,
      findings: [{ detector: 'd', title: 'A <token>', provider: 'p', severity: 'high', fingerprint: 'ab'.repeat(16), redacted: 'ghp_ab***', locations: [{ commit: '2'.repeat(40), path: 'x.env', line: 1 }] }],
    });
    await context.blockEvents.record(event('e1', 'https://gitlab.com/acme/api.git', 'ada'), 'tok_x');
    await context.blockEvents.record(event('e2', 'acme/web', 'bob'), 'tok_x');
    await context.blockEvents.record(event('e3', 'acme/web', 'ada'), 'tok_x');
    const s = await login(app, await service.token('read-only'));
    const ids = async (query: string) =>
      [...(await app.inject({ method: 'GET', url: `/console/block-events${query}`, headers: { cookie: s.cookie } })).body.matchAll(/data-event="([\w-]+)"/g)].map((m) => m[1]);
    expect(await ids('')).toEqual(['e3', 'e2', 'e1']);
    expect(await ids('?pusher=ada')).toEqual(['e3', 'e1']);
    expect(await ids('?repository=acme%2Fweb')).toEqual(['e3', 'e2']);
    expect(await ids('?repository=acme%2Fweb&pusher=bob')).toEqual(['e2']);
    const all = await app.inject({ method: 'GET', url: '/console/block-events', headers: { cookie: s.cookie } });
    expect(all.body).toContain(`https://gitlab.com/acme/api/-/commit/${'2'.repeat(40)}`);
    expect(all.body).toContain('A &lt;token&gt;');
    expect(all.body).toMatch(/pusher=ada">ada<\/a><\/td><td>2<\/td>/);
  });

  it('names the kind of every location: in a finding and in block events', async () => {
    service = await buildConsoleService(redis);
    const { app, context } = service;
    const [t] = githubTokens('console-kinds', 1);
    const commit = '4'.repeat(40);
    const tag = '9'.repeat(40);
    const findings = [
      ...findingsIn(`TOKEN=${t}`, { path: 'k8s/secret.yml', commit, author: 'Jane', encoding: 'base64' }),
      ...findingsIn(`TOKEN=${t}`, { kind: 'path', path: 'keys/ghp_ab***', commit }),
      ...findingsIn(`TOKEN=${t}`, { kind: 'commit-message', commit, author: 'Jane' }),
      ...findingsIn(`TOKEN=${t}`, { kind: 'tag-message', tag, tagName: 'v1.0<b>', ref: 'refs/tags/v1.0<b>' }),
      ...findingsIn(`TOKEN=${t}`, { kind: 'ref-name', ref: 'refs/heads/<i>ghp_ab***' }),
    ];
    await context.findings.addFindings('https://github.com/acme/widgets.git', findings);
    const s = await login(app, await service.token('read-only'));
    const detail = await app.inject({ method: 'GET', url: `/console/findings/${findings[0]!.fingerprint}`, headers: { cookie: s.cookie } });
    expect(detail.statusCode).toBe(200);
    const rows = [...detail.body.matchAll(/<tr data-kind="([\w-]+)">(.*?)<\/tr>/g)].map((m) => [m[1], m[2]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()]);
    expect(rows).toEqual([
      ['ref-name', 'https://github.com/acme/widgets.git ref name refs/heads/&lt;i&gt;ghp_ab***'],
      ['blob', `https://github.com/acme/widgets.git ${commit.slice(0, 12)} file k8s/secret.yml:1:7 (base64-encoded) Jane`],
      ['path', `https://github.com/acme/widgets.git ${commit.slice(0, 12)} path keys/ghp_ab***`],
      ['commit-message', `https://github.com/acme/widgets.git ${commit.slice(0, 12)} commit message line 1, column 7 Jane`],
      ['tag-message', 'https://github.com/acme/widgets.git tag v1.0&lt;b&gt; 9999999999 tag message line 1, column 7 (refs/tags/v1.0&lt;b&gt;)'],
    ]);
    expect(detail.body).toContain(`https://github.com/acme/widgets/commit/${commit}`);
    expect(detail.body).not.toContain(t);

    const base = { time: '2025-01-01T00:00:00.000Z', hook: 'pre-receive' as const, repository: 'acme/web', pusher: null, refs: [], reason: 'secrets' as const };
    const finding = { detector: 'd', title: 'T', provider: 'p', severity: 'high', fingerprint: 'ab'.repeat(16), redacted: 'ghp_ab***' };
    await context.blockEvents.record(
      {
        ...base,
        id: 'k1',
        findings: [
          {
            ...finding,
            locations: [
              { commit, path: 'old.env', line: 2 },
              { kind: 'commit-message', commit, line: 3, encoding: 'percent' },
              { kind: 'tag-identity', tag, tagName: 'v2', line: 4 },
              { kind: 'ref-name', ref: 'refs/heads/<x>', line: 1 },
              { kind: 'future-kind' as never, line: 5 },
            ],
          },
        ],
      },
      'tok_x',
    );
    const events = await app.inject({ method: 'GET', url: '/console/block-events', headers: { cookie: s.cookie } });
    const places = [...events.body.matchAll(/<span class="muted" data-kind="([\w-]+)">(.*?)<\/span>/g)].map((m) => [m[1], m[2]!.replace(/<[^>]+>/g, '').trim()]);
    expect(places).toEqual([
      ['blob', `old.env:2 ${commit.slice(0, 12)}`],
      ['commit-message', `commit message, line 3 (percent-encoded) ${commit.slice(0, 12)}`],
      ['tag-identity', 'tag v2 (9999999999) tagger, line 4'],
      ['ref-name', 'ref name refs/heads/&lt;x&gt;'],
      ['future-kind', 'future-kind, line 5'],
    ]);
  });

  it('audit verify names an edited console entry', async () => {
    service = await buildConsoleService(redis);
    const { app } = service;
    await login(app, await service.token('triage'));
    const c = redis.client();
    const key = `${redis.prefix()}audit`;
    const rows = await c.xrange(key, '-', '+');
    const target = rows.findIndex(([, f]) => f[1]!.includes('"console.login"'));
    expect(target).toBeGreaterThan(0);
    await c.del(key);
    for (const [i, [id, f]] of rows.entries()) await c.xadd(key, id, 'entry', i === target ? f[1]!.replace('"127.0.0.1"', '"10.9.9.9"') : f[1]!, 'hash', f[3]!);
    let out = '';
    let exit = -1;
    const io = { stdout: { write: (s: string) => void (out += s) }, stderr: { write: () => undefined }, env: { REDIS_URL: redis.url(), PUSHGATE_REDIS_PREFIX: redis.prefix() } };
    await auditCommand(io, (code) => (exit = code)).parseAsync(['verify'], { from: 'user' });
    expect(exit).toBe(EXIT_AUDIT_BROKEN);
    expect(out).toContain(`audit log BROKEN at entry ${rows[target]![0]} (sequence ${target + 1}): hash-mismatch`);
  });
});
