import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBlockEvent } from '../../hooks/block-event.js';
import { FindingsStore } from '../../services/store/findings-store.js';
import { startService, type RunningService } from '../../services/serve.js';
import { recordStatusSample } from '../../services/triage/status-samples.js';
import { startWorker, type RunningWorker } from '../../services/worker.js';
import { findingsIn, githubTokens } from '../support/findings.js';
import { GitRepo } from '../support/git-repo.js';
import { TokenFactory } from '../support/token-factory.js';
import { ScanQueues } from '../../services/queue/scan-queues.js';
import { ProviderStandIn } from '../support/provider-stand-in.js';
import { githubRevocationRoutes, githubRoutes } from '../support/providers/github.js';
import { useTestRedis } from '../support/redis.js';
import { LogCapture, testEnv } from '../support/service.js';

/**
 * The triage console in a real browser (headless Chromium driven by
 * playwright-core) against the real service on loopback: `pushgate serve`
 * (startService) and `pushgate worker` (startWorker, whose liveness workers
 * ask a GitHub stand-in) on one Redis. A triage user logs in, finds the live
 * secret at the top of the queue, opens it, requests a re-check (audited,
 * and answered by a real check), and cross-site forms cannot act for them; a
 * read-only user sees no actions and cannot act. Screenshots go to
 * test-results/screenshots/; PUSHGATE_UPDATE_SCREENSHOTS=1 also copies the
 * queue to docs/console-queue.png for the README.
 */
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const SHOTS = resolve('test-results/screenshots');
const DAY = 86_400_000;

if (!haveChromium) {
  // CI installs Chromium (.ci/run): there, a missing browser is a failure, not a reason to skip.
  if (process.env['CI']) throw new Error(`${CHROMIUM} is missing: the console browser test must run in CI (install the chromium package)`);
  console.warn(`skipping the console browser test: ${CHROMIUM} is missing (apt-get install chromium)`);
}

const redis = useTestRedis();
const workDir = mkdtempSync(join(tmpdir(), 'pushgate-console-'));
let browser: Browser | undefined;
let attacker: Server | undefined;

beforeAll(async () => {
  if (!haveChromium) return;
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
  if (attacker) await new Promise((r) => attacker!.close(r));
  rmSync(workDir, { recursive: true, force: true });
});

