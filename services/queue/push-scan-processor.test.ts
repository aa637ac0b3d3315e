import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { KeyRing } from '../crypto/secret-box.js';
import { FindingsStore } from '../store/findings-store.js';
import { githubTokens, TEST_FINGERPRINTS, testEngine } from '../../test/support/findings.js';
import { GitRepo } from '../../test/support/git-repo.js';
import { localRepositoryPolicy } from '../../test/support/repository-policy.js';
import { useTestRedis } from '../../test/support/redis.js';
import type { PushScanJobData, PushScanReporter, PushScanSummary } from './jobs.js';
import { MirrorCache } from './mirror-cache.js';
import type { PushScanProcessorDeps, PushScanResult } from './push-scan-processor.js';
import { ScanQueues, type ScanJobView } from './scan-queues.js';
import { ScanWorkers } from './scan-workers.js';

const redis = useTestRedis();
const ZERO = '0'.repeat(40);
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});
const repos: GitRepo[] = [];
afterAll(() => repos.forEach((r) => r.dispose()));

class RecordingReporter implements PushScanReporter {
  readonly calls: Array<{ job: PushScanJobData; summary: PushScanSummary }> = [];
  failuresLeft = 0;
  async report(job: PushScanJobData, summary: PushScanSummary): Promise<void> {
    this.calls.push({ job, summary });
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw Object.assign(new Error('status API answered 502'), { code: 'GITHUB_UNAVAILABLE' });
    }
  }
}

/** A store, the scan queues and workers for `queue` with the given extra deps, all cleaned up after the test. */
function startWorkers(queue: 'push-scan' | 'history-scan', deps: Partial<PushScanProcessorDeps> = {}): { queues: ScanQueues; store: FindingsStore } {
  const store = new FindingsStore({ redis: redis.client(), prefix: redis.prefix(), keyRing: new KeyRing([randomBytes(32)]) });
  const queues = new ScanQueues({ connection: redis.client(), redisPrefix: redis.prefix(), backoffMs: 50, attempts: 3 });
  const workDir = mkdtempSync(join(tmpdir(), `pushgate-${queue}-work-`));
  const workers = ScanWorkers.start({
    redisUrl: redis.url(),
    redisPrefix: redis.prefix(),
    concurrency: 1,
    logger: pino({ level: 'silent' }),
    queues: [queue],
    deps: { findings: store, engine: testEngine(), fingerprints: TEST_FINGERPRINTS, mirrors: new MirrorCache({ root: workDir, policy: localRepositoryPolicy() }), ...deps },
  });
  cleanup.push(
    () => workers.close(1000),
    () => queues.close(),
    () => rmSync(workDir, { recursive: true, force: true }),
  );
  return { queues, store };
}

