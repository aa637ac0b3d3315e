import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GitRepo } from '../support/git-repo.js';
import { installPreReceive, CHAINED_NAME } from '../../hooks/install.js';
import { BIN, githubToken, push, pushEnv, refOf } from './push-harness.js';
import { ensureBuilt } from '../cli/built-cli.js';

const cleanup: Array<() => void> = [];
afterAll(() => cleanup.forEach((c) => c()));

describe('pushgate hook install', () => {
  it('keeps an existing hook and chains it: both must accept', async () => {
    await ensureBuilt();
    const server = GitRepo.create({ bare: true });
    cleanup.push(() => server.dispose());
    const marker = join(server.path, 'chained-ran');
    const original = join(server.path, 'hooks', 'pre-receive');
    // The existing hook records its input and rejects refs named "blocked-by-original".
    writeFileSync(original, `#!/bin/sh\ninput=$(cat)\necho "$input" >> '${marker}'\necho "$input" | grep -q blocked-by-original && { echo "original hook says no" >&2; exit 1; }\nexit 0\n`);
    chmodSync(original, 0o755);

    const r = spawnSync(process.execPath, [BIN, 'hook', 'install', server.path], { encoding: 'utf8', env: pushEnv() });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(CHAINED_NAME);
    expect(readFileSync(join(server.path, 'hooks', CHAINED_NAME), 'utf8')).toContain('original hook says no');

    const c = GitRepo.create();
    cleanup.push(() => c.dispose());
    const clean = c.commit({ files: { 'a.txt': 'a\n' } });
    expect((await push(c, server.path, [`${clean}:refs/heads/main`])).code).toBe(0);
    expect(readFileSync(marker, 'utf8')).toContain('refs/heads/main');

    const vetoed = await push(c, server.path, [`${clean}:refs/heads/blocked-by-original`]);
    expect(vetoed.code).not.toBe(0);
    expect(vetoed.stderr).toContain('original hook says no');

    const bad = c.commit({ files: { 'b.txt': `x=${githubToken()}\n` } });
    const rejected = await push(c, server.path, [`${bad}:refs/heads/main`]);
    expect(rejected.code).not.toBe(0);
    expect(rejected.stderr).toContain('PUSH REJECTED');
    expect(refOf(server, 'refs/heads/main')).toBe(clean);
  });

  it('is idempotent and refuses to overwrite a hook it did not install', () => {
    const server = GitRepo.create({ bare: true });
    cleanup.push(() => server.dispose());
    const first = installPreReceive(server.path, BIN);
    expect(first).toMatchObject({ updated: false, chained: null });
    const again = installPreReceive(server.path, BIN);
    expect(again.updated).toBe(true);
    expect(existsSync(join(server.path, 'hooks', CHAINED_NAME))).toBe(false);

    writeFileSync(join(server.path, 'hooks', 'pre-receive'), '#!/bin/sh\nexit 0\n');
    writeFileSync(join(server.path, 'hooks', CHAINED_NAME), '#!/bin/sh\nexit 0\n');
    expect(() => installPreReceive(server.path, BIN)).toThrow(expect.objectContaining({ code: 'HOOK_CHAIN_CONFLICT' }));
  });

  it('refuses a work tree for the server hook, saying what to do instead', async () => {
    await ensureBuilt();
    const work = GitRepo.create();
    cleanup.push(() => work.dispose());
    expect(() => installPreReceive(work.path, BIN)).toThrow(expect.objectContaining({ code: 'HOOK_INSTALL_NOT_BARE' }));
    const r = spawnSync(process.execPath, [BIN, 'hook', 'install', work.path], { encoding: 'utf8', env: pushEnv() });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/work tree, where git never runs a pre-receive hook: .*pushgate hook install --client.*\[HOOK_INSTALL_NOT_BARE\]/);
    expect(existsSync(join(work.path, '.git', 'hooks', 'pre-receive'))).toBe(false);
  });

  it('installs the client hooks in a work tree, chaining the ones there, idempotently; they stop a commit with a secret', async () => {
    await ensureBuilt();
    const work = GitRepo.create();
    cleanup.push(() => work.dispose());
    const hooks = join(work.path, '.git', 'hooks');
    const ran = join(work.path, '.git', 'lint-ran');
    writeFileSync(join(hooks, 'pre-commit'), `#!/bin/sh\necho lint >> '${ran}'\nexit 0\n`);
    chmodSync(join(hooks, 'pre-commit'), 0o755);
    const install = () => spawnSync(process.execPath, [BIN, 'hook', 'install', '--client'], { cwd: work.path, encoding: 'utf8', env: pushEnv() });
    const first = install();
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('installed');
    expect(first.stdout).toContain('pre-commit.pushgate-chained');
    expect(first.stdout).toContain('early warning');
    const second = install();
    expect(second.stdout.match(/updated/g)).toHaveLength(2);
    expect(readFileSync(join(hooks, 'pre-commit.pushgate-chained'), 'utf8')).toContain('echo lint');

    // A real commit through git: a clean one passes (and the chained hook runs), one with a token is stopped.
    const git = (args: string[]) => spawnSync('git', args, { cwd: work.path, encoding: 'utf8', env: { ...pushEnv(), GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@x', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@x' } });
    writeFileSync(join(work.path, 'ok.txt'), 'fine\n');
    git(['add', 'ok.txt']);
    expect(git(['commit', '-q', '-m', 'ok']).status).toBe(0);
    expect(readFileSync(ran, 'utf8')).toBe('lint\n');
    writeFileSync(join(work.path, 'token.env'), `T=${githubToken()}\n`);
    git(['add', 'token.env']);
    const blocked = git(['commit', '-q', '-m', 'add token']);
    expect(blocked.status).not.toBe(0);
    expect(blocked.stderr).toContain('COMMIT REJECTED by pushgate pre-commit');
    expect(blocked.stderr).toContain('early warning');
    expect(blocked.stderr).toContain('staged  (not committed yet)');
    expect(blocked.stderr).not.toContain('There is no bypass');

    const bare = GitRepo.create({ bare: true });
    cleanup.push(() => bare.dispose());
    const refused = spawnSync(process.execPath, [BIN, 'hook', 'install', '--client', bare.path], { encoding: 'utf8', env: pushEnv() });
    expect(refused.stderr).toContain('[HOOK_INSTALL_BARE]');
  });

  it('answers --help for every hook command with exit 0 and runs nothing', async () => {
    await ensureBuilt();
    for (const args of [['hook', '--help'], ['hook', 'pre-receive', '--help'], ['hook', 'install', '--help'], ['hook', 'pre-commit', '-h'], ['hook', 'pre-push', '--help'], ['hook', 'daemon', '--help']]) {
      // No standard input: a hook that ran would wait for it (or scan nothing); help returns at once.
      const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: pushEnv(), input: '', timeout: 10_000 });
      expect([args.join(' '), r.status]).toEqual([args.join(' '), 0]);
      expect(r.stdout).toMatch(/^Usage: pushgate hook/);
    }
    const unknown = spawnSync(process.execPath, [BIN, 'hook', 'frobnicate'], { encoding: 'utf8', env: pushEnv() });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('[CLI_USAGE]');
  });

  it('fails with a stable code for a path that is not a repository', () => {
    const dir = GitRepo.create();
    rmSync(join(dir.path, '.git'), { recursive: true, force: true });
    cleanup.push(() => dir.dispose());
    expect(() => installPreReceive(join(dir.path, 'nope'), BIN)).toThrow(expect.objectContaining({ code: 'HOOK_NOT_A_REPOSITORY' }));
  });
});