async function eventually<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A page on another origin whose form posts to the console without a CSRF token, as a malicious site would. */
async function startAttacker(target: string): Promise<number> {
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><form id="f" method="post" action="${target}"><input name="note" value="pwned"></form><script>document.getElementById('f').submit()</script>`);
  });
  await new Promise<void>((r) => attacker!.listen(0, '127.0.0.1', r));
  return (attacker.address() as AddressInfo).port;
}

async function shot(page: Page, name: string): Promise<string> {
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

async function login(page: Page, url: string, token: string): Promise<void> {
  await page.goto(`${url}/console`);
  expect(new URL(page.url()).pathname).toBe('/console/login');
  await page.fill('#token', token);
  await Promise.all([page.waitForURL(`${url}/console`), page.click('button[type=submit]')]);
}

describe.skipIf(!haveChromium)('triage console in a real browser', () => {
  it('triage: live finding first, open it, re-check (audited, checked); cross-site forms and read-only users cannot act', { timeout: 180_000 }, async () => {
    const [liveToken, ...otherTokens] = githubTokens('console-browser', 7) as [string, ...string[]];
    const secrets = [liveToken, ...otherTokens];
    const standIn = await ProviderStandIn.start({ routes: githubRoutes, valid: [liveToken] });
    const logs = new LogCapture();
    const env = testEnv(redis, { PUSHGATE_PORT: '0', PUSHGATE_LIVENESS_BASE_URLS: `github=${standIn.url}`, PUSHGATE_LIVENESS_CACHE: '0', PUSHGATE_LIVENESS_TIMEOUT: '5s' });
    let service: RunningService | undefined;
    let worker: RunningWorker | undefined;
    try {
      service = await startService({ env, handleSignals: false, logDestination: logs });
      worker = await startWorker({ env, handleSignals: false, logDestination: logs, workDir });
      const { context } = service;
      const url = service.url;
      const mint = async (role: 'triage' | 'read-only', label: string) =>
        (await context.tokens.mint({ role, label, actor: { kind: 'system', id: 'test' } })).token.reveal();
      const triageToken = await mint('triage', 'Ada Lovelace');
      const readOnlyToken = await mint('read-only', 'Auditor');

      // A month of history, written through the real store at past times: findings appear, some go live, some get revoked.
      const now = Date.now();
      const at = (daysAgo: number) => () => new Date(now - daysAgo * DAY);
      const past = (daysAgo: number) => new FindingsStore({ redis: context.redis, prefix: context.config.redisPrefix, keyRing: context.config.keyRing, clock: at(daysAgo) });
      const add = async (daysAgo: number, repository: string, token: string, path: string, commit: string) => {
        const findings = findingsIn(`GITHUB_TOKEN=${token}\n`, { path, commit, author: 'Jane Committer', email: 'jane@example.com', date: new Date(now - daysAgo * DAY).toISOString() });
        await past(daysAgo).addFindings(repository, findings);
        return findings[0]!.fingerprint;
      };
      const sample = (daysAgo: number) => recordStatusSample({ redis: context.redis, findings: context.findings, clock: at(daysAgo) });
      const fps: string[] = [];
      fps.push(await add(27, 'https://github.com/acme/payments.git', otherTokens[0]!, 'config/ci.env', 'a'.repeat(40)));
      fps.push(await add(27, 'https://gitlab.com/acme/infra.git', otherTokens[1]!, 'terraform/vars.tf', 'b'.repeat(40)));
      await sample(27);
      fps.push(await add(21, 'https://github.com/acme/web.git', otherTokens[2]!, '.env.production', 'c'.repeat(40)));
      await context.findings.setStatus(fps[0]!, 'live');
      await sample(21);
      fps.push(await add(14, 'https://github.com/acme/payments.git', otherTokens[3]!, 'scripts/deploy.sh', 'd'.repeat(40)));
      await context.findings.setStatus(fps[1]!, 'live');
      await sample(14);
      await context.findings.setStatus(fps[0]!, 'revoked');
      await context.findings.setStatus(fps[1]!, 'unknown');
      await sample(7);
      fps.push(await add(3, 'https://github.com/acme/api.git', otherTokens[4]!, 'src/settings.py', 'e'.repeat(40)));
      await sample(3);
      // The secret that is live: its first check runs for real, against the stand-in.
      const liveFp = await add(2, 'https://github.com/acme/payments.git', liveToken, 'deploy/.env', 'f'.repeat(40));
      await worker.liveness.tracker.enqueueNew([{ fingerprint: liveFp, detector: 'github-pat-classic' }]);
      await eventually('the first check', () => context.findings.get(liveFp, { locationLimit: 0 }), (f) => f?.status === 'live');

      const blockEvent = buildBlockEvent({
        env: { GL_USERNAME: 'ada', GL_PROJECT_PATH: 'acme/payments' },
        gitDir: workDir,
        updates: [{ ref: 'refs/heads/main', oldOid: '0'.repeat(40), newOid: '9'.repeat(40) }] as never,
        findings: findingsIn(`GITHUB_TOKEN=${liveToken}\n`, { path: 'deploy/.env', commit: '9'.repeat(40) }),
        reason: 'secrets',
        now: new Date(),
      });
      const ingest = (await context.tokens.mint({ role: 'ingest', label: 'git server', actor: { kind: 'system', id: 'test' } })).token.reveal();
      const sent = await fetch(`${url}/v1/events/push-blocked`, { method: 'POST', headers: { authorization: `Bearer ${ingest}`, 'content-type': 'application/json' }, body: JSON.stringify(blockEvent) });
      expect(sent.status).toBe(201);

      const page = await browser!.newPage({ viewport: { width: 1440, height: 900 } });
      const consoleErrors: string[] = [];
      page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));
      page.on('pageerror', (e) => void consoleErrors.push(e.message));
      const htmls: string[] = [];
      page.on('response', async (r) => {
        if ((r.headers()['content-type'] ?? '').startsWith('text/html')) htmls.push(await r.text().catch(() => ''));
      });

      // Log in as triage; the live secret heads the queue.
      await login(page, url, triageToken);
      const top = page.locator('table.queue tbody tr').first();
      expect(await top.getAttribute('data-status')).toBe('live');
      expect(await top.getAttribute('data-fingerprint')).toBe(liveFp);
      expect(await page.locator('table.queue tbody tr').nth(1).getAttribute('data-status')).toBe('unknown');
      expect(await page.locator('[data-count="live"] strong').textContent()).toBe('1');
      expect(await page.locator('svg.chart path.series-live').count()).toBe(1);
      const queueShot = await shot(page, 'console-queue');
      // The script applies a filter as soon as it is chosen.
      await Promise.all([page.waitForURL(/status=unknown/), page.selectOption('select[name=status]', 'unknown')]);
      expect(await page.locator('table.queue tbody tr').count()).toBe(1);
      await page.goto(`${url}/console`);
      const firstRow = page.locator('table.queue tbody tr').first();

      // Open it: redacted secret, the owner the provider reported, the check on the timeline.
      await Promise.all([page.waitForURL(`${url}/console/findings/${liveFp}`), firstRow.locator('a').first().click()]);
      expect(await page.locator('[data-testid=owner]').textContent()).toContain('octocat');
      expect(await page.locator('[data-testid=liveness-history] li').count()).toBe(1);
      expect(await page.locator(`a[href="https://github.com/acme/payments/commit/${'f'.repeat(40)}"]`).count()).toBe(1);

      // Re-check: audited at once, then the worker's verdict joins the timeline.
      await Promise.all([page.waitForURL(/notice=recheck-queued/), page.click('button[data-action=recheck]')]);
      expect(await page.locator('p.notice').textContent()).toContain('Re-check queued');
      const recheckRow = page.locator('[data-testid=audit] tr[data-audit-action="finding.recheck-request"]');
      expect(await recheckRow.count()).toBe(1);
      expect(await recheckRow.textContent()).toContain('Ada Lovelace');
      await eventually(
        'the re-check verdict',
        async () => {
          await page.reload();
          return page.locator('[data-testid=liveness-history] li').count();
        },
        (n) => n === 2,
      );
      expect(await page.locator('[data-testid=liveness-history] li').first().textContent()).toContain('triage');

      // A form on another origin posting without the CSRF token: refused although the browser sends the cookie (same site).
      const target = `${url}/console/findings/${liveFp}/revocation-requested`;
      const attackerPort = await startAttacker(target);
      const forged = page.waitForResponse((r) => r.url() === target);
      await page.goto(`http://127.0.0.1:${attackerPort}/`);
      expect((await forged).status()).toBe(403);
      expect((await (await forged).request().allHeaders())['cookie']).toContain('pushgate_session=');
      // From another site (localhost is not 127.0.0.1) the SameSite=Strict cookie is not even sent.
      const crossSite = page.waitForResponse((r) => r.url() === target);
      await page.goto(`http://localhost:${attackerPort}/`);
      expect((await crossSite).status()).toBe(403);
      expect((await (await crossSite).request().allHeaders())['cookie'] ?? '').not.toContain('pushgate_session=');
      expect(await context.redis.hgetall(`${context.config.redisPrefix}triage:${liveFp}`)).toEqual({});

      // The real thing: assign, then mark revocation requested (after the confirmation dialog); the status stays live.
      await page.goto(`${url}/console/findings/${liveFp}`);
      await page.fill('input[name=assignee]', 'jane@example.com');
      await Promise.all([page.waitForURL(/notice=assigned/), page.click('button[data-action=assign]')]);
      const dialog = page.waitForEvent('dialog').then(async (d) => {
        await d.accept();
        return d.message();
      });
      await Promise.all([page.waitForURL(/notice=revocation-requested/), page.click('button[data-action=revocation-requested]')]);
      expect(await dialog).toContain('revocation was requested');
      expect(await page.locator('[data-testid=status]').textContent()).toBe('live');
      expect(await page.locator('[data-testid=audit] tr[data-audit-action="finding.revocation-requested"]').count()).toBe(1);
      await shot(page, 'console-finding');

      // Read-only: no actions on the page, and forged requests are refused with and without the CSRF token.
      await Promise.all([page.waitForURL(`${url}/console/login`), page.click('header form button')]);
      await login(page, url, readOnlyToken);
      await page.goto(`${url}/console/findings/${liveFp}`);
      expect(await page.locator('[data-action]').count()).toBe(0);
      expect(await page.locator('[data-testid=audit] tr').count()).toBeGreaterThan(3);
      expect(await page.locator('main form[method=post]').count()).toBe(0);
      const statuses = await page.evaluate(async (fp) => {
        const csrf = document.querySelector('meta[name=csrf-token]')!.getAttribute('content')!;
        const send = (headers: Record<string, string>) =>
          fetch(`/console/findings/${fp}/recheck`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: '' }).then((r) => r.status);
        return [await send({ 'x-csrf-token': csrf }), await send({})];
      }, liveFp);
      expect(statuses).toEqual([403, 403]);
      const api = await fetch(`${url}/v1/findings/${liveFp}/assign`, {
        method: 'POST',
        headers: { authorization: `Bearer ${readOnlyToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ assignee: 'mallory' }),
      });
      expect(api.status).toBe(403);
      await shot(page, 'console-finding-read-only');

      // The push the hook blocked, sent as the hooks send it, in its own view per repository and per pusher.
      await page.goto(`${url}/console/block-events`);
      expect(await page.locator(`tr[data-event="${blockEvent.id}"]`).count()).toBe(1);
      await Promise.all([page.waitForURL(/pusher=ada/), page.locator(`tr[data-event="${blockEvent.id}"] a`, { hasText: 'ada' }).click()]);
      expect(await page.locator('table.block-events tbody tr').count()).toBe(1);
      await shot(page, 'console-block-events');
      await page.close();

      // The pages ran under their Content-Security-Policy without a violation or a script error
      // (the refused forms above log their 403s; nothing else may).
      expect(consoleErrors.filter((e) => !/status of 403/.test(e))).toEqual([]);

      // Nothing the browser received, nothing logged, carries a secret or a token.
      expect(htmls.length).toBeGreaterThan(8);
      const seen = htmls.join('\n') + logs.text();
      for (const s of [...secrets, triageToken, readOnlyToken, ingest]) expect(seen).not.toContain(s);
      const actions = (await context.audit.listForTarget('finding', liveFp)).map((r) => r.entry.action);
      expect(actions).toEqual(['liveness.verdict', 'finding.status', 'finding.recheck-request', 'liveness.verdict', 'finding.assign', 'finding.revocation-requested']);
      expect(await context.audit.verify()).toMatchObject({ ok: true });

      if (process.env['PUSHGATE_UPDATE_SCREENSHOTS'] === '1') {
        mkdirSync(resolve('docs'), { recursive: true });
        copyFileSync(queueShot, resolve('docs/console-queue.png'));
      }
    } finally {
      await worker?.close();
      await service?.close();
      await standIn.close();
    }
  });

  it('triage at 420 px: search and export, the evidence masked, a legacy finding resolved, a live token refused', { timeout: 180_000 }, async () => {
    const [liveToken] = githubTokens('console-browser-resolve', 1) as [string];
    const t = new TokenFactory('console-browser-resolve');
    const password = `Qz${t.chars('abcdefghjkmnpqrstuvwxyz23456789', 14)}7!`;
    const standIn = await ProviderStandIn.start({ routes: githubRoutes, valid: [liveToken] });
    const logs = new LogCapture();
    const env = testEnv(redis, { PUSHGATE_PORT: '0', PUSHGATE_LIVENESS_BASE_URLS: `github=${standIn.url}`, PUSHGATE_LIVENESS_CACHE: '0', PUSHGATE_LIVENESS_TIMEOUT: '5s' });
    const repo = GitRepo.create({ bare: true });
    let service: RunningService | undefined;
    let worker: RunningWorker | undefined;
    const queues = new ScanQueues({ connection: redis.client(), redisPrefix: redis.prefix() });
    try {
      service = await startService({ env, handleSignals: false, logDestination: logs });
      worker = await startWorker({ env, handleSignals: false, logDestination: logs, workDir });
      const { context } = service;
      const url = service.url;
      const triageToken = (await context.tokens.mint({ role: 'triage', label: 'Grace', actor: { kind: 'system', id: 'test' } })).token.reveal();

      // A repository scanned by the worker through the queue, as a platform team would: the excerpts are cut there.
      repo.commit({ files: { 'app/settings.py': `DEBUG = False\ndb_password = "${password}"\nALLOWED_HOSTS = []\n`, 'deploy/.env': `GITHUB_TOKEN=${liveToken}\n` } });
      const { id } = await queues.enqueueHistoryScan({ repository: repo.path });
      await eventually('the history scan', () => queues.view('history-scan', id), (v) => v?.state === 'completed' || v?.state === 'failed');
      const stored = (await context.findings.list({})).findings;
      const legacy = stored.find((f) => f.tier === 'legacy')!;
      const token = stored.find((f) => f.detector === 'github-pat-classic')!;
      await eventually('the token found live', () => context.findings.get(token.fingerprint, { locationLimit: 0 }), (f) => f?.status === 'live');

      const page = await browser!.newPage({ viewport: { width: 420, height: 900 } });
      const htmls: string[] = [];
      page.on('response', async (r) => {
        if ((r.headers()['content-type'] ?? '').startsWith('text/html')) htmls.push(await r.text().catch(() => ''));
      });
      await login(page, url, triageToken);
      // Usable at 420 px: the page itself does not scroll sideways (a wide table scrolls in its own box).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
      expect(await page.locator('table.queue th', { hasText: 'Owner' }).isVisible()).toBe(false);
      await shot(page, 'console-queue-420');

      // Search by path, then export what the search shows.
      await page.fill('input[name=q]', 'settings.py');
      await Promise.all([page.waitForURL(/q=settings\.py/), page.click('form.filters button[type=submit]')]);
      expect(await page.locator('table.queue tbody tr').count()).toBe(1);
      expect(await page.locator('table.queue tbody tr').first().getAttribute('data-fingerprint')).toBe(legacy.fingerprint);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-export=csv]')]);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv.trimEnd().split('\r\n')).toHaveLength(2);
      expect(csv).toContain(legacy.fingerprint);
      expect(csv).not.toContain(password);

      // The evidence: the line around the password, masked, with the reason.
      await Promise.all([page.waitForURL(`${url}/console/findings/${legacy.fingerprint}`), page.locator('table.queue tbody tr a').first().click()]);
      const excerpt = (await page.locator('[data-testid=excerpt]').textContent())!;
      expect(excerpt).toContain('db_password = "Qz');
      expect(excerpt).toContain('ALLOWED_HOSTS');
      expect(excerpt).not.toContain(password);
      expect(await page.locator('[data-testid=reason]').textContent()).toContain('db_password');

      // Resolve it: out of the queue, attested, audited.
      await page.selectOption('select[name=resolution]', 'false-positive');
      await page.fill('textarea[name=reason]', 'a placeholder the settings tests replace');
      await Promise.all([page.waitForURL(/notice=resolved/), page.click('button[data-action=resolve]')]);
      expect(await page.locator('[data-testid=status]').textContent()).toBe('resolved');
      expect(await page.locator('[data-testid=resolution]').textContent()).toContain('attested by Grace');
      await shot(page, 'console-finding-resolved-420');

      // The live GitHub token: nobody can resolve it; only the provider's verdict closes it.
      await page.goto(`${url}/console/findings/${token.fingerprint}`);
      expect(await page.locator('[data-testid=needs-verdict]').count()).toBe(1);
      expect(await page.locator('[data-testid=resolve-form]').count()).toBe(0);
      const refused = await page.evaluate(async (fp) => {
        const csrf = document.querySelector('meta[name=csrf-token]')!.getAttribute('content')!;
        const body = new URLSearchParams({ _csrf: csrf, resolution: 'false-positive', reason: 'looks fake' }).toString();
        const r = await fetch(`/console/findings/${fp}/resolution`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
        return r.status;
      }, token.fingerprint);
      expect(refused).toBe(409);
      expect((await context.findings.get(token.fingerprint, { locationLimit: 0 }))!.status).toBe('live');
      await page.close();

      const seen = htmls.join('\n') + logs.text();
      for (const secret of [password, liveToken, triageToken]) expect(seen).not.toContain(secret);
      expect((await context.audit.listForTarget('finding', legacy.fingerprint)).map((r) => r.entry.action)).toEqual(['finding.resolved']);
    } finally {
      await queues.close();
      await worker?.close();
      await service?.close();
      await standIn.close();
      repo.dispose();
    }
  });

  it('revoke now: a live GitHub token revoked from the console, typed confirmation, closed only by the confirming checks', { timeout: 180_000 }, async () => {
    const [liveToken] = githubTokens('console-browser-revoke', 1) as [string];
    const standIn = await ProviderStandIn.start({ routes: [...githubRoutes, ...githubRevocationRoutes], valid: [liveToken] });
    const logs = new LogCapture();
    const env = testEnv(redis, {
      PUSHGATE_PORT: '0',
      PUSHGATE_LIVENESS_BASE_URLS: `github=${standIn.url}`,
      PUSHGATE_LIVENESS_CACHE: '0',
      PUSHGATE_LIVENESS_TIMEOUT: '5s',
      PUSHGATE_LIVENESS_CONFIRM_REVOKED: '300ms',
    });
    const repo = GitRepo.create({ bare: true });
    let service: RunningService | undefined;
    let worker: RunningWorker | undefined;
    const queues = new ScanQueues({ connection: redis.client(), redisPrefix: redis.prefix() });
    try {
      service = await startService({ env, handleSignals: false, logDestination: logs });
      worker = await startWorker({ env, handleSignals: false, logDestination: logs, workDir });
      const { context } = service;
      const url = service.url;
      const mint = async (role: 'triage' | 'read-only', label: string): Promise<string> => (await context.tokens.mint({ role, label, actor: { kind: 'system', id: 'test' } })).token.reveal();
      const triageToken = await mint('triage', 'Grace');
      const readOnlyToken = await mint('read-only', 'Viewer');

      repo.commit({ files: { 'deploy/.env': `GITHUB_TOKEN=${liveToken}\n` } });
      const { id } = await queues.enqueueHistoryScan({ repository: repo.path });
      await eventually('the history scan', () => queues.view('history-scan', id), (v) => v?.state === 'completed' || v?.state === 'failed');
      const fp = (await context.findings.list({ provider: 'GitHub' })).findings[0]!.fingerprint;
      const status = async (): Promise<string | undefined> => (await context.findings.get(fp, { locationLimit: 0 }))?.status;
      await eventually('the token found live', status, (s) => s === 'live');
      const revocations = (): number => standIn.requests.filter((r) => r.method === 'POST' && r.path === '/credentials/revoke').length;

      // A read-only user sees no revocation and cannot make one through the API.
      const viewer = await browser!.newPage();
      await login(viewer, url, readOnlyToken);
      await viewer.goto(`${url}/console/findings/${fp}`);
      expect(await viewer.locator('[data-testid=revoke-form]').count()).toBe(0);
      await viewer.close();
      const forbidden = await fetch(`${url}/v1/findings/${fp}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${readOnlyToken}` } });
      expect(forbidden.status).toBe(403);

      const page = await browser!.newPage();
      const htmls: string[] = [];
      page.on('response', async (r) => {
        if ((r.headers()['content-type'] ?? '').startsWith('text/html')) htmls.push(await r.text().catch(() => ''));
      });
      await login(page, url, triageToken);
      // The queue shows what the live secret can reach, under its status.
      expect(await page.locator(`tr[data-fingerprint="${fp}"] .reach`).textContent()).toBe('write · octocat, octo-org');
      await page.goto(`${url}/console/findings/${fp}`);
      expect(await page.locator('[data-testid=revoke-form]').textContent()).toContain('Ask GitHub to revoke this secret now');
      // What it can reach, from the scopes GitHub listed.
      expect(await page.locator('[data-testid=reach]').textContent()).toBe('write · octocat, octo-org');

      // The wrong confirmation revokes nothing (the browser's own check is bypassed here, as a script could).
      const unconfirmed = await page.evaluate(async (fingerprint) => {
        const csrf = document.querySelector('meta[name=csrf-token]')!.getAttribute('content')!;
        const body = new URLSearchParams({ _csrf: csrf, confirm: 'yes' }).toString();
        const r = await fetch(`/console/findings/${fingerprint}/revoke`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
        return { status: r.status, text: await r.text() };
      }, fp);
      expect(unconfirmed.status).toBe(400);
      expect(unconfirmed.text).toContain('type github-pat-classic exactly to confirm');
      expect(revocations()).toBe(0);

      await page.fill('[data-testid=revoke-form] input[name=confirm]', 'github-pat-classic');
      await shot(page, 'console-finding-revoke-form');
      await Promise.all([page.waitForURL(/notice=revoke-accepted/), page.click('button[data-action=revoke]')]);
      expect(await page.locator('p.notice').textContent()).toContain('The provider accepted the revocation');
      expect(revocations()).toBe(1);

      // The provider's "accepted" closed nothing: the checks did, revoked first, then confirmed.
      await eventually('closed by the confirming check', status, (s) => s === 'closed');
      const history = [...(await worker.liveness.tracker.history(fp))].reverse();
      const moves = history.filter((r) => r.statusBefore !== r.statusAfter).map((r) => `${r.statusBefore}->${r.statusAfter} (${r.trigger})`);
      expect(moves).toEqual(['open->live (scan)', 'live->revoked (revoke)', 'revoked->closed (schedule)']);

      await page.goto(`${url}/console/findings/${fp}`);
      expect(await page.locator('[data-testid=status]').textContent()).toBe('closed');
      expect(await page.locator('[data-testid=revoke-form]').count()).toBe(0);
      const actions = (await context.audit.listForTarget('finding', fp)).map((r) => r.entry);
      const request = actions.find((e) => e.action === 'finding.revoke-request');
      const result = actions.find((e) => e.action === 'finding.revoke-result');
      expect(request?.actor).toMatchObject({ role: 'triage' });
      expect(result?.data).toMatchObject({ outcome: 'accepted', httpStatus: 202, provider: 'GitHub' });
      expect(actions.indexOf(request!)).toBeLessThan(actions.indexOf(result!));
      expect(await page.locator('tr[data-audit-action="finding.revoke-result"]').count()).toBe(1);
      await shot(page, 'console-finding-revoked');
      await page.close();

      // A closed finding is not revoked again.
      const again = await fetch(`${url}/v1/findings/${fp}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${triageToken}` } });
      expect(again.status).toBe(409);
      expect(((await again.json()) as { error: { code: string } }).error.code).toBe('REVOCATION_NOT_NEEDED');

      const seen = htmls.join('\n') + logs.text();
      for (const secret of [liveToken, triageToken, readOnlyToken]) expect(seen).not.toContain(secret);
    } finally {
      await queues.close();
      await worker?.close();
      await service?.close();
      await standIn.close();
      repo.dispose();
    }
  });
});
