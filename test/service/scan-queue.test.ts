import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HISTORY_SCAN_QUEUE } from '../../services/queue/jobs.js';
import { startService, type RunningService } from '../../services/serve.js';
import { startWorker, type RunningWorker } from '../../services/worker.js';
import { githubTokens } from '../support/findings.js';
import { GitRepo } from '../support/git-repo.js';
import { useTestRedis } from '../support/redis.js';
import { TEST_REPOSITORY_ALLOW } from '../support/repository-policy.js';
import { LogCapture, testEnv } from '../support/service.js';

/**
 * The history-scan queue end to end: the real `pushgate serve` app over
 * loopback HTTP, a real worker (BullMQ on the test Redis), real git
 * repositories, tokens generated now.
 */
const redis = useTestRedis();
const dirs: string[] = [];
const repos: GitRepo[] = [];
const running: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  for (const r of repos) r.dispose();
});

interface Harness {
  readonly service: RunningService;
  readonly admin: string;
  readonly logs: LogCapture;
  readonly workDir: string;
  startWorker(extra?: Partial<Parameters<typeof startWorker>[0]>): Promise<RunningWorker>;
  api(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; json: any; text: string }>;
  waitFor(id: string, states?: readonly string[]): Promise<any>;
}

async function harness(): Promise<Harness> {
  const admin = randomBytes(32).toString('hex');
  const env = testEnv(redis, { PUSHGATE_PORT: '0', PUSHGATE_ADMIN_TOKEN: admin, PUSHGATE_WORKER_CONCURRENCY: '2' });
  const logs = new LogCapture();
  const service = await startService({ env, handleSignals: false, logDestination: logs });
  running.push(service);
  const workDir = mkdtempSync(join(tmpdir(), 'pushgate-work-'));
  dirs.push(workDir);
  const api = async (method: string, path: string, body?: unknown, token = admin) => {
    const res = await fetch(`${service.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined, text };
  };
  return {
    service,
    admin,
    logs,
    workDir,
    async startWorker(extra = {}) {
      const worker = await startWorker({ env, handleSignals: false, logDestination: logs, workDir, ...extra });
      running.push(worker);
      return worker;
    },
    api,
    async waitFor(id, states = ['completed', 'failed']) {
      const deadline = Date.now() + 45_000;
      for (;;) {
        const res = await api('GET', `/v1/scans/${id}`);
        if (res.status === 200 && states.includes(res.json.state)) return res.json;
        if (Date.now() > deadline) throw new Error(`scan ${id} still ${JSON.stringify(res.json)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

function repoWithSecrets(seed: string): { repo: GitRepo; secrets: string[] } {
  const secrets = githubTokens(seed, 2);
  const repo = GitRepo.create({ bare: true });
  repos.push(repo);
  repo.commit({ files: { 'app/.env': `GITHUB_TOKEN=${secrets[0]}\n`, 'README.md': 'app\n' }, message: 'add env' });
  repo.commit({ files: { 'app/.env': null }, message: 'remove env' });
  repo.commit({ files: { 'deploy/ci.yml': `token: ${secrets[1]}\n` }, branch: 'ci', message: 'ci' });
  return { repo, secrets };
}

describe('history scans through the queue', () => {
  it('POST /v1/scans -> worker -> findings in the store -> GET /v1/findings shows them redacted', async () => {
    const h = await harness();
    await h.startWorker();
    const { repo, secrets } = repoWithSecrets('scan-queue-e2e');

    const queued = await h.api('POST', '/v1/scans', { repository: repo.path });
    expect(queued.status).toBe(202);
    expect(queued.json).toMatchObject({ queue: HISTORY_SCAN_QUEUE, deduplicated: false });
    expect(queued.json.id).toMatch(/^[0-9a-f-]{36}$/);

    const done = await h.waitFor(queued.json.id);
    expect(done).toMatchObject({
      state: 'completed',
      repository: repo.path,
      source: 'api',
      requestedBy: 'bootstrap',
      progress: { phase: 'done', percent: 100 },
      attemptsMade: 1,
      error: null,
      summary: { repository: repo.path, findings: 2, identifiable: 2, created: 2, locationsAdded: 2, fetch: 'clone', fingerprintsTruncated: false },
    });
    expect(done.progress.blobs).toBeGreaterThanOrEqual(3);
    expect(done.progress.bytes).toBeGreaterThan(0);
    expect(done.summary.blobs).toBe(done.progress.blobs);

    const listed = await h.api('GET', `/v1/findings?repository=${encodeURIComponent(repo.path)}`);
    expect(listed.status).toBe(200);
    expect(listed.json.findings).toHaveLength(2);
    expect(listed.json.findings.map((f: { fingerprint: string }) => f.fingerprint).sort()).toEqual([...done.summary.fingerprints].sort());
    for (const f of listed.json.findings) expect(f.redacted).toMatch(/^ghp_/);
    const detail = await h.api('GET', `/v1/findings/${done.summary.fingerprints[0]}`);
    expect(detail.json.locations[0]).toMatchObject({ repository: repo.path, author: 'Ada Tester' });

    // No secret in anything the API, the job records or the logs hold.
    const jobKeys = await redis.client().keys(`${redis.prefix()}bull:*`);
    expect(jobKeys.length).toBeGreaterThan(0);
    const everything = [listed.text, detail.text, JSON.stringify(done), h.logs.text()];
    for (const key of jobKeys) {
      const type = await redis.client().type(key);
      if (type === 'hash') everything.push(JSON.stringify(await redis.client().hgetall(key)));
    }
    for (const s of secrets) for (const text of everything) expect(text).not.toContain(s);

    // Audited, with the caller.
    const audit = await h.service.context.audit.list();
    expect(audit.find((e) => e.entry.action === 'scan.enqueue')?.entry).toMatchObject({
      actor: { kind: 'token', id: 'bootstrap' },
      target: { type: 'scan', id: queued.json.id },
      data: { repository: repo.path, deduplicated: false },
    });
  });

  it('stores and serves secrets found beyond file contents, each with the kind of place, never in clear', async () => {
    const h = await harness();
    await h.startWorker();
    const [inMessage, inPath, inTag, inRef] = githubTokens('scan-queue-places', 4);
    const repo = GitRepo.create({ bare: true });
    repos.push(repo);
    const c1 = repo.commit({ files: { 'README.md': 'app\n' }, message: `Initial\n\nkey: ${inMessage!}\n` });
    repo.commit({ files: { [`keys/${inPath!}.txt`]: 'not a secret\n' }, message: 'add key file' });
    repo.tag('v1.0', c1, `Release\n\n${inTag!}\n`);
    repo.ref(`refs/heads/feature-${inRef!}`, c1);
    const queued = await h.api('POST', '/v1/scans', { repository: repo.path });
    const done = await h.waitFor(queued.json.id);
    expect(done).toMatchObject({ state: 'completed', summary: { findings: 4, identifiable: 4 } });
    const kinds: Record<string, unknown> = {};
    for (const fp of done.summary.fingerprints as string[]) {
      const detail = await h.api('GET', `/v1/findings/${fp}`);
      expect(detail.status).toBe(200);
      for (const l of detail.json.locations) kinds[l.kind] = l;
    }
    expect(kinds['commit-message']).toMatchObject({ commit: c1, line: 3, path: null });
    expect(kinds['path']).toMatchObject({ path: `keys/${inPath!.slice(0, 8)}***.txt` });
    expect(kinds['tag-message']).toMatchObject({ tagName: 'v1.0', ref: 'refs/tags/v1.0', line: 3 });
    expect(kinds['ref-name']).toMatchObject({ ref: `refs/heads/feature-${inRef!.slice(0, 8)}***` });
    const everything = JSON.stringify(kinds) + h.logs.text() + JSON.stringify(done);
    for (const secret of [inMessage, inPath, inTag, inRef]) expect(everything).not.toContain(secret);
  });

  it('a job run twice, and a rescan of the same history, add no duplicate; the second scan fetches into the mirror', async () => {
    const h = await harness();
    const worker = await h.startWorker();
    const { repo } = repoWithSecrets('scan-queue-twice');
    const first = await h.waitFor((await h.api('POST', '/v1/scans', { repository: repo.path })).json.id);
    expect(first.summary).toMatchObject({ created: 2, locationsAdded: 2, fetch: 'clone' });

    // The very same job again (as after a crash between storing and completing).
    const job = (await h.service.queues.history.getJob(first.id))!;
    await job.retry('completed');
    const again = await h.waitFor(first.id, ['completed']);
    // It still reports what it added (over both runs), and stored nothing twice.
    expect(again.summary).toMatchObject({ findings: 2, created: 2, locationsAdded: 2, fetch: 'fetch' });

    const rescan = await h.waitFor((await h.api('POST', '/v1/scans', { repository: repo.path })).json.id);
    expect(rescan.id).not.toBe(first.id);
    expect(rescan.summary).toMatchObject({ findings: 2, created: 0, locationsAdded: 0, fetch: 'fetch' });
    const stored = await worker.context.findings.list({ repository: repo.path });
    expect(stored.findings).toHaveLength(2);
    expect(stored.findings.map((f) => f.locationCount)).toEqual([1, 1]);
  });

  it('a second POST for a repository already queued returns the same job', async () => {
    const h = await harness();
    const { repo } = repoWithSecrets('scan-queue-dedup');
    const a = await h.api('POST', '/v1/scans', { repository: repo.path });
    const b = await h.api('POST', '/v1/scans', { repository: repo.path });
    expect(b.json).toEqual({ id: a.json.id, queue: HISTORY_SCAN_QUEUE, state: 'waiting', deduplicated: true });
    expect(await h.service.queues.history.getJobCounts('waiting')).toMatchObject({ waiting: 1 });
    await h.startWorker();
    expect((await h.waitFor(a.json.id)).state).toBe('completed');
  });

  it('a permanent failure goes straight to the dead-letter view; it can be retried from there', async () => {
    const h = await harness();
    await h.startWorker({ mirrorMaxIdleMs: 0 });
    const missing = join(h.workDir, 'no-such-repository.git');
    const queued = await h.api('POST', '/v1/scans', { repository: missing });
    const failed = await h.waitFor(queued.json.id);
    expect(failed).toMatchObject({ state: 'failed', attemptsMade: 1, attempts: 5, error: { code: 'REPOSITORY_NOT_FOUND' }, summary: null });

    const dead = await h.api('GET', '/v1/scans/dead');
    expect(dead.status).toBe(200);
    expect(dead.json.total).toBe(1);
    expect(dead.json.jobs).toEqual([expect.objectContaining({ id: queued.json.id, queue: HISTORY_SCAN_QUEUE, state: 'failed', repository: missing })]);
    expect((await h.api('GET', '/v1/scans/dead?queue=push-scan')).json).toEqual({ jobs: [], total: 0 });
    // Work directory cleaned up after the failure.
    expect(readdirSync(join(h.workDir, 'mirrors')).length + (existsSync(join(h.workDir, 'tmp')) ? readdirSync(join(h.workDir, 'tmp')).length : 0)).toBe(0);

    // Create the repository, then send the job back.
    rmSync(missing, { recursive: true, force: true });
    const { repo: withSecrets } = repoWithSecrets('scan-queue-dead');
    withSecrets.git(['clone', '--mirror', '-q', withSecrets.path, missing]);
    const retried = await h.api('POST', `/v1/scans/dead/${HISTORY_SCAN_QUEUE}/${queued.json.id}/retry`, undefined);
    expect(retried.status).toBe(202);
    expect((await h.waitFor(queued.json.id)).summary).toMatchObject({ findings: 2 });
    expect((await h.api('GET', '/v1/scans/dead')).json.total).toBe(0);
    expect((await h.api('POST', `/v1/scans/dead/${HISTORY_SCAN_QUEUE}/${queued.json.id}/retry`)).json.error.code).toBe('SCAN_NOT_FAILED');
  });

  it('refuses what the repository policy does not allow with 403 before a job exists, and says why', async () => {
    const h = await harness();
    const forbidden = [
      '/srv/other.git',
      `${TEST_REPOSITORY_ALLOW}/../srv/other.git`,
      'file:///etc',
      'git://127.0.0.1:9418/acme/app.git',
      'http://127.0.0.1:6379/acme/app.git',
      'http://169.254.169.254/latest/meta-data/',
      'https://169.254.169.254/latest/meta-data/',
      'https://127.0.0.1:6379/acme/app.git',
      'https://0x7f.1/acme/app.git',
      'https://2130706433/acme/app.git',
      'https://[::1]/acme/app.git',
      'https://[::ffff:127.0.0.1]/acme/app.git',
      'ssh://git@10.0.0.1/acme/app.git',
      'git@192.168.1.1:acme/app.git',
      'https://localhost/acme/app.git',
    ];
    for (const repository of forbidden) {
      const res = await h.api('POST', '/v1/scans', { repository });
      expect([repository, res.status, res.json.error.code]).toEqual([repository, 403, 'REPOSITORY_NOT_ALLOWED']);
      expect(res.json.error.message).toMatch(/^repository not allowed: .*PUSHGATE_REPOSITORY_ALLOW|does not resolve/);
    }
    const counts = await h.service.queues.history.getJobCounts();
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(0);
    const audit = await h.service.context.audit.list({ limit: 100 });
    expect(audit.map((e) => e.entry.action)).not.toContain('scan.enqueue');
  });

  it('refuses bad repositories, checks roles, documents the routes, and exports queue depths', async () => {
    const h = await harness();
    const cases: Array<[unknown, number, string]> = [
      [{ repository: 'relative/path' }, 400, 'REPOSITORY_INVALID'],
      [{ repository: 'ext::sh -c id' }, 400, 'REPOSITORY_INVALID'],
      [{ repository: 'https://user:pw@example.com/a.git' }, 400, 'REPOSITORY_INVALID'],
      [{ repository: `/srv/${githubTokens('scan-queue-path', 1)[0]}/repo.git` }, 422, 'REPOSITORY_CONTAINS_SECRET'],
      [{ repository: '/srv/a.git', branch: 'main' }, 400, 'REQUEST_INVALID'],
      [{}, 400, 'REQUEST_INVALID'],
    ];
    for (const [body, status, code] of cases) {
      const res = await h.api('POST', '/v1/scans', body);
      expect([res.status, res.json.error.code]).toEqual([status, code]);
    }
    const readOnly = (await h.service.context.tokens.mint({ role: 'read-only', actor: { kind: 'system', id: 'test' } })).token.reveal();
    expect((await h.api('POST', '/v1/scans', { repository: '/srv/a.git' }, readOnly)).status).toBe(403);
    expect((await h.api('GET', '/v1/scans/dead', undefined, readOnly)).status).toBe(200);
    expect((await h.api('GET', '/v1/scans/no-such-job', undefined, readOnly)).json.error.code).toBe('SCAN_NOT_FOUND');
    expect((await fetch(`${h.service.url}/v1/scans/dead`)).status).toBe(401);

    await h.api('POST', '/v1/scans', { repository: join(TEST_REPOSITORY_ALLOW, 'pushgate-no-such-a.git') });
    await h.api('POST', '/v1/scans', { repository: join(TEST_REPOSITORY_ALLOW, 'pushgate-no-such-b.git') });
    const metrics = await (await fetch(`${h.service.url}/metrics`)).text();
    expect(metrics).toContain('pushgate_queue_jobs{queue="history-scan",state="waiting"} 2');
    expect(metrics).toContain('pushgate_queue_jobs{queue="push-scan",state="failed"} 0');

    const doc = (await (await fetch(`${h.service.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/v1/scans']!)).toEqual(['post']);
    expect(doc.paths['/v1/scans/{id}']).toHaveProperty('get');
    expect(doc.paths['/v1/scans/dead']).toHaveProperty('get');
    expect(doc.paths['/v1/scans/dead/{queue}/{id}/retry']).toHaveProperty('post');
  });
});
