import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitRepo } from '../support/git-repo.js';
import { githubToken, push, refOf, serverRepo, startDaemonProcess, type RunningDaemon } from './push-harness.js';

/**
 * Every place a push can carry a secret, through real `git push` into a
 * server whose pre-receive hook is pushgate (in its own process, and through
 * the scan daemon): file paths and directory names, commit messages, author
 * and committer identities, other commit headers, annotated tag messages and
 * taggers, branch and tag names, and encoded forms of a token in file
 * contents. Each is rejected, names its place and the fix for it, and never
 * prints the token; the same push without the token is accepted.
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

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** What every rejection of a secret must hold, and never hold. */
function expectRejected(r: { code: number; stderr: string }, token: string): void {
  expect(r.code).not.toBe(0);
  expect(r.stderr).toContain('PUSH REJECTED by pushgate');
  expect(r.stderr).toContain('GitHub personal access token (classic)');
  expect(r.stderr).not.toContain(token);
  expect(r.stderr).toContain(`${token.slice(0, 8)}***`);
}

function expectAccepted(r: { code: number; stderr: string }): void {
  expect(r.stderr).not.toContain('REJECTED');
  expect(r.code).toBe(0);
}

/** base64 of a Kubernetes-style Secret value, a percent-encoded URL, a JSON-escaped string, UTF-16LE text. */
const ENCODINGS: ReadonlyArray<readonly [label: string, file: string, content: (token: string) => string | Buffer]> = [
  [
    'base64 in a Kubernetes Secret',
    'k8s/secret.yaml',
    (t) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: gh\ndata:\n  token: ${Buffer.from(t).toString('base64')}\n`,
  ],
  ['base64 of user:token in a Basic header', 'curl.sh', (t) => `curl -H "Authorization: Basic ${Buffer.from(`bot:${t}`).toString('base64')}" https://api.example.com\n`],
  ['a percent-encoded query value', 'logs/access.log', (t) => `GET /callback?state=1&access_token%3D${t}%26scope%3Drepo HTTP/1.1\n`],
  ['JSON string escapes', 'config.json', (t) => `{"token": "${[...t].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"}\n`],
  ['UTF-16LE text with a BOM', 'deploy.ps1', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`$env:GITHUB_TOKEN = "${t}"\r\n`, 'utf16le')])],
];

