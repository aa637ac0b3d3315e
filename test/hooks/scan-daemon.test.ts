import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitRepo } from '../support/git-repo.js';
import { parseRequest, PROTOCOL, startScanDaemon } from '../../hooks/scan-daemon.js';
import { BIN, githubToken, hasObject, push, pushEnv, refOf, serverRepo, startDaemonProcess, type RunningDaemon } from './push-harness.js';

/**
 * The scan daemon and its Perl client, through real `git push`: the installed
 * hook hands the push to `pushgate hook daemon` when it can, scans in process
 * when no trusted daemon is there, and rejects whenever the daemon took the
 * push but gave no decision.
 */

const cleanup: Array<() => void | Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function client(): GitRepo {
  const c = GitRepo.create();
  cleanup.push(() => c.dispose());
  return c;
}

async function server(socket: string) {
  const s = await serverRepo('server.git', { socket });
  cleanup.push(() => rmSync(s.root, { recursive: true, force: true }));
  return { ...s, url: join(s.root, s.name) };
}

/** A listener that is not pushgate: it answers every connection with `reply` (or holds it when null). */
async function fakeListener(socket: string, reply: ((conn: Socket) => void) | null): Promise<Server> {
  const open = new Set<Socket>();
  const srv = createServer({ allowHalfOpen: true }, (conn) => {
    open.add(conn);
    conn.on('close', () => open.delete(conn));
    conn.on('data', () => {});
    conn.on('end', () => reply?.(conn));
  });
  await new Promise<void>((ok) => srv.listen(socket, ok));
  cleanup.push(() => {
    for (const conn of open) conn.destroy();
    return new Promise<void>((ok) => srv.close(() => ok()));
  });
  return srv;
}

