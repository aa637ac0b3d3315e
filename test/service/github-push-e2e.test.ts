import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubWorkerOptions } from '../../services/github/github-app.js';
import { STATUS_CONTEXT } from '../../services/github/status-reporter.js';
import { PUSH_SCAN_QUEUE } from '../../services/queue/jobs.js';
import { startService, type RunningService } from '../../services/serve.js';
import { startWorker, type RunningWorker } from '../../services/worker.js';
import { startFakeGithub, type FakeGithub } from '../support/fake-github.js';
import { githubTokens } from '../support/findings.js';
import { GitRepo } from '../support/git-repo.js';
import { delivery, webhookExample } from '../support/github-webhooks.js';
import { useTestRedis } from '../support/redis.js';
import { LogCapture, testEnv } from '../support/service.js';

/**
 * The whole GitHub path with real parts only: a signed push webhook (a payload
 * recorded from GitHub, pointed at a real local repository) to `pushgate serve`,
 * a push-scan job on Redis, a real `pushgate worker` that fetches the push and
 * scans it, findings in the store, and a commit status on the GitHub stand-in,
 * which checks every call against GitHub's OpenAPI description.
 */
const redis = useTestRedis();
const INSTALLATION = 4242;

let github: FakeGithub;
let workDir: string;
beforeAll(async () => {
  github = await startFakeGithub({ installations: [{ id: INSTALLATION, repositories: ['acme/widgets'] }] });
  workDir = mkdtempSync(join(tmpdir(), 'pushgate-e2e-work-'));
});
afterAll(async () => {
  await github.close();
  rmSync(workDir, { recursive: true, force: true });
});

function pushOf(repo: GitRepo, before: string, after: string): Record<string, unknown> {
  const payload = webhookExample('push', (p) => p['ref'] === 'refs/heads/master' && p['installation'] !== undefined);
  Object.assign(payload['repository'] as object, { clone_url: `file://${repo.path}`, full_name: 'acme/widgets', name: 'widgets' });
  Object.assign(payload, { ref: 'refs/heads/main', before, after, created: false, installation: { id: INSTALLATION, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI0Mg==' } });
  const commits = payload['commits'] as Array<Record<string, unknown>>;
  commits.splice(1);
  commits[0]!['id'] = after;
  (payload['head_commit'] as Record<string, unknown>)['id'] = after;
  return payload;
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('GitHub push -> push scan -> findings -> commit status', () => {
  it('reports a pushed secret as a failure status on the pushed head, and a clean push as success', async () => {
    const secret = randomBytes(20).toString('hex');
    const env = testEnv(redis, {
      PUSHGATE_PORT: '0',
      PUSHGATE_WORKER_CONCURRENCY: '2',
      GITHUB_WEBHOOK_SECRET: secret,
      GITHUB_APP_ID: github.appId,
      GITHUB_APP_PRIVATE_KEY: github.privateKeyPem,
      GITHUB_API_URL: github.url,
    });
    const logs = new LogCapture();
    const repo = GitRepo.create({ bare: true });
    const [token] = githubTokens('github-push-e2e', 1);
    const base = repo.commit({ files: { 'README.md': 'widgets\n' } });
    const leaky = repo.commit({ files: { 'config/prod.env': `APP=widgets\nGITHUB_TOKEN=${token}\n` }, message: 'add prod config' });

    let service: RunningService | undefined;
    let worker: RunningWorker | undefined;
    try {
      service = await startService({ env, handleSignals: false, logDestination: logs });
      worker = await startWorker({ env, handleSignals: false, logDestination: logs, workDir, mirrorMaxIdleMs: 0, ...githubWorkerOptions });

      const post = async (payload: unknown): Promise<Response> => {
        const d = delivery('push', payload, secret, randomUUID());
        return fetch(`${service!.url}/webhooks/github`, { method: 'POST', headers: d.headers, body: d.body });
      };
      const res = await post(pushOf(repo, base, leaky));
      expect(res.status).toBe(202);
      const [job] = ((await res.json()) as { scans: Array<{ queue: string; id: string }> }).scans;
      expect(job!.queue).toBe(PUSH_SCAN_QUEUE);

      const status = await until('the commit status', async () => {
        const failed = await service!.queues.push.getJob(job!.id);
        if (failed && (await failed.getState()) === 'failed') throw new Error(`push scan failed: ${failed.failedReason}`);
        return github.statuses.find((s) => s.sha === leaky);
      });
      expect(status).toMatchObject({ repository: 'acme/widgets', state: 'failure', context: STATUS_CONTEXT, installationId: INSTALLATION });
      expect(status.description).toMatch(/^1 secret found: ghp_\w{1,8}\*\*\* in config\/prod\.env:2$/);

      // The finding is in the store, under the repository's GitHub name, at the pushed commit.
      const page = await service.context.findings.list({ repository: 'acme/widgets' });
      expect(page.findings.map((f) => f.detector)).toEqual(['github-pat-classic']);
      const detail = await service.context.findings.get(page.findings[0]!.fingerprint);
      expect(detail!.locations).toEqual([expect.objectContaining({ repository: 'acme/widgets', commit: leaky, path: 'config/prod.env', line: 2 })]);

      // A clean follow-up push: success.
      const clean = repo.commit({ files: { 'config/prod.env': 'APP=widgets\n' }, message: 'remove the token' });
      expect((await post(pushOf(repo, leaky, clean))).status).toBe(202);
      const cleanStatus = await until('the second commit status', () => github.statuses.find((s) => s.sha === clean));
      expect(cleanStatus).toMatchObject({ state: 'success', description: 'No secrets found in this push' });

      // One installation token served both reports; every call matched GitHub's description.
      expect(github.callsOf('apps/create-installation-access-token').filter((c) => c.params['installation_id'] === INSTALLATION)).toHaveLength(1);
      expect(github.violations).toEqual([]);
      const everything = logs.text() + JSON.stringify(github.calls);
      expect(everything).not.toContain(token);
      for (const t of github.issuedTokens()) expect(logs.text()).not.toContain(t);
    } finally {
      await worker?.close();
      await service?.close();
      repo.dispose();
    }
  });
});
