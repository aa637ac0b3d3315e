import { spawn } from 'node:child_process';
import { chmodSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GitRepo } from '../support/git-repo.js';
import { BIN, githubToken, pushEnv } from './push-harness.js';
import { ensureBuilt } from '../cli/built-cli.js';

/** Developer-side hooks installed in a real work tree, exercised by real `git commit` and `git push`. */
const cleanup: Array<() => void> = [];
afterAll(() => cleanup.forEach((c) => c()));

function git(cwd: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd, env: pushEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.stdout.resume();
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

function installClientHook(repo: GitRepo, name: 'pre-commit' | 'pre-push'): void {
  const dir = join(repo.path, '.git', 'hooks');
  mkdirSync(dir, { recursive: true });
  const hook = join(dir, name);
  writeFileSync(hook, `#!/bin/sh\nexec '${process.execPath}' '${BIN}' hook ${name} "$@"\n`);
  chmodSync(hook, 0o755);
}

describe('client hooks', () => {
  it('pre-commit blocks a staged secret and lets clean changes through', async () => {
    await ensureBuilt();
    const repo = GitRepo.create();
    cleanup.push(() => repo.dispose());
    installClientHook(repo, 'pre-commit');
    const token = githubToken();
    writeFileSync(join(repo.path, 'ok.txt'), 'nothing to see\n');
    await git(repo.path, ['add', 'ok.txt']);
    expect((await git(repo.path, ['commit', '-qm', 'clean'])).code).toBe(0);

    writeFileSync(join(repo.path, 'settings.py'), `TOKEN = "${token}"\n`);
    await git(repo.path, ['add', 'settings.py']);
    const r = await git(repo.path, ['commit', '-qm', 'add token']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('COMMIT REJECTED by pushgate pre-commit');
    expect(r.stderr).toContain('settings.py:1');
    expect(r.stderr).not.toContain(token);
  });

  it('a client hook that cannot finish stops the commit with one line and a code, not a stack trace', async () => {
    await ensureBuilt();
    const repo = GitRepo.create();
    cleanup.push(() => repo.dispose());
    installClientHook(repo, 'pre-commit');
    writeFileSync(join(repo.path, 'ok.txt'), 'nothing to see\n');
    await git(repo.path, ['add', 'ok.txt']);
    const r = await git(repo.path, ['commit', '-qm', 'clean'], { PUSHGATE_FINGERPRINT_KEY: 'not-a-key' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^pushgate: error: PUSHGATE_FINGERPRINT_KEY must be 32 bytes .* \[FINGERPRINT_KEY_INVALID\]\n$/);
  });

  it('pre-push blocks commits the remote does not have yet', async () => {
    await ensureBuilt();
    const remote = GitRepo.create({ bare: true });
    const repo = GitRepo.create();
    cleanup.push(() => remote.dispose(), () => repo.dispose());
    installClientHook(repo, 'pre-push');
    await git(repo.path, ['remote', 'add', 'origin', remote.path]);
    writeFileSync(join(repo.path, 'a.txt'), 'a\n');
    await git(repo.path, ['add', '.']);
    await git(repo.path, ['commit', '-qm', 'a']);
    expect((await git(repo.path, ['push', '-q', 'origin', 'HEAD:refs/heads/main'])).code).toBe(0);

    writeFileSync(join(repo.path, 'deploy.sh'), `curl -H "Authorization: token ${githubToken()}" https://api.github.com\n`);
    await git(repo.path, ['add', '.']);
    await git(repo.path, ['commit', '-qm', 'deploy script']);
    writeFileSync(join(repo.path, 'deploy.sh'), 'curl https://api.github.com\n');
    await git(repo.path, ['commit', '-qam', 'remove token again']);
    const r = await git(repo.path, ['push', 'origin', 'HEAD:refs/heads/main']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('PUSH REJECTED by pushgate pre-push');
    expect(r.stderr).toContain('deploy script');
    rmSync(join(repo.path, 'deploy.sh'));
  });
});
