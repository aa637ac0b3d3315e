import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildApi } from '../../services/api/app.js';
import { loadConfig, type ServiceConfig } from '../../services/config/config.js';
import { createServiceContext, type ServiceContext } from '../../services/context.js';
import { HISTORY_SCAN_QUEUE, PUSH_SCAN_QUEUE, type HistoryScanJobData, type PushScanJobData } from '../../services/queue/jobs.js';
import { ScanQueues } from '../../services/queue/scan-queues.js';
import { githubWebhookPluginFor, type ScanEnqueuer } from '../../services/webhooks/github-webhook-plugin.js';
import { GitRepo } from '../support/git-repo.js';
import { delivery, webhookExample, type Delivery } from '../support/github-webhooks.js';
import { useTestRedis } from '../support/redis.js';
import { LogCapture, testEnv } from '../support/service.js';

const redis = useTestRedis();

interface Running {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly context: ServiceContext;
  readonly config: ServiceConfig;
  readonly queues: ScanQueues;
  readonly logs: LogCapture;
  readonly secret: string;
  readonly previousSecret: string;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The real API with the webhook plugin over a real Redis, listening on loopback. */
async function start(options: { scans?: (queues: ScanQueues) => ScanEnqueuer; deadlineMs?: number } = {}): Promise<Running> {
  const secret = randomBytes(20).toString('hex');
  const previousSecret = randomBytes(20).toString('hex');
  const config = loadConfig(testEnv(redis, { GITHUB_WEBHOOK_SECRET: secret, GITHUB_WEBHOOK_SECRET_PREVIOUS: previousSecret }));
  const logs = new LogCapture();
  const context = createServiceContext(config, { redis: redis.client(), defaultMetrics: false, logDestination: logs });
  const queues = new ScanQueues({ connection: context.redis, redisPrefix: config.redisPrefix });
  const scans = options.scans ? options.scans(queues) : queues;
  const plugin = githubWebhookPluginFor(context, scans, options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {});
  const app = await buildApi(context, { plugins: [plugin!] });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  cleanups.push(async () => {
    await app.close();
    await queues.close();
  });
  return { url, app, context, config, queues, logs, secret, previousSecret };
}

async function post(running: Running, d: Delivery): Promise<{ status: number; body: Record<string, unknown>; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(`${running.url}/webhooks/github`, { method: 'POST', headers: d.headers, body: d.body });
  const body = (await res.json()) as Record<string, unknown>;
  return { status: res.status, body, ms: performance.now() - t0 };
}

function errorCode(body: Record<string, unknown>): string | undefined {
  return (body['error'] as { code?: string } | undefined)?.code;
}

let repository: GitRepo | undefined;
afterAll(() => repository?.dispose());

/** One bare repository for the file; each push payload adds a commit to it. */
function sharedRepo(): GitRepo {
  if (!repository) {
    repository = GitRepo.create({ bare: true });
    repository.commit({ files: { 'README.md': 'hello\n' } });
  }
  return repository;
}

/** A recorded push payload, pointed at a real local repository and a real new commit on it. */
function pushPayload(marker = 'x'): { payload: Record<string, unknown>; repo: GitRepo; expected: Omit<PushScanJobData, 'deliveryId'> } {
  const repo = sharedRepo();
  const base = repo.tip('main')!;
  const head = repo.commit({ files: { 'app.env': `NOTE=${marker}\n` }, message: `add config ${marker}` });
  const payload = webhookExample('push', (p) => p['ref'] === 'refs/heads/master' && (p['commits'] as unknown[]).length > 0);
  const repository = payload['repository'] as Record<string, unknown>;
  repository['clone_url'] = `file://${repo.path}`;
  repository['full_name'] = 'acme/widgets';
  payload['ref'] = 'refs/heads/main';
  payload['before'] = base;
  payload['after'] = head;
  payload['created'] = false;
  const commits = payload['commits'] as Array<Record<string, unknown>>;
  commits[0]!['id'] = head;
  commits[0]!['message'] = `add config ${marker}`;
  (payload['head_commit'] as Record<string, unknown>)['id'] = head;
  (payload['head_commit'] as Record<string, unknown>)['message'] = `add config ${marker}`;
  const installationId = (payload['installation'] as { id: number }).id;
  return {
    payload,
    repo,
    expected: { repository: `file://${repo.path}`, fullName: 'acme/widgets', ref: 'refs/heads/main', before: base, after: head, commits: [head], installationId },
  };
}

async function jobsIn(queues: ScanQueues, queue: typeof PUSH_SCAN_QUEUE | typeof HISTORY_SCAN_QUEUE): Promise<Array<{ id: string; data: unknown }>> {
  const q = queue === PUSH_SCAN_QUEUE ? queues.push : queues.history;
  const jobs = await q.getJobs(['waiting', 'active', 'delayed', 'completed', 'failed']);
  return jobs.map((j) => ({ id: j.id!, data: j.data }));
}

describe('POST /webhooks/github', () => {
  it('queues a push scan of the pushed range for a signed push, quickly', async () => {
    const running = await start();
    const { payload, expected } = pushPayload();
    const id = randomUUID();
    const res = await post(running, delivery('push', payload, running.secret, id));
    expect(res.status).toBe(202);
    expect(res.ms).toBeLessThan(2000);
    expect(res.body).toMatchObject({ status: 'accepted', event: 'push', deliveryId: id, scans: [{ queue: PUSH_SCAN_QUEUE, deduplicated: false }] });
    const jobs = await jobsIn(running.queues, PUSH_SCAN_QUEUE);
    expect(jobs).toEqual([{ id: (res.body['scans'] as Array<{ id: string }>)[0]!.id, data: { ...expected, deliveryId: id } }]);
    expect(await jobsIn(running.queues, HISTORY_SCAN_QUEUE)).toEqual([]);
  });

  it('refuses a forged delivery with 401 and logs it without the body', async () => {
    const running = await start();
    const marker = `marker${randomBytes(6).toString('hex')}`;
    const { payload } = pushPayload(marker);
    const d = delivery('push', payload, 'not-the-secret');
    const res = await post(running, d);
    expect(res.status).toBe(401);
    expect(errorCode(res.body)).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect(await jobsIn(running.queues, PUSH_SCAN_QUEUE)).toEqual([]);
    const refused = running.logs.lines().filter((l) => l['msg'] === 'GitHub webhook delivery refused');
    expect(refused).toEqual([expect.objectContaining({ outcome: 'forged', code: 'WEBHOOK_SIGNATURE_INVALID', event: 'push', deliveryId: d.headers['x-github-delivery'] })]);
    expect(running.logs.text()).not.toContain(marker);
    expect(running.logs.text()).not.toContain(d.headers['x-hub-signature-256']!.slice(7));
    expect(running.logs.text()).not.toContain(running.secret);
  });

  it('refuses an unsigned delivery with 401', async () => {
    const running = await start();
    const res = await post(running, delivery('push', pushPayload().payload, undefined));
    expect(res.status).toBe(401);
    expect(errorCode(res.body)).toBe('WEBHOOK_SIGNATURE_MISSING');
    expect(await jobsIn(running.queues, PUSH_SCAN_QUEUE)).toEqual([]);
    expect(running.logs.lines().some((l) => l['outcome'] === 'unsigned')).toBe(true);
  });

  it('accepts a delivery signed with the previous secret while the rotation is under way', async () => {
    const running = await start();
    const res = await post(running, delivery('push', pushPayload().payload, running.previousSecret));
    expect(res.status).toBe(202);
    expect(await jobsIn(running.queues, PUSH_SCAN_QUEUE)).toHaveLength(1);
    expect(running.logs.text()).toContain('signed with GITHUB_WEBHOOK_SECRET_PREVIOUS');
  });

  it('queues a duplicate delivery once, also when copies arrive at the same time', async () => {
    const running = await start();
    const { payload } = pushPayload();
    const d = delivery('push', payload, running.secret);
    expect((await post(running, d)).status).toBe(202);
    const again = await post(running, d);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'duplicate', scans: [] });
    // The claim outlives GitHub's redelivery window (3 days; 7 on Enterprise Server).
    const ttl = await redis.client().ttl(`${running.config.redisPrefix}webhook:github:delivery:${d.headers['x-github-delivery']}`);
    expect(ttl).toBeGreaterThan(7 * 24 * 3600);

    // Eight copies of another delivery at once: one is accepted, seven are duplicates.
    const other = pushPayload('second');
    const d2 = delivery('push', other.payload, running.secret);
    const results = await Promise.all(Array.from({ length: 8 }, () => post(running, d2)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 202]);
    expect(await jobsIn(running.queues, PUSH_SCAN_QUEUE)).toHaveLength(2);

    // The same push under a new delivery id (a second webhook on the repository) is not scanned twice either.
    const resent = await post(running, delivery('push', payload, running.secret));
    expect(resent.status).toBe(202);
    expect(resent.body).toMatchObject({ scans: [{ deduplicated: true }] });
    expect(await jobsIn(running.queues, PUSH_SCAN_QUEUE)).toHaveLength(2);
  });