describe.each([
  ['in process', false],
  ['through the scan daemon', true],
] as const)('pre-receive sees every place (%s)', (_label, viaDaemon) => {
  let url: string;
  let daemon: RunningDaemon | undefined;

  beforeAll(async () => {
    let socket: string | undefined;
    if (viaDaemon) {
      const dir = tempDir('pushgate-sock-');
      chmodSync(dir, 0o700);
      socket = join(dir, 'hook.sock');
      daemon = await startDaemonProcess(socket);
      cleanup.push(async () => {
        await daemon!.stop();
      });
    }
    const srv = await serverRepo('server.git', socket ? { socket } : {});
    cleanup.push(() => rmSync(srv.root, { recursive: true, force: true }));
    url = join(srv.root, srv.name);
    const c = client();
    const base = c.commit({ files: { 'README.md': '# base\n' }, message: 'Base' });
    expectAccepted(await push(c, url, [`${base}:refs/heads/main`]));
  });

  /** A client whose main has the server's main. */
  function fresh(): GitRepo {
    const c = client();
    c.git(['fetch', '-q', '--update-head-ok', url, 'refs/heads/main:refs/heads/main']);
    return c;
  }

  it('rejects a secret in a commit subject and in the message body, names the commit message and how to reword it', async () => {
    const token = githubToken();
    const c = fresh();
    const main = c.tip('main')!;
    const bad = c.commit({ parents: [main], branch: 'msg', files: { 'a.txt': 'a\n' }, message: `Rotate deploy key\n\nold key was ${token}\n` });
    const r = await push(c, url, [`${bad}:refs/heads/msg`]);
    expectRejected(r, token);
    expect(r.stderr).toContain('commit message');
    expect(r.stderr).toContain(bad.slice(0, 10));
    expect(r.stderr).toMatch(/reword/);
    expect(refOf(GitRepo.open(url, true), 'refs/heads/msg')).toBeUndefined();
    const subject = c.commit({ parents: [main], branch: 'subject', files: { 'a.txt': 'a\n' }, message: `token ${token}` });
    const r2 = await push(c, url, [`${subject}:refs/heads/subject`]);
    expectRejected(r2, token);
    const clean = c.commit({ parents: [main], branch: 'clean', files: { 'a.txt': 'a\n' }, message: 'Rotate deploy key\n\nold key revoked\n' });
    expectAccepted(await push(c, url, [`${clean}:refs/heads/msg`]));
  });

  it('rejects a secret in the author name, the committer e-mail and a custom commit header', async () => {
    const token = githubToken();
    const c = fresh();
    const main = c.tip('main')!;
    const byAuthor = c.commit({ parents: [main], branch: 'x1', files: { 'a.txt': '1\n' }, author: { name: `Bot ${token}`, email: 'bot@example.com' } });
    const r1 = await push(c, url, [`${byAuthor}:refs/heads/x1`]);
    expectRejected(r1, token);
    expect(r1.stderr).toMatch(/author|identity/i);
    const byCommitter = c.commit({ parents: [main], branch: 'x2', files: { 'a.txt': '2\n' }, committer: { name: 'CI', email: `${token}@ci.example.com` } });
    expectRejected(await push(c, url, [`${byCommitter}:refs/heads/x2`]), token);
    const raw = `tree ${c.treeOid(main)}\nparent ${main}\nauthor A <a@example.com> 1700000000 +0000\ncommitter A <a@example.com> 1700000000 +0000\nx-deploy ${token}\n\nclean message\n`;
    const byHeader = c.writeObject('commit', raw);
    expectRejected(await push(c, url, [`${byHeader}:refs/heads/x3`]), token);
    const clean = c.commit({ parents: [main], branch: 'x4', files: { 'a.txt': '4\n' }, author: { name: 'Bot', email: 'bot@example.com' } });
    expectAccepted(await push(c, url, [`${clean}:refs/heads/x4`]));
  });

  it('rejects a secret in a file name or a directory name, and says to rename it', async () => {
    const token = githubToken();
    const c = fresh();
    const main = c.tip('main')!;
    const file = c.commit({ parents: [main], branch: 'p1', files: { [`keys/${token}.pem`]: 'not a key\n' } });
    const r = await push(c, url, [`${file}:refs/heads/p1`]);
    expectRejected(r, token);
    expect(r.stderr).toMatch(/path|file name/i);
    expect(r.stderr).toContain('git mv');
    const dir = c.commit({ parents: [main], branch: 'p2', files: { [`${token}/README`]: 'x\n' } });
    expectRejected(await push(c, url, [`${dir}:refs/heads/p2`]), token);
    const clean = c.commit({ parents: [main], branch: 'p3', files: { 'keys/deploy.pem': 'not a key\n' } });
    expectAccepted(await push(c, url, [`${clean}:refs/heads/p3`]));
  });

  it('rejects a secret in a branch name or a tag name, even at a commit the server has, and says to rename it', async () => {
    const token = githubToken();
    const c = fresh();
    const main = c.tip('main')!;
    const r = await push(c, url, [`${main}:refs/heads/feature-${token}`]);
    expectRejected(r, token);
    expect(r.stderr).toMatch(/branch|ref name/i);
    expect(r.stderr).toContain('git branch -m');
    expect(refOf(GitRepo.open(url, true), `refs/heads/feature-${token}`)).toBeUndefined();
    expectRejected(await push(c, url, [`${main}:refs/tags/${token}`]), token);
    expectAccepted(await push(c, url, [`${main}:refs/heads/feature-ok`]));
  });

  it('rejects a secret in an annotated tag message or its tagger, says to re-create the tag, and accepts a clean tag', async () => {
    const token = githubToken();
    const c = fresh();
    const main = c.tip('main')!;
    c.tag('v1.0', main, `Release 1.0\n\nbuilt with ${token}\n`);
    const r = await push(c, url, ['refs/tags/v1.0:refs/tags/v1.0']);
    expectRejected(r, token);
    expect(r.stderr).toMatch(/tag/i);
    expect(r.stderr).toContain('git tag -d');
    c.tag('v1.1', main, 'Release 1.1', { name: `Release bot ${token}`, email: 'rel@example.com' });
    expectRejected(await push(c, url, ['refs/tags/v1.1:refs/tags/v1.1']), token);
    c.tag('v1.2', main, 'Release 1.2\n\nclean notes\n');
    expectAccepted(await push(c, url, ['refs/tags/v1.2:refs/tags/v1.2']));
  });

  it.each(ENCODINGS)('rejects a token written as %s, and accepts the file without it', async (_what, file, content) => {
    const token = githubToken();
    const c = fresh();
    const main = c.tip('main')!;
    const bad = c.commit({ parents: [main], branch: `enc-${file}`, files: { [file]: content(token) } });
    const r = await push(c, url, [`${bad}:refs/heads/enc-${file.replace(/[^a-z0-9]/gi, '-')}`]);
    expectRejected(r, token);
    expect(r.stderr).toContain(file);
    // The same shape with a token whose checksum is wrong is not a secret.
    const wrong = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const ok = c.commit({ parents: [main], branch: `ok-${file}`, files: { [file]: content(wrong) } });
    expectAccepted(await push(c, url, [`${ok}:refs/heads/enc-ok-${file.replace(/[^a-z0-9]/gi, '-')}`]));
  });

  it('shows escape sequences and line breaks from subjects, paths and names as visible escapes, never as terminal control', async () => {
    const token = githubToken();
    const c = fresh();
    const main = c.tip('main')!;
    const bad = c.commit({
      parents: [main],
      branch: 'esc',
      files: { 'evil\x1b[2J\nremote: all clear.txt': `TOKEN=${token}\n` },
      message: `\x1b]0;pwned\x07Fix \x1b[2Jthings\rremote: accepted`,
      author: { name: 'Mallory \x1b[31m', email: 'm@example.com' },
    });
    const r = await push(c, url, [`${bad}:refs/heads/esc`]);
    expectRejected(r, token);
    expect(r.stderr).not.toContain('\x1b');
    expect(r.stderr).not.toContain('\x07');
    expect(r.stderr).not.toMatch(/\r(?!\n)/);
    // Every line of the hook's text is git's `remote: ` plus what the hook printed: no line of pusher text stands alone.
    expect(r.stderr).not.toMatch(/^remote: remote: /m);
    expect(r.stderr).not.toMatch(/^remote: all clear/m);
    expect(r.stderr).toContain('\\x1b[2J');
  });
});

