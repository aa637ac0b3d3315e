import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitRepo } from '../support/git-repo.js';
import { startGitDaemon, startHttpBackend, type RunningServer } from '../support/git-server.js';
import { githubToken, hasObject, npmToken, push, pushEnv, refOf, serverRepo } from './push-harness.js';

/**
 * Real pushes, through real git, into a bare repository whose pre-receive hook
 * is pushgate: over a local path, git daemon and smart HTTP. The hook runs in
 * git's quarantine, so it must read objects that are not in the repository yet.
 */

const cleanup: Array<() => void | Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

function client(): GitRepo {
  const c = GitRepo.create();
  cleanup.push(() => c.dispose());
  return c;
}

async function server() {
  const s = await serverRepo();
  cleanup.push(() => rmSync(s.root, { recursive: true, force: true }));
  return s;
}

describe.each([
  ['local path', 'path'],
  ['git daemon', 'daemon'],
  ['smart HTTP', 'http'],
] as const)('pre-receive over %s', (_label, transport) => {
  let srv: Awaited<ReturnType<typeof server>>;
  let url: string;
  let running: RunningServer | undefined;

  beforeAll(async () => {
    srv = await server();
    if (transport === 'path') url = join(srv.root, srv.name);
    if (transport === 'daemon') running = await startGitDaemon(srv.root, pushEnv());
    if (transport === 'http') running = await startHttpBackend(srv.root, pushEnv());
    if (running) {
      url = running.url(srv.name);
      cleanup.push(() => running!.close());
    }
  });

  it('accepts a clean push', async () => {
    const c = client();
    const head = c.commit({ files: { 'README.md': '# hello\n', 'src/app.js': 'console.log(1)\n' }, message: 'Initial' });
    const r = await push(c, url, [`${head}:refs/heads/main`]);
    expect(r.stderr).not.toContain('REJECTED');
    expect(r.code).toBe(0);
    expect(refOf(srv.repo, 'refs/heads/main')).toBe(head);
  });

  it('rejects a secret, names where it is, and keeps every object of the push out', async () => {
    const c = client();
    const base = c.commit({ files: { 'README.md': '# base\n' }, message: 'Base' });
    await push(c, url, [`${base}:refs/heads/feature-${transport}`]);
    const token = githubToken();
    const bad = c.commit({ files: { 'config/deploy.env': `API_URL=https://api.example.com\nGITHUB_TOKEN=${token}\n` }, message: 'Add deploy config' });
    const r = await push(c, url, [`${bad}:refs/heads/feature-${transport}`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('PUSH REJECTED by pushgate');
    expect(r.stderr).toContain('GitHub personal access token (classic)');
    expect(r.stderr).toContain(`commit  ${bad.slice(0, 10)}  Add deploy config`);
    expect(r.stderr).toContain('config/deploy.env:2');
    expect(r.stderr).toContain(`git rebase -i ${bad.slice(0, 10)}^`);
    expect(r.stderr).toContain('git commit --amend');
    expect(r.stderr).toContain(token.slice(0, 8) + '***');
    expect(r.stderr).not.toContain(token);
    expect(r.stderr).not.toMatch(/\x1b\[/);
    expect(refOf(srv.repo, `refs/heads/feature-${transport}`)).toBe(base);
    const blob = c.git(['rev-parse', `${bad}:config/deploy.env`]).toString().trim();
    expect(hasObject(srv.repo, bad)).toBe(false);
    expect(hasObject(srv.repo, blob)).toBe(false);
  });
});

describe('pre-receive: what a push introduces', () => {
  let srv: Awaited<ReturnType<typeof server>>;
  let url: string;
  let c: GitRepo;
  let main: string;

  beforeAll(async () => {
    srv = await server();
    url = join(srv.root, srv.name);
    c = client();
    main = c.commit({ files: { 'app.py': 'print("hi")\n' }, message: 'Start' });
    expect((await push(c, url, [`${main}:refs/heads/main`])).code).toBe(0);
  });

  it('rejects a secret added and deleted again inside the same push', async () => {
    const token = githubToken();
    const add = c.commit({ files: { 'secrets.txt': `token=${token}\n` }, message: 'oops', branch: 'tmp1', parents: [main] });
    const del = c.commit({ files: { 'secrets.txt': null }, message: 'remove it', branch: 'tmp1', parents: [add] });
    const r = await push(c, url, [`${del}:refs/heads/main`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`commit  ${add.slice(0, 10)}  oops`);
    expect(refOf(srv.repo, 'refs/heads/main')).toBe(main);
  });

  it('accepts a new branch whose commits all exist already, and ref deletions', async () => {
    const r = await push(c, url, [`${main}:refs/heads/copy`]);
    expect(r.code).toBe(0);
    expect(refOf(srv.repo, 'refs/heads/copy')).toBe(main);
    const d = await push(c, url, [':refs/heads/copy']);
    expect(d.code).toBe(0);
    expect(refOf(srv.repo, 'refs/heads/copy')).toBeUndefined();
  });

  it('rejects a tag that points at a tree carrying a secret (no commit reaches it)', async () => {
    const blob = c.git(['hash-object', '-w', '--stdin'], { input: `token=${githubToken()}\n` }).toString().trim();
    const tree = c.git(['mktree'], { input: `100644 blob ${blob}\tcreds.txt\n` }).toString().trim();
    const r = await push(c, url, [`${tree}:refs/tags/just-a-tree`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('PUSH REJECTED by pushgate');
    expect(r.stderr).toContain('creds.txt');
    expect(refOf(srv.repo, 'refs/tags/just-a-tree')).toBeUndefined();
    expect(hasObject(srv.repo, blob)).toBe(false);
  });

  it('never lets a tree pushed to a branch into the object store: git would refuse the ref only after the hook', async () => {
    const blob = c.git(['hash-object', '-w', '--stdin'], { input: `token=${githubToken()}\n` }).toString().trim();
    const tree = c.git(['mktree'], { input: `100644 blob ${blob}\tcreds.txt\n` }).toString().trim();
    const r = await push(c, url, [`${tree}:refs/heads/tree-branch`]);
    expect(r.code).not.toBe(0);
    expect(refOf(srv.repo, 'refs/heads/tree-branch')).toBeUndefined();
    expect(hasObject(srv.repo, blob)).toBe(false);
  });

  it('rejects a new branch (old = zeros) carrying a secret', async () => {
    const bad = c.commit({ files: { '.npmrc': `//registry.npmjs.org/:_authToken=${npmToken()}\n` }, message: 'npm auth', branch: 'nb', parents: [main] });
    const r = await push(c, url, [`${bad}:refs/heads/new-branch`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('npm');
    expect(refOf(srv.repo, 'refs/heads/new-branch')).toBeUndefined();
  });

  it('rejects a force push that rewrites history with a secret', async () => {
    const other = c.commit({ files: { 'app.py': 'print("v2")\n' }, message: 'v2', branch: 'fp', parents: [main] });
    expect((await push(c, url, [`${other}:refs/heads/fp`])).code).toBe(0);
    const rewritten = c.commit({ files: { 'app.py': `KEY = "${githubToken()}"\n` }, message: 'rewrite', branch: 'fp2', parents: [main] });
    const r = await push(c, url, [`+${rewritten}:refs/heads/fp`]);
    expect(r.code).not.toBe(0);
    expect(refOf(srv.repo, 'refs/heads/fp')).toBe(other);
  });

  it('rejects a merge whose second parent brings a secret', async () => {
    const side = c.commit({ files: { 'side.yml': `token: ${githubToken()}\n` }, message: 'side work', branch: 'side', parents: [main] });
    const mainline = c.commit({ files: { 'app.py': 'print("main")\n' }, message: 'main work', branch: 'ml', parents: [main] });
    const merge = c.commit({ message: 'Merge side', branch: 'ml', parents: [mainline, side], files: { 'side.yml': 'token: removed\n' } });
    const r = await push(c, url, [`${merge}:refs/heads/main`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('side.yml:1');
    expect(r.stderr).toContain('side work');
  });

  it('rejects an annotated tag whose commit carries a secret', async () => {
    const tagged = c.commit({ files: { 'release.cfg': `npm=${npmToken()}\n` }, message: 'release', branch: null, parents: [main] });
    c.tag('v9.9.9', tagged, 'release 9.9.9');
    const r = await push(c, url, ['refs/tags/v9.9.9:refs/tags/v9.9.9']);
    expect(r.code).not.toBe(0);
    expect(refOf(srv.repo, 'refs/tags/v9.9.9')).toBeUndefined();
  });

  it('rejects a multi-ref push as a whole when one ref carries a secret, listing a repeated secret once', async () => {
    const token = githubToken();
    const clean = c.commit({ files: { 'docs.md': 'docs\n' }, message: 'docs', branch: 'clean', parents: [main] });
    const a = c.commit({ files: { 'a.env': `T=${token}\n` }, message: 'first copy', branch: 'dirty', parents: [main] });
    const b = c.commit({ files: { 'b.env': `T=${token}\n`, 'a.env': `T=${token}\nX=1\n` }, message: 'second copy', branch: 'dirty', parents: [a] });
    const r = await push(c, url, [`${clean}:refs/heads/clean`, `${b}:refs/heads/dirty`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('1 secret found in 2 commits');
    expect(r.stderr.match(/\[1\] GitHub/g)).toHaveLength(1);
    expect(r.stderr).not.toContain('[2]');
    expect(r.stderr).toMatch(/also {4}[0-9a-f]{10} {2}(a|b)\.env:1/);
    expect(refOf(srv.repo, 'refs/heads/clean')).toBeUndefined();
    expect(refOf(srv.repo, 'refs/heads/dirty')).toBeUndefined();
  });

  it('finds a secret inside a binary blob of the push', async () => {
    const token = githubToken();
    const bin = Buffer.concat([Buffer.from([0, 1, 2, 0xff, 0]), Buffer.from(token), Buffer.alloc(100, 0)]);
    const bad = c.commit({ files: { 'assets/blob.bin': bin }, message: 'binary', branch: 'bin', parents: [main] });
    const r = await push(c, url, [`${bad}:refs/heads/bin`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('assets/blob.bin');
  });

  it('writes a local JSON-lines log of block events, redacted', async () => {
    const log = join(srv.repo.path, 'pushgate', 'events.jsonl');
    expect(existsSync(log)).toBe(true);
    const events = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { reason: string; findings: Array<{ redacted: string; fingerprint: string }>; pusher: unknown; refs: unknown[] });
    expect(events.length).toBeGreaterThanOrEqual(6);
    for (const e of events) {
      expect(e.reason).toBe('secrets');
      expect(e.refs.length).toBeGreaterThan(0);
      for (const f of e.findings) {
        expect(f.redacted).toMatch(/\*\*\*$/);
        expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      }
    }
  });
});