  it('answers 400 to malformed JSON with a valid signature, and queues nothing', async () => {
    const running = await start();
    const res = await post(running, delivery('push', '{"ref": "refs/heads/main",', running.secret));
    expect(res.status).toBe(400);
    expect(errorCode(res.body)).toBe('WEBHOOK_PAYLOAD_MALFORMED');
    const notAnEvent = await post(running, delivery('push', '{"zen": "Keep it logically awesome."}', running.secret));
    expect(notAnEvent.status).toBe(400);
    expect(errorCode(notAnEvent.body)).toBe('WEBHOOK_PAYLOAD_MALFORMED');
    expect(await jobsIn(running.queues, PUSH_SCAN_QUEUE)).toEqual([]);
  });

  it('checks content type and headers before the signature', async () => {
    const running = await start();
    const d = delivery('push', pushPayload().payload, running.secret);
    const form = await post(running, { ...d, headers: { ...d.headers, 'content-type': 'application/x-www-form-urlencoded' } });
    expect([form.status, errorCode(form.body)]).toEqual([415, 'WEBHOOK_CONTENT_TYPE_UNSUPPORTED']);
    const { 'x-github-delivery': _, ...noDelivery } = d.headers;
    const missing = await post(running, { ...d, headers: noDelivery });
    expect([missing.status, errorCode(missing.body)]).toEqual([400, 'WEBHOOK_HEADERS_MISSING']);
    const get = await fetch(`${running.url}/webhooks/github`);
    expect(get.status).toBe(404);
    expect(await jobsIn(running.queues, PUSH_SCAN_QUEUE)).toEqual([]);
  });

