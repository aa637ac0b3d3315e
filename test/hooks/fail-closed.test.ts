import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GitRepo } from '../support/git-repo.js';
import { runPreReceive } from '../../hooks/pre-receive.js';
import { githubToken, push, refOf, serverRepo } from './push-harness.js';

const ZERO = '0'.repeat(40);
const disposers: Array<() => void> = [];
afterAll(() => disposers.forEach((d) => d()));

function run(gitDir: string, stdin: string, env: NodeJS.ProcessEnv = {}) {
  let out = '';
  const state = mkdtempSync(join(tmpdir(), 'pushgate-state-'));
  disposers.push(() => rmSync(state, { recursive: true, force: true }));
  return runPreReceive({
    stdin,
    env: { PATH: process.env['PATH'], PUSHGATE_STATE_DIR: state, ...env },
    gitDir,
    write: (s) => (out += s),
    now: () => new Date('2026-01-01T00:00:00Z'),
  }).then((code) => ({ code, out, state }));
}

describe('the hook fails closed', () => {
  it('rejects when an object of the push is corrupt, and says the scan could not finish', async () => {
    const repo = GitRepo.create({ bare: true });
    disposers.push(() => repo.dispose());
    const blobContent = 'harmless text\n';
    const head = repo.commit({ files: { 'a.txt': blobContent }, branch: null });
    const blob = repo.git(['rev-parse', `${head}:a.txt`]).toString().trim();
    const file = repo.objectFile(blob);
    chmodSync(file, 0o644);
    writeFileSync(file, Buffer.from('this is not a zlib stream'));
    const r = await run(repo.path, `${ZERO} ${head} refs/heads/main\n`);
    expect(r.code).toBe(1);
    expect(r.out).toContain('PUSH REJECTED by pushgate: the secret scan could not finish');
    const events = readFileSync(join(r.state, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { reason: string });
    expect(events.map((e) => e.reason)).toEqual(['scan-incomplete']);
  });

  it('rejects every push while PUSHGATE_FINGERPRINT_KEY is malformed, naming the setting', async () => {
    const repo = GitRepo.create({ bare: true });
    disposers.push(() => repo.dispose());
    const head = repo.commit({ files: { 'a.txt': 'harmless text\n' }, branch: null });
    const r = await run(repo.path, `${ZERO} ${head} refs/heads/main\n`, { PUSHGATE_FINGERPRINT_KEY: 'not-a-key' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('could not finish');
    expect(r.out).toContain('PUSHGATE_FINGERPRINT_KEY must be 32 bytes');
    expect(r.out).toContain('[FINGERPRINT_KEY_INVALID]');
    expect(r.out).not.toContain('not-a-key');
  });

  it('rejects malformed input from git', async () => {
    const repo = GitRepo.create({ bare: true });
    disposers.push(() => repo.dispose());
    const r = await run(repo.path, 'this is not a ref update\n');
    expect(r.code).toBe(1);
    expect(r.out).toContain('could not finish');
  });

  it('rejects when the time budget runs out, through a real push', async () => {
    const srv = await serverRepo();
    disposers.push(() => rmSync(srv.root, { recursive: true, force: true }));
    // The administrator's setting lives in the hook's environment; 1 ms cannot fit a scan.
    const hook = join(srv.repo.path, 'hooks', 'pre-receive');
    writeFileSync(hook, readFileSync(hook, 'utf8').replace('input=$(cat)', 'export PUSHGATE_HOOK_TIMEOUT_MS=1\ninput=$(cat)'));
    const c = GitRepo.create();
    disposers.push(() => c.dispose());
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`f${i}.txt`] = `clean file ${i}\n`.repeat(100);
    const head = c.commit({ files, message: 'many files' });
    const r = await push(c, join(srv.root, srv.name), [`${head}:refs/heads/main`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('time budget of 1 ms exceeded');
    expect(r.stderr).toContain('push was refused');
    expect(refOf(srv.repo, 'refs/heads/main')).toBeUndefined();
  });

  it('accepts deletions without scanning and a clean push within budget', async () => {
    const repo = GitRepo.create({ bare: true });
    disposers.push(() => repo.dispose());
    const head = repo.commit({ files: { 'a.txt': 'fine\n' }, branch: null });
    expect((await run(repo.path, `${head} ${ZERO} refs/heads/gone\n`)).code).toBe(0);
    expect((await run(repo.path, `${ZERO} ${head} refs/heads/main\n`)).code).toBe(0);
  });

  it('rejects a secret even when run directly, and never prints it', async () => {
    const repo = GitRepo.create({ bare: true });
    disposers.push(() => repo.dispose());
    const token = githubToken();
    const head = repo.commit({ files: { 'k.txt': `k=${token}\n` }, branch: null, message: 'key' });
    const r = await run(repo.path, `${ZERO} ${head} refs/heads/main\n`, { GL_USERNAME: 'gitlab-bob' });
    expect(r.code).toBe(1);
    expect(r.out).not.toContain(token);
    const [event] = readFileSync(join(r.state, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { pusher: unknown });
    expect(event!.pusher).toEqual({ name: 'gitlab-bob', source: 'GL_USERNAME' });
    expect(readFileSync(join(r.state, 'events.jsonl'), 'utf8')).not.toContain(token);
  });
});