/** Polls the job until it completed or failed. */
async function finished(queues: ScanQueues, queue: 'push-scan' | 'history-scan', id: string): Promise<ScanJobView> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const view = (await queues.view(queue, id))!;
    if (view.state === 'completed' || view.state === 'failed') return view;
    if (Date.now() > deadline) throw new Error(`${queue} job still ${view.state}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

function setup(): { queues: ScanQueues; store: FindingsStore; reporter: RecordingReporter; run(data: PushScanJobData): Promise<ScanJobView> } {
  const reporter = new RecordingReporter();
  const { queues, store } = startWorkers('push-scan', { reporters: [reporter] });
  const run = async (data: PushScanJobData): Promise<ScanJobView> => finished(queues, 'push-scan', (await queues.enqueuePushScan(data)).id);
  return { queues, store, reporter, run };
}

function origin(): GitRepo {
  const repo = GitRepo.create({ bare: true });
  repos.push(repo);
  return repo;
}

describe('push-scan jobs', () => {
  it('scan what each push introduced, like the hook, store it under the full name and report it', async () => {
    const { store, reporter, run } = setup();
    const [a, b, c, d] = githubTokens('push-scan', 4);
    const repo = origin();
    const push = (ref: string, before: string, after: string): PushScanJobData => ({ repository: repo.path, fullName: 'acme/app', ref, before, after, installationId: 7, deliveryId: 'd1' });

    // A new repository: its first push.
    const c1 = repo.commit({ files: { 'app/.env': `TOKEN=${a}\n` }, message: 'first' });
    const first = await run(push('refs/heads/main', ZERO, c1));
    expect(first).toMatchObject({ state: 'completed', queue: 'push-scan', repository: 'acme/app', ref: 'refs/heads/main', after: c1 });
    expect(first.summary).toMatchObject({ findings: 1, identifiable: 1, created: 1, reported: 1 });
    expect(reporter.calls[0]!.summary.redacted).toEqual([{ detector: 'github-pat-classic', title: expect.any(String), redacted: expect.stringMatching(/^ghp_/), kind: 'blob', path: 'app/.env', line: 1, commit: c1 }]);
    expect(reporter.calls[0]!.job).toMatchObject({ fullName: 'acme/app', installationId: 7 });

    // main moves on: only the new commits count (the old secret is still in the tree, it is not new).
    const c2 = repo.commit({ files: { 'b.txt': `${b}\n` }, message: 'add b' });
    const c3 = repo.commit({ files: { 'b.txt': 'gone\n' }, message: 'remove b again' });
    const second = await run(push('refs/heads/main', c1, c3));
    expect(second.summary).toMatchObject({ findings: 1, created: 1 });
    expect(reporter.calls[1]!.summary.redacted[0]).toMatchObject({ path: 'b.txt', commit: c2 });

    // A new branch from main: only what no other ref has.
    const c4 = repo.commit({ files: { 'c.txt': `${c}\n` }, branch: 'feature', parents: [c3] });
    const third = await run(push('refs/heads/feature', ZERO, c4));
    expect((third.summary as PushScanResult).revisions).toEqual([c4, '--not', '--exclude=refs/heads/feature', '--glob=refs/*']);
    expect(reporter.calls[2]!.summary).toMatchObject({ findings: 1, fingerprints: [expect.stringMatching(/^[0-9a-f]{32}$/)] });
    expect(reporter.calls[2]!.summary.redacted[0]).toMatchObject({ path: 'c.txt', commit: c4 });

    // A force push: what the rewritten branch brings that its old tip did not.
    const c5 = repo.commit({ files: { 'd.txt': `${d}\n` }, branch: 'feature', parents: [c3] });
    const fourth = await run(push('refs/heads/feature', c4, c5));
    expect(fourth.summary).toMatchObject({ findings: 1, created: 1 });

    // A deleted branch: nothing to scan or report.
    repo.deleteRef('refs/heads/feature');
    const deleted = await run(push('refs/heads/feature', c5, ZERO));
    expect(deleted.summary).toMatchObject({ findings: 0, reported: 0 });
    expect(reporter.calls).toHaveLength(4);

    const stored = await store.list({ repository: 'acme/app' });
    expect(stored.findings).toHaveLength(4);
  });

  it('a failing reporter makes the job retry with backoff; the retry adds no duplicate', async () => {
    const { store, reporter, run } = setup();
    const [a] = githubTokens('push-retry', 1);
    const repo = origin();
    const c1 = repo.commit({ files: { '.env': `TOKEN=${a}\n` } });
    reporter.failuresLeft = 2;
    const started = Date.now();
    const view = await run({ repository: repo.path, fullName: 'acme/retry', ref: 'refs/heads/main', before: ZERO, after: c1 });
    // The first attempt stored the finding; the summary of the attempt that completed still counts it (added by this job).
    expect(view).toMatchObject({ state: 'completed', attemptsMade: 3, summary: { findings: 1, created: 1, locationsAdded: 1 } });
    // Backoff 50 ms, then 100 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(reporter.calls).toHaveLength(3);
    const finding = await store.get(reporter.calls[0]!.summary.fingerprints[0]!);
    expect(finding).toMatchObject({ locationCount: 1 });
  });

  it('a push whose commit is gone fails for good; invalid jobs too; a duplicate delivery is one job', async () => {
    const { queues, reporter, run } = setup();
    const repo = origin();
    const c1 = repo.commit({ files: { 'a.txt': 'a\n' } });
    const gone = await run({ repository: repo.path, ref: 'refs/heads/main', before: c1, after: 'f'.repeat(40) });
    expect(gone).toMatchObject({ state: 'failed', attemptsMade: 1, error: { code: 'COMMIT_NOT_FOUND' } });
    const invalid = await run({ repository: repo.path, ref: 'main', before: ZERO, after: c1 });
    expect(invalid).toMatchObject({ state: 'failed', attemptsMade: 1, error: { code: 'PUSH_INVALID' } });
    expect(reporter.calls).toHaveLength(0);
    expect((await queues.deadLetters({ queue: 'push-scan' })).total).toBe(2);

    const data = { repository: repo.path, ref: 'refs/heads/main', before: ZERO, after: c1 };
    const done = await run(data);
    expect(done.state).toBe('completed');
    expect(await queues.enqueuePushScan(data)).toEqual({ id: done.id, deduplicated: true });
  });
});

describe('history-scan jobs that run twice', () => {
  it('report what the job added over all its attempts, not what the last attempt found new', async () => {
    let crashesLeft = 1;
    const { queues } = startWorkers('history-scan', {
      // Fails right after the findings were stored, as a worker crash or a Redis outage at that point would.
      onStored: async () => {
        if (crashesLeft-- > 0) throw new Error('lost the connection after storing');
      },
    });
    const repo = origin();
    const [a, b] = githubTokens('history-twice', 2);
    repo.commit({ files: { 'a.env': `T=${a}\n` } });
    repo.commit({ files: { 'b.env': `T=${b}\n`, 'a2.env': `T=${a}\n` } });
    let view = await finished(queues, 'history-scan', (await queues.enqueueHistoryScan({ repository: repo.path })).id);
    expect(view).toMatchObject({ state: 'completed', attemptsMade: 2, summary: { findings: 2, created: 2, locationsAdded: 3 } });

    // Another job over the same history adds nothing, and says so.
    view = await finished(queues, 'history-scan', (await queues.enqueueHistoryScan({ repository: repo.path })).id);
    expect(view).toMatchObject({ state: 'completed', summary: { findings: 2, created: 0, locationsAdded: 0 } });
  });
});
