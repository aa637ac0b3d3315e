import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../api/app.js';
import { ScanQueues } from '../queue/scan-queues.js';
import { startWorker, type RunningWorker } from '../worker.js';
import type { FindingStatus } from '../store/findings-store.js';
import { eventually } from '../../test/support/eventually.js';
import { githubTokens } from '../../test/support/findings.js';
import { GitRepo } from '../../test/support/git-repo.js';
import { ProviderStandIn } from '../../test/support/provider-stand-in.js';
import { githubRoutes } from '../../test/support/providers/github.js';
import { useTestRedis } from '../../test/support/redis.js';
import { LogCapture, testEnv } from '../../test/support/service.js';
import type { LivenessChangeEvent } from './outgoing-webhooks.js';

/**
 * The whole liveness path on real Redis, a real git repository, the real
 * worker and API, and the GitHub stand-in: a history scan finds a token, the
 * liveness queue marks it live with its owner, a triage "I revoked it"
 * without revocation leaves it live, the provider revokes it, the scheduled
 * re-checks move it to revoked then closed, and a credential that comes back
 * reopens. Every change goes out as a signed webhook and into the audit log.
 */
const redis = useTestRedis();
const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'pushgate-liveness-'));

interface Delivery {
  readonly signature: string;
  readonly delivery: string;
  readonly body: string;
}