describe('pre-receive through the scan daemon', () => {
  let socketDir: string;
  let socket: string;
  let daemon: RunningDaemon;
  let srv: Awaited<ReturnType<typeof server>>;

  beforeAll(async () => {
    socketDir = join(tempDir('pushgate-daemon-'), 'run');
    socket = join(socketDir, 'hook.sock');
    daemon = await startDaemonProcess(socket);
    cleanup.push(async () => void (await daemon.stop()));
    srv = await server(socket);
  });

  it('keeps its socket private', () => {
    expect(readFileSync(join(srv.root, srv.name, 'hooks', 'pre-receive'), 'utf8')).toContain('pushgate-hook-client.pl');
    expect(statSync(socket).mode & 0o777).toBe(0o600);
    expect(statSync(socketDir).mode & 0o777).toBe(0o700);
  });

  it('accepts a clean push and rejects a secret with the same message as the in-process hook', async () => {
    const c = client();
    const base = c.commit({ files: { 'README.md': '# base\n' }, message: 'Base' });
    const ok = await push(c, srv.url, [`${base}:refs/heads/main`]);
    expect(ok.code).toBe(0);
    expect(refOf(srv.repo, 'refs/heads/main')).toBe(base);

    const token = githubToken();
    const bad = c.commit({ files: { 'deploy.env': `GITHUB_TOKEN=${token}\n` }, message: 'Add deploy config' });
    // Push options are no way around it either.
    const r = await push(c, srv.url, [`${bad}:refs/heads/main`], { args: ['-o', 'pushgate.skip', '-o', 'secret_scanning.skip'] });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('PUSH REJECTED by pushgate');
    expect(r.stderr).toContain(`commit  ${bad.slice(0, 10)}  Add deploy config`);
    expect(r.stderr).toContain('deploy.env:1');
    expect(r.stderr).toContain(token.slice(0, 8) + '***');
    expect(r.stderr).not.toContain(token);
    expect(refOf(srv.repo, 'refs/heads/main')).toBe(base);
    expect(hasObject(srv.repo, bad)).toBe(false);

    // The daemon made both decisions (the in-process fallback would not log here), and logged no secret.
    const decisions = daemon.log().split('\n').filter((l) => l.includes('"push scanned"'));
    expect(decisions.some((l) => l.includes('"accepted"'))).toBe(true);
    expect(decisions.some((l) => l.includes('"rejected"'))).toBe(true);
    expect(daemon.log()).not.toContain(token);
    expect(daemon.log()).not.toContain(token.slice(8));
  });

  it('refuses to start a second daemon on a live socket, and replaces a dead one', async () => {
    const second = spawn(process.execPath, [BIN, 'hook', 'daemon', '--socket', socket], { env: pushEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    second.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    const code = await new Promise<number | null>((ok) => second.on('close', ok));
    expect(code).toBe(2);
    expect(err).toContain('HOOK_DAEMON_RUNNING');

    // A socket file left behind by a daemon that was killed is not a reason to refuse.
    const stale = join(tempDir('pushgate-stale-'), 'hook.sock');
    const killed = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(stale)}, () => process.kill(process.pid, 'SIGKILL'))`]);
    await new Promise((ok) => killed.on('close', ok));
    expect(existsSync(stale)).toBe(true);
    const restarted = await startScanDaemon({ socketPath: stale, binPath: BIN });
    await restarted.close();
    expect(existsSync(stale)).toBe(false);
  });

  it('parses only well-formed requests', () => {
    const ok = parseRequest(Buffer.from([PROTOCOL, '/srv/repo.git', 'a b refs/heads/main\n', 'GIT_DIR=.', 'X=a=b', ''].join('\0')));
    expect(ok).toEqual({ cwd: '/srv/repo.git', stdin: 'a b refs/heads/main\n', env: { GIT_DIR: '.', X: 'a=b' } });
    expect(parseRequest(Buffer.from(['pushgate-hook/0', '/x', '', ''].join('\0')))).toBeNull();
    expect(parseRequest(Buffer.from([PROTOCOL, '/x', 'stdin', 'NOEQUALS', ''].join('\0')))).toBeNull();
    // Cut off before the final NUL: the client died mid-request.
    expect(parseRequest(Buffer.from([PROTOCOL, '/x', 'stdin', 'A=1'].join('\0')))).toBeNull();
  });
});

describe('pre-receive when no trusted daemon answers', () => {
  it('scans in process when no daemon listens', async () => {
    const socket = join(tempDir('pushgate-nodaemon-'), 'run', 'hook.sock');
    const srv = await server(socket);
    const c = client();
    const clean = c.commit({ files: { 'a.txt': 'hello\n' }, message: 'clean' });
    expect((await push(c, srv.url, [`${clean}:refs/heads/main`])).code).toBe(0);
    const bad = c.commit({ files: { 'b.txt': `token: ${githubToken()}\n` }, message: 'leak' });
    const r = await push(c, srv.url, [`${bad}:refs/heads/main`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('PUSH REJECTED by pushgate');
    expect(refOf(srv.repo, 'refs/heads/main')).toBe(clean);
  });

  it('never lets a listener in a directory others can write to approve a push', async () => {
    const dir = join(tempDir('pushgate-unsafe-'), 'run');
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    const socket = join(dir, 'hook.sock');
    // Whoever could write there could put this in the daemon's place: it approves everything.
    await fakeListener(socket, (conn) => conn.end('0\n'));
    const srv = await server(socket);
    const c = client();
    const bad = c.commit({ files: { 'b.txt': `token: ${githubToken()}\n` }, message: 'leak' });
    const r = await push(c, srv.url, [`${bad}:refs/heads/main`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('PUSH REJECTED by pushgate');
    expect(refOf(srv.repo, 'refs/heads/main')).toBeUndefined();
  });

  it.each([
    ['answers nothing within the time budget', null, 'did not answer within the time budget'],
    ['closes the connection without a decision', (conn: Socket) => conn.end(), 'gave no decision'],
    ['answers something that is not a decision', (conn: Socket) => conn.end('yes\n'), 'gave no decision'],
  ] as const)('rejects a clean push when the daemon %s', async (_label, reply, message) => {
    const dir = join(tempDir('pushgate-broken-'), 'run');
    mkdirSync(dir, { mode: 0o700 });
    const socket = join(dir, 'hook.sock');
    await fakeListener(socket, reply);
    chmodSync(socket, 0o600);
    const srv = await server(socket);
    const c = client();
    const clean = c.commit({ files: { 'a.txt': 'hello\n' }, message: 'clean' });
    const r = await push(c, srv.url, [`${clean}:refs/heads/main`], { env: { PUSHGATE_HOOK_TIMEOUT_MS: '500' } });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('push rejected');
    expect(refOf(srv.repo, 'refs/heads/main')).toBeUndefined();
  });
});
