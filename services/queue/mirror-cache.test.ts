import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { startHttpBackend } from '../../test/support/git-server.js';
import { afterAll, describe, expect, it } from 'vitest';
import { SecretValue } from '../../scanner/secret-value.js';
import { GitRepo } from '../../test/support/git-repo.js';
import { localRepositoryPolicy } from '../../test/support/repository-policy.js';
import { fetchEnvironment, MirrorCache } from './mirror-cache.js';
import { QueueError } from './queue-error.js';
import { RepositoryPolicy } from './repository-policy.js';
import { mirrorName, parseRepositorySource } from './repository-source.js';

// Local repositories under the temp directory, and the one loopback URL the network-failure case needs.
const policy = localRepositoryPolicy({ kind: 'url', prefix: 'http://127.0.0.1:9/' });
const roots: string[] = [];
const repos: GitRepo[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
  for (const r of repos) r.dispose();
});

function workRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pushgate-mirrors-'));
  roots.push(dir);
  return dir;
}

function sourceRepo(): GitRepo {
  const repo = GitRepo.create({ bare: true });
  repos.push(repo);
  repo.commit({ files: { 'README.md': 'hello\n' } });
  return repo;
}

const refs = (gitDir: string): string => spawnSync('git', ['--git-dir', gitDir, 'for-each-ref', '--format=%(refname) %(objectname)'], { encoding: 'utf8' }).stdout;
const listing = (root: string): string[] => ['mirrors', 'tmp'].flatMap((d) => (existsSync(join(root, d)) ? readdirSync(join(root, d)).map((e) => `${d}/${e}`) : []));

