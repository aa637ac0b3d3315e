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

  it('fails with a stable code for a path that is not a repository', () => {
    const dir = GitRepo.create();
    rmSync(join(dir.path, '.git'), { recursive: true, force: true });
    cleanup.push(() => dir.dispose());
    expect(() => installPreReceive(join(dir.path, 'nope'), BIN)).toThrow(expect.objectContaining({ code: 'HOOK_NOT_A_REPOSITORY' }));
  });
});
