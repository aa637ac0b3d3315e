import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addressClass } from './address-class.js';
import { parseRepositorySource } from './repository-source.js';
import { canonicalHost, parseAllowList, RepositoryPolicy, type HostLookup } from './repository-policy.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A resolver that knows only these names (the tests never reach real DNS). */
function fakeDns(table: Record<string, string[]>): HostLookup {
  return async (host) => {
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address }));
  };
}

const DNS = fakeDns({
  'github.com': ['140.82.112.3'],
  'gitlab.example.org': ['2606:4700::6810:84e5', '104.16.132.229'],
  'split.example.org': ['104.16.132.229', '10.0.0.7'],
  'metadata.google.internal': ['169.254.169.254'],
  'rebind.example.org': ['127.0.0.1'],
  'cgnat.example.org': ['100.100.100.200'],
  'nat64.example.org': ['64:ff9b::a00:1'],
  'git.corp.example': ['10.1.2.3'],
});

const check = (policy: RepositoryPolicy, repository: string) => policy.check(parseRepositorySource(repository));
const refusal = async (policy: RepositoryPolicy, repository: string): Promise<string> => {
  try {
    await check(policy, repository);
  } catch (err) {
    expect(err).toMatchObject({ code: 'REPOSITORY_NOT_ALLOWED', permanent: true });
    return (err as Error).message;
  }
  throw new Error(`${repository} was allowed`);
};