describe('MirrorCache', () => {
  it('clones a mirror once and fetches into it afterwards', async () => {
    const repo = sourceRepo();
    const cache = new MirrorCache({ root: workRoot(), policy });
    const source = parseRepositorySource(repo.path);
    const first = await cache.use(source, { update: { kind: 'all' } }, async (m) => ({ how: m.how, refs: refs(m.gitDir) }));
    expect(first.how).toBe('clone');
    expect(first.refs).toBe(`refs/heads/main ${repo.tip('main')}\n`);

    const next = repo.commit({ files: { 'a.txt': 'a\n' }, branch: 'topic' });
    const second = await cache.use(source, { update: { kind: 'all' } }, async (m) => ({ how: m.how, refs: refs(m.gitDir) }));
    expect(second.how).toBe('fetch');
    expect(second.refs).toBe(`refs/heads/main ${repo.tip('main')}\nrefs/heads/topic ${next}\n`);
  });

  it('fetches only the pushed ref into an existing mirror', async () => {
    const repo = sourceRepo();
    const cache = new MirrorCache({ root: workRoot(), policy });
    const source = parseRepositorySource(`file://${repo.path}`);
    await cache.use(source, { update: { kind: 'all' } }, async () => {});
    const pushed = repo.commit({ files: { 'a.txt': 'a\n' }, branch: 'feature' });
    repo.commit({ files: { 'b.txt': 'b\n' }, branch: 'other' });
    const seen = await cache.use(source, { update: { kind: 'ref', ref: 'refs/heads/feature', want: [pushed] } }, async (m) => refs(m.gitDir));
    expect(seen).toContain(`refs/heads/feature ${pushed}`);
    expect(seen).not.toContain('refs/heads/other');
  });

  it('with maxIdleMs 0 leaves nothing behind, after success and after failure', async () => {
    const repo = sourceRepo();
    const root = workRoot();
    const cache = new MirrorCache({ root, maxIdleMs: 0, policy });
    await cache.use(parseRepositorySource(repo.path), { update: { kind: 'all' } }, async (m) => expect(existsSync(m.gitDir)).toBe(true));
    expect(listing(root)).toEqual([]);
    await expect(
      cache.use(parseRepositorySource(repo.path), { update: { kind: 'all' } }, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(listing(root)).toEqual([]);
  });

  it('a repository that does not exist fails with REPOSITORY_NOT_FOUND and leaves no clone', async () => {
    const root = workRoot();
    const cache = new MirrorCache({ root, policy });
    const missing = join(root, 'no-such-repo.git');
    await expect(cache.use(parseRepositorySource(missing), { update: { kind: 'all' } }, async () => {})).rejects.toMatchObject({
      code: 'REPOSITORY_NOT_FOUND',
      permanent: true,
    });
    await expect(cache.use(parseRepositorySource(`file://${missing}`), { update: { kind: 'all' } }, async () => {})).rejects.toMatchObject({
      code: 'REPOSITORY_NOT_FOUND',
    });
    const notRepo = mkdtempSync(join(root, 'plain-dir-'));
    await expect(cache.use(parseRepositorySource(notRepo), { update: { kind: 'all' } }, async () => {})).rejects.toMatchObject({ code: 'REPOSITORY_NOT_FOUND' });
    expect(listing(root)).toEqual([]);
  });

  it('a network failure is FETCH_FAILED (retried), not permanent', async () => {
    const cache = new MirrorCache({ root: workRoot(), policy });
    // Port 9 (discard) on loopback: nothing listens, the connection is refused.
    await expect(cache.use(parseRepositorySource('http://127.0.0.1:9/acme/app.git'), { update: { kind: 'all' } }, async () => {})).rejects.toMatchObject({
      code: 'FETCH_FAILED',
      permanent: false,
    });
  });

  it('drops a mirror the scan found corrupt, keeps it after other failures', async () => {
    const repo = sourceRepo();
    const root = workRoot();
    const cache = new MirrorCache({ root, policy });
    const source = parseRepositorySource(repo.path);
    const gitDir = join(root, 'mirrors', `${mirrorName(source)}.git`);
    const fail = (code: string) => async () => {
      throw Object.assign(new Error(code), { code });
    };
    await expect(cache.use(source, { update: { kind: 'all' } }, fail('STORE_DOWN'))).rejects.toThrow();
    expect(existsSync(gitDir)).toBe(true);
    await expect(cache.use(source, { update: { kind: 'all' } }, fail('REPOSITORY_CORRUPT'))).rejects.toThrow();
    expect(existsSync(gitDir)).toBe(false);
  });

  it('lets one job at a time use a mirror', async () => {
    const repo = sourceRepo();
    const cache = new MirrorCache({ root: workRoot(), policy });
    const source = parseRepositorySource(repo.path);
    const events: string[] = [];
    const job = (name: string) =>
      cache.use(source, { update: { kind: 'all' } }, async () => {
        events.push(`${name} start`);
        await new Promise((r) => setTimeout(r, 200));
        events.push(`${name} end`);
      });
    await Promise.all([job('a'), job('b')]);
    expect(events).toHaveLength(4);
    expect(events[1]).toBe(`${events[0]!.split(' ')[0]} end`);
  });

  it('takes over locks and clones of dead processes; sweep removes idle mirrors', async () => {
    const repo = sourceRepo();
    const root = workRoot();
    const cache = new MirrorCache({ root, maxIdleMs: 60_000, lockWaitMs: 5_000, policy });
    const source = parseRepositorySource(repo.path);
    const name = mirrorName(source);
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    mkdirSync(join(root, 'mirrors', `${name}.lock`), { recursive: true });
    writeFileSync(join(root, 'mirrors', `${name}.lock`, 'owner'), `${hostname()} ${dead} 0000\n`);
    mkdirSync(join(root, 'tmp', 'leftover', 'mirror.git'), { recursive: true });
    writeFileSync(join(root, 'tmp', 'leftover', 'owner'), `${hostname()} ${dead} 0000\n`);
    // A live process's lock is respected.
    mkdirSync(join(root, 'mirrors', 'other.lock'));
    writeFileSync(join(root, 'mirrors', 'other.lock', 'owner'), `${hostname()} ${process.ppid} 0000\n`);

    await cache.use(source, { update: { kind: 'all' } }, async () => {});
    expect(await cache.sweep()).toBe(0);
    expect(listing(root).sort()).toEqual([`mirrors/${name}.git`, 'mirrors/other.lock']);

    const old = new Date(Date.now() - 120_000);
    utimesSync(join(root, 'mirrors', `${name}.git`), old, old);
    expect(await cache.sweep()).toBe(1);
    expect(listing(root)).toEqual(['mirrors/other.lock']);
  });

  it('hands credentials to git as an origin-scoped header in the environment, never for other transports', () => {
    const credentials = { username: 'x-access-token', password: new SecretValue('not-a-real-token-value') };
    const pin = { host: 'github.example.com', port: 443, address: '140.82.112.3' };
    const env = fetchEnvironment(parseRepositorySource('https://github.example.com/acme/app.git'), { protocol: 'https', pin }, credentials);
    const settings = Object.fromEntries(Array.from({ length: Number(env['GIT_CONFIG_COUNT']) }, (_, i) => [env[`GIT_CONFIG_KEY_${i}`], env[`GIT_CONFIG_VALUE_${i}`]]));
    expect(settings).toEqual({
      'http.followRedirects': 'false',
      'http.curloptResolve': 'github.example.com:443:140.82.112.3',
      'http.https://github.example.com/.extraHeader': `Authorization: Basic ${Buffer.from('x-access-token:not-a-real-token-value').toString('base64')}`,
    });
    expect(env['GIT_ALLOW_PROTOCOL']).toBe('https');
    expect(env['GIT_TERMINAL_PROMPT']).toBe('0');
    const ssh = fetchEnvironment(parseRepositorySource('git@github.example.com:acme/app.git'), { protocol: 'ssh', pin: { ...pin, port: 22, address: '2001:4860::1' } }, credentials);
    expect(ssh['GIT_CONFIG_COUNT']).toBeUndefined();
    expect(ssh['GIT_ALLOW_PROTOCOL']).toBe('ssh');
    expect(ssh['GIT_SSH_COMMAND']).toMatch(/ -o HostName=2001:4860::1 -o HostKeyAlias=github\.example\.com$/);
    expect(JSON.stringify(ssh)).not.toContain('not-a-real-token-value');
  });

  it('connects to the address the policy checked, not to what the resolver says at fetch time', async () => {
    const repo = sourceRepo();
    const server = await startHttpBackend(dirname(repo.path), process.env);
    try {
      const port = Number(new URL(server.url('x')).port);
      // No resolver knows git.pinned.test: the clone works only because git connects to the pinned address.
      const pinned = new RepositoryPolicy([{ kind: 'host', host: 'git.pinned.test' }, { kind: 'url', prefix: `http://git.pinned.test:${port}/` }], async () => [{ address: '127.0.0.1' }]);
      const cache = new MirrorCache({ root: workRoot(), policy: pinned });
      const url = `http://git.pinned.test:${port}/${basename(repo.path)}`;
      const seen = await cache.use(parseRepositorySource(url), { update: { kind: 'all' } }, async (m) => refs(m.gitDir));
      expect(seen).toBe(`refs/heads/main ${repo.tip('main')}\n`);
    } finally {
      await server.close();
    }
  });

  it('refuses redirects and never echoes what the remote sent', async () => {
    const banner = `remote-banner-${randomBytes(6).toString('hex')}`;
    const redirector = createServer((req, res) => {
      res.writeHead(302, { location: `http://169.254.169.254/latest/meta-data${req.url ?? ''}`, 'content-type': 'text/plain' });
      res.end(banner);
    });
    await new Promise<void>((r) => redirector.listen(0, '127.0.0.1', r));
    // A raw TCP service that answers anything with its own bytes (the port-scanning oracle the policy closes).
    const sockets = new Set<Socket>();
    const chatty = createNetServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.end(`${banner}\n`);
    });
    await new Promise<void>((r) => chatty.listen(0, '127.0.0.1', r));
    try {
      const redirectPort = (redirector.address() as AddressInfo).port;
      const chattyPort = (chatty.address() as AddressInfo).port;
      const open = new RepositoryPolicy([
        { kind: 'url', prefix: `http://127.0.0.1:${redirectPort}/` },
        { kind: 'url', prefix: `git://127.0.0.1:${chattyPort}/` },
        { kind: 'url', prefix: `http://127.0.0.1:${chattyPort}/` },
      ]);
      const cache = new MirrorCache({ root: workRoot(), policy: open });
      const failure = async (url: string): Promise<QueueError> => {
        try {
          await cache.use(parseRepositorySource(url), { update: { kind: 'all' } }, async () => {});
        } catch (err) {
          return err as QueueError;
        }
        throw new Error(`${url} was fetched`);
      };
      const redirected = await failure(`http://127.0.0.1:${redirectPort}/acme/app.git`)
      expect(redirected).toMatchObject({ code: 'REPOSITORY_NOT_ALLOWED', permanent: true });
      expect(redirected.message).toContain('redirect');
      for (const url of [`git://127.0.0.1:${chattyPort}/acme/app.git`, `http://127.0.0.1:${chattyPort}/acme/app.git`]) {
        const err = await failure(url);
        expect(err).toBeInstanceOf(QueueError);
        expect(err.message).not.toContain(banner);
        expect(JSON.stringify(err)).not.toContain(banner);
        expect(err.cause).toBeUndefined();
      }
    } finally {
      redirector.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await new Promise((r) => redirector.close(r));
      await new Promise((r) => chatty.close(r));
    }
  });

  it('re-checks the policy before every fetch: a job queued under a looser policy is refused', async () => {
    const repo = sourceRepo();
    const cache = new MirrorCache({ root: workRoot(), policy: new RepositoryPolicy([]) });
    await expect(cache.use(parseRepositorySource(repo.path), { update: { kind: 'all' } }, async () => {})).rejects.toMatchObject({
      code: 'REPOSITORY_NOT_ALLOWED',
      permanent: true,
    });
  });
});
