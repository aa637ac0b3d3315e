import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { scanHistory } from '../../scanner/history.js';
import { KeyRing } from '../../services/crypto/secret-box.js';
import { FindingsStore } from '../../services/store/findings-store.js';
import { githubTokens, testEngine } from '../support/findings.js';
import { GitRepo } from '../support/git-repo.js';
import { useTestRedis } from '../support/redis.js';

const redis = useTestRedis();
const repos: GitRepo[] = [];
afterAll(() => repos.forEach((r) => r.dispose()));

/** The real history scanner feeding the store, as a history-scan job will: rescans add nothing they already added. */
describe('history scans into the findings store', () => {
  it('stores every secret once with its commit locations, and a rescan adds only what is new', async () => {
    const [a, b] = githubTokens('history-rescan', 2);
    const repo = GitRepo.create();
    repos.push(repo);
    const c1 = repo.commit({ files: { 'app/.env': `GITHUB_TOKEN=${a}\n` }, message: 'add env' });
    repo.commit({ files: { 'README.md': 'docs\n' }, message: 'docs' });
    const store = new FindingsStore({ redis: redis.client(), prefix: redis.prefix(), keyRing: new KeyRing([randomBytes(32)]) });

    const first = await scanHistory(repo.path, { engine: testEngine() });
    expect(first.findings).toHaveLength(1);
    expect(await store.addFindings('acme/app', first.findings)).toMatchObject({ created: 1, locationsAdded: 1 });
    expect(await store.addFindings('acme/app', (await scanHistory(repo.path, { engine: testEngine() })).findings)).toMatchObject({ created: 0, locationsAdded: 0 });

    // New history: the old secret copied to another file, and a new secret.
    const c3 = repo.commit({ files: { 'deploy/ci.yml': `token: ${a}\nother: ${b}\n` }, message: 'ci' });
    const third = await scanHistory(repo.path, { engine: testEngine() });
    expect(await store.addFindings('acme/app', third.findings)).toMatchObject({ created: 1, locationsAdded: 2 });
    expect(await store.addFindings('acme/app', third.findings)).toMatchObject({ created: 0, locationsAdded: 0 });

    const fpA = third.findings.find((f) => f.secret.reveal() === a)!.fingerprint;
    const detail = await store.get(fpA);
    expect(detail!.locations.map((l) => [l.commit, l.path, l.line, l.author])).toEqual([
      [c1, 'app/.env', 1, 'Ada Tester'],
      [c3, 'deploy/ci.yml', 1, 'Ada Tester'],
    ]);
    expect((await store.list({ repository: 'acme/app' })).findings).toHaveLength(2);
  });
});
