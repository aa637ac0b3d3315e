import { afterEach, describe, expect, it } from 'vitest';
import { redact } from '../../detectors/engine/redact.js';
import { scanHistory } from '../../scanner/history.js';
import { buildConsoleService, type ConsoleTestService } from '../../test/console/console-service.js';
import { findingsIn, githubTokens } from '../../test/support/findings.js';
import { GitRepo } from '../../test/support/git-repo.js';
import { useTestRedis } from '../../test/support/redis.js';
import { TokenFactory } from '../../test/support/token-factory.js';

const redis = useTestRedis();
let service: ConsoleTestService | undefined;
let repo: GitRepo | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
  repo?.dispose();
  repo = undefined;
});

describe('evidence: the lines around a secret, stored sealed, shown masked', () => {
  it('stores the excerpt a history scan cuts, sealed, and shows it masked with the reason in the API and the console', async () => {
    service = await buildConsoleService(redis);
    const { app, context, logs } = service;
    const t = new TokenFactory('evidence');
    const password = `Qz${t.chars('abcdefghjkmnpqrstuvwxyz23456789', 14)}7!`;
    const [token] = githubTokens('evidence', 1) as [string];
    repo = GitRepo.create();
    repo.commit({ files: { 'app/settings.py': `DEBUG = False\ndb_password = "${password}"\nGITHUB_TOKEN = "${token}"\n` } });
    const report = await scanHistory(repo.path, { engine: context.engine, fingerprints: context.fingerprints, excerpts: true });
    await context.findings.addFindings('acme/app', report.findings);
    const legacy = report.findings.find((f) => f.secret.reveal() === password)!;
    expect(legacy.tier).toBe('legacy');

    // Sealed at rest: neither the secrets nor the masked lines are readable in Redis.
    const raw = await context.redis.hget(context.findings.keys.finding(legacy.fingerprint), 'excerpt');
    expect(raw).toBeTruthy();
    expect(raw).not.toContain('db_password');
    expect(raw).not.toContain(password);

    const triage = await service.token('read-only');
    const res = await app.inject({ method: 'GET', url: `/v1/findings/${legacy.fingerprint}`, headers: { authorization: `Bearer ${triage}` } });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { reason: string; excerpt: { firstLine: number; text: string } };
    expect(body.excerpt).toEqual({ firstLine: 1, text: `DEBUG = False\ndb_password = "${redact(password)}"\nGITHUB_TOKEN = "${redact(token)}"` });
    expect(body.reason).toMatch(/db_password/);

    // Shown masked even where the stored text still held a secret (cut before a detector knew it).
    await context.redis.hset(context.findings.keys.finding(legacy.fingerprint), 'excerpt', (await sealedExcerpt(service, legacy.fingerprint, `x = 1\ntoken: ${token}`))!);
    const again = (await app.inject({ method: 'GET', url: `/v1/findings/${legacy.fingerprint}`, headers: { authorization: `Bearer ${triage}` } })).json() as { excerpt: { text: string } };
    expect(again.excerpt.text).toBe(`x = 1\ntoken: ${redact(token)}`);

    const page = await consolePage(service, triage, `/console/findings/${legacy.fingerprint}`);
    expect(page).toContain('data-testid="excerpt"');
    expect(page).toContain(`token: ${redact(token)}`);
    expect(page).toMatch(/data-testid="reason">[^<]*db_password/);
    for (const s of [password, token]) expect(page + res.body + logs.text()).not.toContain(s);

    // A finding stored without an excerpt says so.
    await context.findings.addFindings('acme/app', findingsIn(`api_secret = "${password}X9"\n`, { path: 'b.py' }, context.fingerprints));
    const bare = (await context.findings.list({})).findings.find((f) => !report.findings.some((r) => r.fingerprint === f.fingerprint))!;
    const none = (await app.inject({ method: 'GET', url: `/v1/findings/${bare.fingerprint}`, headers: { authorization: `Bearer ${triage}` } })).json() as { excerpt: unknown };
    expect(none.excerpt).toBeNull();
  });
});

/** An excerpt sealed as the store seals it, holding whatever text the test needs. */
async function sealedExcerpt(svc: ConsoleTestService, fingerprint: string, text: string): Promise<string | null> {
  const { seal } = await import('../crypto/secret-box.js');
  return seal(svc.context.config.keyRing, JSON.stringify({ firstLine: 1, text }), `${fingerprint}\0excerpt`);
}

async function consolePage(svc: ConsoleTestService, token: string, url: string): Promise<string> {
  const form = await svc.app.inject({ method: 'GET', url: '/console/login' });
  const loginCookie = (form.cookies as Array<{ name: string; value: string }>).find((c) => c.name === 'pushgate_login_csrf')!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
  const login = await svc.app.inject({
    method: 'POST',
    url: '/console/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `pushgate_login_csrf=${loginCookie.value}` },
    payload: new URLSearchParams({ token, _csrf: csrf }).toString(),
  });
  const session = (login.cookies as Array<{ name: string; value: string }>).find((c) => c.name === 'pushgate_session')!;
  return (await svc.app.inject({ method: 'GET', url, headers: { cookie: `pushgate_session=${session.value}` } })).body;
}