  it('refuses a body over the 25 MB payload cap of GitHub with 413', async () => {
    const running = await start();
    const d = delivery('push', `{"pad":"${'x'.repeat(26 * 1024 * 1024)}"}`, running.secret);
    const res = await post(running, d);
    expect([res.status, errorCode(res.body)]).toEqual([413, 'WEBHOOK_BODY_TOO_LARGE']);
    expect(running.logs.lines().some((l) => l['outcome'] === 'too-large')).toBe(true);
  });

  it('answers ping with 200 and a deleted ref with 200 and no scan', async () => {
    const running = await start();
    const ping = await post(running, delivery('ping', webhookExample('ping'), running.secret));
    expect(ping.status).toBe(200);
    expect(ping.body).toMatchObject({ status: 'pong', scans: [] });
    const deleted = webhookExample('push', (p) => p['deleted'] === true);
    const res = await post(running, delivery('push', deleted, running.secret));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ignored', scans: [] });
    expect(await jobsIn(running.queues, PUSH_SCAN_QUEUE)).toEqual([]);
  });

  it('queues a history scan for a created repository and for each repository an installation brings', async () => {
    const running = await start();
    const created = webhookExample('repository', (p) => p['action'] === 'created' && p['installation'] !== undefined);
    const r1 = await post(running, delivery('repository', created, running.secret));
    expect(r1.status).toBe(202);

    const installation = webhookExample<Record<string, unknown>>('installation', (p) => p['action'] === 'created');
    (installation as { repositories: unknown[] }).repositories.push({ id: 2, node_id: 'MDEwOlJlcG9zaXRvcnky', name: 'Second', full_name: 'Codertocat/Second', private: true });
    const r2 = await post(running, delivery('installation', installation, running.secret));
    expect(r2.status).toBe(202);
    expect(r2.body['scans']).toHaveLength(2);

    const added = webhookExample('installation_repositories', (p) => p['action'] === 'added');
    const r3 = await post(running, delivery('installation_repositories', added, running.secret));
    expect(r3.status).toBe(202);

    // Other actions of these events need no scan.
    const deleted = webhookExample('installation', (p) => p['action'] === 'deleted');
    expect((await post(running, delivery('installation', deleted, running.secret))).body).toMatchObject({ status: 'ignored' });

    const jobs = (await jobsIn(running.queues, HISTORY_SCAN_QUEUE)).map((j) => j.data as HistoryScanJobData);
    const installationId = (installation['installation'] as { id: number }).id;
    expect(jobs.map((j) => j.repository).sort()).toEqual([
      'https://github.com/Codertocat/Hello-World.git',
      'https://github.com/Codertocat/Second.git',
      'https://github.com/Codertocat/Space.git',
      'https://github.com/Octocoders/Hello-World.git',
    ]);
    expect(jobs.every((j) => j.source === 'webhook' && j.requestedBy?.startsWith('github-delivery:'))).toBe(true);
    expect(jobs.find((j) => j.repository.endsWith('/Second.git'))).toMatchObject({ installationId });
    // History scans started by GitHub are in the audit log.
    const audit = await running.context.audit.list({ limit: 10 });
    expect(audit.filter((e) => e.entry.action === 'scan.enqueue' && e.entry.actor.id === 'github-webhook')).toHaveLength(4);
  });

