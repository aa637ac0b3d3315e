import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitRepo } from '../support/git-repo.js';
import { githubToken, push, refOf, serverRepo } from './push-harness.js';

/**
 * Every way other tools let a pusher skip the scan must fail here: push
 * options, environment variables (a local-path push runs the hook with the
 * pusher's environment), commit-message markers and inline comments.
 */
let srv: Awaited<ReturnType<typeof serverRepo>>;
let url: string;
let c: GitRepo;
let base: string;

beforeAll(async () => {
  srv = await serverRepo();
  url = join(srv.root, srv.name);
  c = GitRepo.create();
  base = c.commit({ files: { 'README.md': 'hi\n' }, message: 'base' });
  expect((await push(c, url, [`${base}:refs/heads/main`])).code).toBe(0);
});
afterAll(() => {
  c.dispose();
  rmSync(srv.root, { recursive: true, force: true });
});

function secretCommit(text: (token: string) => string, message = 'add config'): string {
  return c.commit({ files: { 'settings.py': text(githubToken()) }, message, branch: null, parents: [base] });
}

describe('no bypass', () => {
  it.each([
    ['-o', 'secret_push_protection.skip_all'],
    ['-o', 'pushgate.skip'],
    ['-o', 'skip-secret-scan'],
    ['-o', 'ci.skip'],
  ])('push option %s %s is ignored', async (flag, option) => {
    const bad = secretCommit((t) => `TOKEN = "${t}"\n`);
    const r = await push(c, url, [`${bad}:refs/heads/main`], { args: [flag, option] });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('PUSH REJECTED');
    expect(refOf(srv.repo, 'refs/heads/main')).toBe(base);
  });

  it.each([
    { PUSHGATE_SKIP: '1' },
    { PUSHGATE_DISABLE: 'true' },
    { PUSHGATE_BYPASS: '1' },
    { SKIP: 'pushgate' },
    { GITLEAKS_ENABLE: 'false' },
    { SECRET_DETECTION_DISABLED: 'true' },
    { PUSHGATE_HOOK_TIMEOUT_MS: '0' },
  ] as Array<Record<string, string>>)('environment %o is ignored', async (env) => {
    const bad = secretCommit((t) => `TOKEN = "${t}"\n`);
    const r = await push(c, url, [`${bad}:refs/heads/main`], { env });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('PUSH REJECTED');
    expect(refOf(srv.repo, 'refs/heads/main')).toBe(base);
  });

  it.each(['[skip secret push protection]', '[skip secret scan]', 'pushgate:allow', '[skip ci] [no-verify]'])(
    'commit message marker %s is ignored',
    async (marker) => {
      const bad = secretCommit((t) => `TOKEN = "${t}"\n`, `add config ${marker}`);
      const r = await push(c, url, [`${bad}:refs/heads/main`]);
      expect(r.code).not.toBe(0);
      expect(refOf(srv.repo, 'refs/heads/main')).toBe(base);
    },
  );

  it.each(['# pushgate:allow', '# gitleaks:allow', '# pragma: allowlist secret', '# nosec', '# trufflehog:ignore', '# noqa'])(
    'inline comment %s is ignored',
    async (comment) => {
      const bad = secretCommit((t) => `TOKEN = "${t}"  ${comment}\n`);
      const r = await push(c, url, [`${bad}:refs/heads/main`]);
      expect(r.code).not.toBe(0);
      expect(refOf(srv.repo, 'refs/heads/main')).toBe(base);
    },
  );
});