let receiver: Server;
let receiverUrl = '';
const deliveries: Delivery[] = [];
let failNext = 0;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      // The first delivery attempts fail: retries must deliver anyway.
      if (failNext > 0) {
        failNext--;
        res.writeHead(503).end();
        return;
      }
      deliveries.push({ signature: String(req.headers['x-pushgate-signature-256']), delivery: String(req.headers['x-pushgate-delivery']), body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/pushgate`;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((r) => receiver.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('liveness end to end', () => {
  it('scan → live with owner → triage claim changes nothing → provider revokes → closed → comes back → reopened', async () => {
    const [token] = githubTokens('liveness-e2e', 1) as [string];
    const standIn = await ProviderStandIn.start({ routes: githubRoutes, valid: [token] });
    const repo = GitRepo.create({ bare: true });
    repo.commit({ files: { 'deploy/.env': `GITHUB_TOKEN=${token}\n` }, author: { name: 'Jane Committer', email: 'jane@example.com' } });
    failNext = 2;
    const logs = new LogCapture();
    const env = testEnv(redis, {
      PUSHGATE_LIVENESS_BASE_URLS: `github=${standIn.url}`,
      PUSHGATE_LIVENESS_RECHECK_LIVE: '300ms',
      PUSHGATE_LIVENESS_CONFIRM_REVOKED: '200ms',
      PUSHGATE_LIVENESS_CACHE: '0',
      PUSHGATE_LIVENESS_TIMEOUT: '2s',
      PUSHGATE_LIVENESS_WEBHOOK_URLS: receiverUrl,
      PUSHGATE_LIVENESS_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
    let worker: RunningWorker | undefined;
    const queues = new ScanQueues({ connection: redis.client(), redisPrefix: redis.prefix() });
    try {
      worker = await startWorker({ env, handleSignals: false, logDestination: logs, workDir: join(dir, 'work'), webhookBackoffMs: 50 });
      const { findings, audit, tokens } = worker.context;
      const api = await buildApi({ ...worker.context, liveness: worker.liveness.tracker });
      const triage = (await tokens.mint({ role: 'triage', label: 'triage', actor: { kind: 'system', id: 'test' } })).token.reveal();

      await queues.enqueueHistoryScan({ repository: repo.path });
      const page = await eventually('the finding', () => findings.list({ provider: 'GitHub' }), (p) => p.findings.length === 1);
      const fp = page.findings[0]!.fingerprint;
      const status = (): Promise<FindingStatus | undefined> => findings.get(fp, { locationLimit: 0 }).then((f) => f?.status);

      // Live, with the provider's owner and the committer.
      await eventually('live', status, (s) => s === 'live');
      const owner = await worker.liveness.tracker.owner(fp);
      expect(owner?.provider).toMatchObject({ user: 'octocat' });
      expect(owner?.committer).toMatchObject({ name: 'Jane Committer', email: 'jane@example.com' });
      expect(owner?.display).toBe('octocat (GitHub) · committed by Jane Committer <jane@example.com>');
      // What it can reach, from its scopes (`repo, read:org`): kept on the finding, the check and the API's answer.
      const reach = { level: 'write', resources: ['octocat', 'octo-org'], summary: 'write · octocat, octo-org' };
      expect((await findings.get(fp, { locationLimit: 0 }))?.reach).toEqual(reach);
      expect((await worker.liveness.tracker.history(fp))[0]?.reach).toEqual(reach);
      const shown = await api.inject({ method: 'GET', url: `/v1/findings/${fp}`, headers: { authorization: `Bearer ${triage}` } });
      expect(shown.json().reach).toEqual(reach);

      // "I revoked it" without revoking: an immediate check, which still says live.
      const claim = await api.inject({
        method: 'POST',
        url: `/v1/findings/${fp}/recheck`,
        headers: { authorization: `Bearer ${triage}`, 'content-type': 'application/json' },
        payload: { note: 'rotated it, please close' },
      });
      expect(claim.statusCode, claim.body).toBe(202);
      await eventually('the triage check', () => worker!.liveness.tracker.history(fp), (h) => h.some((r) => r.trigger === 'triage'));
      expect(await status()).toBe('live');

      // The provider revokes it: scheduled re-checks find revoked, then confirm and close.
      standIn.revoke(token);
      await eventually('closed', status, (s) => s === 'closed');
      const history = await worker.liveness.tracker.history(fp);
      const transitions = history
        .filter((r) => r.statusBefore !== r.statusAfter)
        .map((r) => `${r.statusBefore}->${r.statusAfter}`)
        .reverse();
      expect(transitions).toEqual(['open->live', 'live->revoked', 'revoked->closed']);
      expect(await worker.liveness.tracker.nextCheck(fp)).toBeNull();

      // The read API shows the same.
      const read = await api.inject({ method: 'GET', url: `/v1/findings/${fp}/liveness`, headers: { authorization: `Bearer ${triage}` } });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ status: 'closed', nextCheckAt: null, owner: { display: expect.stringContaining('octocat') } });
      // Revoked answers keep the reach the secret had (what the leak could have done).
      expect((await findings.get(fp, { locationLimit: 0 }))?.reach).toEqual(reach);

      // It comes back (say, the revocation was undone): a re-check reopens it.
      standIn.accept(token);
      await worker.liveness.tracker.requestRecheck(fp, { kind: 'cli', id: 'test' });
      await eventually('reopened', status, (s) => s === 'live');

      // Audit: every verdict, every status change, the triage request.
      const entries = (await audit.listForTarget('finding', fp)).map((e) => e.entry);
      expect(entries.filter((e) => e.action === 'finding.status').map((e) => `${e.data?.from}->${e.data?.to}`)).toEqual(
        expect.arrayContaining(['open->live', 'live->revoked', 'revoked->closed', 'closed->live']),
      );
      expect(entries.some((e) => e.action === 'finding.recheck-request' && e.data?.note === 'rotated it, please close')).toBe(true);
      expect(entries.filter((e) => e.action === 'liveness.verdict').length).toBeGreaterThanOrEqual(4);
      expect((await audit.verify()).ok).toBe(true);

      // Webhooks: one signed delivery per change, in spite of the failed first attempts.
      const events = await eventually('webhooks', async () => deliveries.map((d) => d), (d) => d.length >= 4);
      for (const d of events) {
        expect(d.signature).toBe(`sha256=${createHmac('sha256', WEBHOOK_SECRET).update(d.body).digest('hex')}`);
        expect(d.body).not.toContain(token);
      }
      const changes = events.map((d) => JSON.parse(d.body) as LivenessChangeEvent).map((e) => `${e.previousStatus}->${e.status}${e.reopened ? ' (reopened)' : ''}`);
      expect(changes).toEqual(expect.arrayContaining(['open->live', 'live->revoked', 'revoked->closed', 'closed->live (reopened)']));

      // The provider was only read, always with the token, and the token appears in no log line.
      expect(standIn.requests.every((r) => r.method === 'GET' && r.headers.authorization === `Bearer ${token}`)).toBe(true);
      expect(logs.text()).not.toContain(token);
      await api.close();
    } finally {
      await worker?.close();
      await queues.close();
      await standIn.close();
      repo.dispose();
    }
  });
});