  it('answers 503 and forgets the delivery when the scans cannot be queued, so a redelivery goes through', async () => {
    let failing = true;
    const running = await start({
      deadlineMs: 300,
      scans: (queues) => ({
        enqueuePushScan: (data) => (failing ? new Promise(() => {}) : queues.enqueuePushScan(data)),
        enqueueHistoryScan: (data) => queues.enqueueHistoryScan(data),
      }),
    });
    const d = delivery('push', pushPayload().payload, running.secret);
    const stuck = await post(running, d);
    expect([stuck.status, errorCode(stuck.body)]).toEqual([503, 'WEBHOOK_ENQUEUE_FAILED']);
    expect(stuck.ms).toBeLessThan(2000);
    failing = false;
    const redelivered = await post(running, d);
    expect(redelivered.status).toBe(202);
    expect(await jobsIn(running.queues, PUSH_SCAN_QUEUE)).toHaveLength(1);
  });

  it('counts deliveries by event and outcome in /metrics and documents the route', async () => {
    const running = await start();
    await post(running, delivery('push', pushPayload().payload, running.secret));
    await post(running, delivery('push', pushPayload().payload, 'wrong'));
    await post(running, delivery('nonsense_event', '{}', 'wrong'));
    const text = await (await fetch(`${running.url}/metrics`)).text();
    expect(text).toContain('pushgate_webhook_deliveries_total{event="push",outcome="accepted"} 1');
    expect(text).toContain('pushgate_webhook_deliveries_total{event="push",outcome="forged"} 1');
    expect(text).toContain('pushgate_webhook_deliveries_total{event="other",outcome="forged"} 1');
    expect(text).toContain('pushgate_webhook_scans_queued_total{queue="push-scan"} 1');
    const openapi = (await (await fetch(`${running.url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toContain('/webhooks/github');
  });
});