describe('the pre-receive hook fails closed when the commit walk comes up short', () => {
  it('rejects a push whose `git log` prints nothing, which it would otherwise accept', async () => {
    const srv = await serverRepo();
    cleanup.push(() => rmSync(srv.root, { recursive: true, force: true }));
    const url = join(srv.root, srv.name);
    // A git that answers `log` with nothing and exit 0; everything else goes to the real git.
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const bin = tempDir('pushgate-fakegit-');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'git'), `#!/bin/sh\nfor a in "$@"; do [ "$a" = log ] && exit 0; done\nexec ${realGit} "$@"\n`, { mode: 0o755 });
    const hook = join(srv.repo.path, 'hooks', 'pre-receive');
    writeFileSync(hook, readFileSync(hook, 'utf8').replace('input=$(cat)', `export PATH=${bin}:$PATH\ninput=$(cat)`));
    const c = client();
    const token = githubToken();
    const head = c.commit({ files: { 'deploy.env': `GITHUB_TOKEN=${token}\n` }, message: 'Add deploy config' });
    const r = await push(c, url, [`${head}:refs/heads/main`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('the secret scan could not finish');
    expect(r.stderr).toContain('SCAN_WALK_INCOMPLETE');
    expect(r.stderr).not.toContain(token);
    expect(refOf(srv.repo, 'refs/heads/main')).toBeUndefined();
  });
});