describe('addressClass', () => {
  it.each([
    ['140.82.112.3', 'public'],
    ['2606:4700::6810:84e5', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['10.20.30.40', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['fd00:ec2::254', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.100.100.200', 'carrier-grade NAT'],
    ['192.0.0.192', 'reserved'],
    ['224.0.0.251', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['203.0.113.9', 'documentation'],
    ['2001:db8::1', 'documentation'],
    ['2001:0:4136:e378::1', 'reserved'],
    ['2002:7f00:1::', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:8c52:7003', 'public'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['64:ff9b::8c52:7003', 'public'],
    ['github.com', 'not an IP address'],
  ])('%s is %s', (address, kind) => {
    expect(addressClass(address)).toBe(kind);
  });
});

describe('canonicalHost', () => {
  it('writes IPv4 in every spelling as dotted decimal and refuses zone ids and odd names', () => {
    for (const spelling of ['127.0.0.1', '0x7f.1', '2130706433', '017700000001', '0x7f000001', '127.1']) expect(canonicalHost(spelling)).toBe('127.0.0.1');
    expect(canonicalHost('[::ffff:127.0.0.1]')).toBe('::ffff:7f00:1');
    expect(canonicalHost('GitHub.com')).toBe('github.com');
    expect(canonicalHost('fe80::1%eth0')).toBeUndefined();
    expect(canonicalHost('a b')).toBeUndefined();
    expect(canonicalHost('host;id')).toBeUndefined();
    expect(canonicalHost('-oProxyCommand=x')).toBeUndefined();
  });
});

describe('parseAllowList', () => {
  it('reads path prefixes, URL prefixes and host names, and names what it cannot read', () => {
    const { rules, problems } = parseAllowList(' /srv/git/ , file:///data/repos,http://Git.Corp:8080/team , git.corp.example,10.1.2.3,[fd00::1], ftp://x/, not a host, https://u:p@h/ ');
    expect(rules).toEqual([
      { kind: 'path', prefix: '/srv/git' },
      { kind: 'path', prefix: '/data/repos' },
      { kind: 'url', prefix: 'http://git.corp:8080/team' },
      { kind: 'host', host: 'git.corp.example' },
      { kind: 'host', host: '10.1.2.3' },
      { kind: 'host', host: 'fd00::1' },
    ]);
    expect(problems).toEqual([
      '"ftp://x/": scheme ftp: is not a git transport pushgate fetches with',
      '"not a host": neither an absolute path, a URL nor a host name',
      '"https://u:p@h/": a URL prefix must not carry a password, a query or a fragment',
    ]);
    expect(parseAllowList(undefined)).toEqual({ rules: [], problems: [] });
  });
});

describe('RepositoryPolicy, by default', () => {
  const policy = new RepositoryPolicy([], DNS);

  it('allows https and ssh to public hosts, and pins the address it checked', async () => {
    expect(await check(policy, 'https://github.com/acme/app.git')).toEqual({ protocol: 'https', pin: { host: 'github.com', port: 443, address: '140.82.112.3' } });
    expect(await check(policy, 'git@github.com:acme/app.git')).toEqual({ protocol: 'ssh', pin: { host: 'github.com', port: 22, address: '140.82.112.3' } });
    expect(await check(policy, 'ssh://git@GitHub.com:2222/acme/app.git')).toEqual({ protocol: 'ssh', pin: { host: 'github.com', port: 2222, address: '140.82.112.3' } });
    expect(await check(policy, 'https://gitlab.example.org/acme/app.git')).toMatchObject({ pin: { address: '2606:4700::6810:84e5' } });
    expect(await check(policy, 'https://140.82.112.3/acme/app.git')).toMatchObject({ pin: { host: '140.82.112.3', address: '140.82.112.3' } });
  });

  it('refuses local paths, file, git and plain http', async () => {
    expect(await refusal(policy, '/srv/other.git')).toMatch(/local paths are not allowed.*PUSHGATE_REPOSITORY_ALLOW/);
    expect(await refusal(policy, 'file:///srv/other.git')).toMatch(/local paths are not allowed/);
    expect(await refusal(policy, 'git://github.com/acme/app.git')).toMatch(/git:\/\/ is not allowed by default/);
    expect(await refusal(policy, 'http://github.com/acme/app.git')).toMatch(/http:\/\/ is not allowed by default/);
  });

  it.each([
    ['https://127.0.0.1/a.git', 'loopback'],
    ['https://0x7f.1/a.git', 'loopback'],
    ['https://2130706433/a.git', 'loopback'],
    ['https://017700000001/a.git', 'loopback'],
    ['ssh://0x7f000001/a.git', 'loopback'],
    ['https://[::1]/a.git', 'loopback'],
    ['https://[::ffff:127.0.0.1]/a.git', 'loopback'],
    ['https://[::ffff:a9fe:a9fe]/latest', 'link-local'],
    ['https://169.254.169.254/latest/meta-data', 'link-local'],
    ['ssh://git@169.254.169.254/x', 'link-local'],
    ['git@10.0.0.1:acme/app.git', 'private'],
    ['https://192.168.0.10:8443/a.git', 'private'],
    ['https://metadata.google.internal/computeMetadata', 'link-local'],
    ['https://rebind.example.org/a.git', 'loopback'],
    ['https://cgnat.example.org/a.git', 'carrier-grade NAT'],
    ['https://nat64.example.org/a.git', 'private'],
    ['https://split.example.org/a.git', 'private'],
    ['https://[ff02::1]/a.git', 'multicast'],
    ['https://0.0.0.0/a.git', 'unspecified'],
  ])('refuses %s (%s)', async (repository, kind) => {
    expect(await refusal(policy, repository)).toContain(`a ${kind} address`);
  });

  it('refuses a host that does not resolve, without the resolver\'s words', async () => {
    const message = await refusal(policy, 'https://nowhere.example.org/a.git');
    expect(message).toBe('repository not allowed: nowhere.example.org does not resolve');
  });

  it('refuses a resolver that never answers within its time', async () => {
    const hanging = new RepositoryPolicy([], () => new Promise(() => {}), 200);
    const started = Date.now();
    expect(await refusal(hanging, 'https://slow.example.org/a.git')).toContain('does not resolve');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('RepositoryPolicy, with PUSHGATE_REPOSITORY_ALLOW', () => {
  it('a host rule opens https and ssh to that host at any address, and nothing else', async () => {
    const policy = new RepositoryPolicy(parseAllowList('git.corp.example').rules, DNS);
    expect(await check(policy, 'https://git.corp.example/team/app.git')).toEqual({ protocol: 'https', pin: { host: 'git.corp.example', port: 443, address: '10.1.2.3' } });
    expect(await check(policy, 'git@git.corp.example:team/app.git')).toMatchObject({ protocol: 'ssh' });
    expect(await refusal(policy, 'http://git.corp.example/team/app.git')).toMatch(/http:\/\//);
    expect(await refusal(policy, 'https://rebind.example.org/a.git')).toContain('loopback');
  });

  it('a URL rule opens what it names, at a path boundary', async () => {
    const policy = new RepositoryPolicy(parseAllowList('http://127.0.0.1:8080/team,git://git.corp.example/').rules, DNS);
    expect(await check(policy, 'http://127.0.0.1:8080/team/app.git')).toEqual({ protocol: 'http', pin: { host: '127.0.0.1', port: 8080, address: '127.0.0.1' } });
    expect(await check(policy, 'git://git.corp.example/app.git')).toEqual({ protocol: 'git' });
    expect(await refusal(policy, 'http://127.0.0.1:8080/teammate/app.git')).toMatch(/http:\/\//);
    expect(await refusal(policy, 'http://127.0.0.1:8081/team/app.git')).toMatch(/http:\/\//);
    expect(await refusal(policy, 'https://127.0.0.1:8080/team/app.git')).toContain('loopback');
  });

  it('a path rule opens local repositories beneath it, symbolic links resolved', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pushgate-policy-'));
    dirs.push(root);
    const allowed = join(root, 'allowed');
    const outside = join(root, 'outside');
    mkdirSync(join(allowed, 'app.git'), { recursive: true });
    mkdirSync(join(outside, 'secret.git'), { recursive: true });
    symlinkSync(join(outside, 'secret.git'), join(allowed, 'link.git'));
    symlinkSync(outside, join(allowed, 'dir-link'));
    const policy = new RepositoryPolicy(parseAllowList(allowed).rules, DNS);

    expect(await check(policy, join(allowed, 'app.git'))).toEqual({ protocol: 'file' });
    expect(await check(policy, `file://${join(allowed, 'app.git')}`)).toEqual({ protocol: 'file' });
    // Not there yet: allowed (the fetch then fails with REPOSITORY_NOT_FOUND), judged by its nearest real ancestor.
    expect(await check(policy, join(allowed, 'later', 'new.git'))).toEqual({ protocol: 'file' });
    expect(await refusal(policy, join(outside, 'secret.git'))).toContain('outside the directories');
    expect(await refusal(policy, `${allowed}/../outside/secret.git`)).toContain('outside the directories');
    expect(await refusal(policy, `${allowed}-sibling/app.git`)).toContain('outside the directories');
    expect(await refusal(policy, join(allowed, 'link.git'))).toContain('symbolic link');
    expect(await refusal(policy, join(allowed, 'dir-link', 'secret.git'))).toContain('symbolic link');
    expect(await refusal(policy, join(allowed, 'dir-link', 'not-yet.git'))).toContain('symbolic link');
  });
});
