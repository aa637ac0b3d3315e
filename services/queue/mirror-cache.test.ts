import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SecretValue } from '../../scanner/secret-value.js';
import { GitRepo } from '../../test/support/git-repo.js';
import { fetchEnvironment, MirrorCache } from './mirror-cache.js';
import { mirrorName, parseRepositorySource } from './repository-source.js';

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
    const cache = new MirrorCache({ root: workRoot() });
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
    const cache = new MirrorCache({ root: workRoot() });
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
    const cache = new MirrorCache({ root, maxIdleMs: 0 });
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
    const cache = new MirrorCache({ root });
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
    const cache = new MirrorCache({ root: workRoot() });
    // Port 9 (discard) on loopback: nothing listens, the connection is refused.
    await expect(cache.use(parseRepositorySource('http://127.0.0.1:9/acme/app.git'), { update: { kind: 'all' } }, async () => {})).rejects.toMatchObject({
      code: 'FETCH_FAILED',
      permanent: false,
    });
  });

  it('drops a mirror the scan found corrupt, keeps it after other failures', async () => {
    const repo = sourceRepo();
    const root = workRoot();
    const cache = new MirrorCache({ root });
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
    const cache = new MirrorCache({ root: workRoot() });
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
    const cache = new MirrorCache({ root, maxIdleMs: 60_000, lockWaitMs: 5_000 });
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
    const env = fetchEnvironment(parseRepositorySource('https://github.example.com/acme/app.git'), credentials);
    expect(env['GIT_CONFIG_COUNT']).toBe('1');
    expect(env['GIT_CONFIG_KEY_0']).toBe('http.https://github.example.com/.extraHeader');
    expect(env['GIT_CONFIG_VALUE_0']).toBe(`Authorization: Basic ${Buffer.from('x-access-token:not-a-real-token-value').toString('base64')}`);
    expect(env['GIT_ALLOW_PROTOCOL']).toBe('file:git:http:https:ssh');
    expect(env['GIT_TERMINAL_PROMPT']).toBe('0');
    const ssh = fetchEnvironment(parseRepositorySource('git@github.example.com:acme/app.git'), credentials);
    expect(ssh['GIT_CONFIG_COUNT']).toBeUndefined();
    expect(JSON.stringify(ssh)).not.toContain('not-a-real-token-value');
  });
});
