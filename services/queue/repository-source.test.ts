import { describe, expect, it } from 'vitest';
import { mirrorName, parseRepositorySource } from './repository-source.js';

describe('parseRepositorySource', () => {
  it('accepts git URLs of the data transports, scp-like ssh and absolute paths', () => {
    expect(parseRepositorySource('https://github.com/acme/app.git')).toMatchObject({ kind: 'url', location: 'https://github.com/acme/app.git', http: true });
    expect(parseRepositorySource('http://127.0.0.1:8080/repo.git')).toMatchObject({ kind: 'url', http: true });
    expect(parseRepositorySource('ssh://git@github.com/acme/app.git')).toMatchObject({ kind: 'url', http: false });
    expect(parseRepositorySource('git://example.com/app.git')).toMatchObject({ kind: 'url', http: false });
    expect(parseRepositorySource('git@github.com:acme/app.git')).toMatchObject({ kind: 'url', location: 'git@github.com:acme/app.git' });
    expect(parseRepositorySource('file:///srv/git/app.git')).toMatchObject({ kind: 'url', location: 'file:///srv/git/app.git', http: false });
    expect(parseRepositorySource('/srv/git/app/../app.git/')).toMatchObject({ kind: 'path', location: '/srv/git/app.git' });
  });

  it('gives one mirror to one repository spelled alike, another to another', () => {
    const a = mirrorName(parseRepositorySource('/srv/git/app.git'));
    expect(mirrorName(parseRepositorySource('/srv/git/app.git/'))).toBe(a);
    expect(mirrorName(parseRepositorySource('file:///srv/git/app.git'))).toBe(a);
    expect(mirrorName(parseRepositorySource('HTTPS://GitHub.com/acme/app.git'))).toBe(mirrorName(parseRepositorySource('https://github.com/acme/app.git')));
    expect(mirrorName(parseRepositorySource('/srv/git/other.git'))).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each([
    ['', 'empty'],
    ['relative/path', 'relative path'],
    ['-uhelp', 'an option'],
    ['ext::sh -c touch% /tmp/pwned', 'a command transport'],
    ['ext::sh', 'a remote-helper transport'],
    ['fd::3', 'an fd transport'],
    ['https://user:hunter2@github.com/acme/app.git', 'a password in the URL'],
    ['https://tokenvalue@github.com/acme/app.git', 'a user name (token) in an http URL'],
    ['ftp://example.com/app.git', 'an ftp URL'],
    ['https://github.com/acme/app.git?x=1', 'a query'],
    ['file://otherhost/srv/app.git', 'a file URL with a host'],
    ['/srv/git/app\nother', 'a newline'],
    ['/srv/git/my app', 'a space'],
    ['/' + 'a'.repeat(1024), 'too long'],
  ])('refuses %j (%s) with REPOSITORY_INVALID', (text) => {
    expect(() => parseRepositorySource(text)).toThrow(expect.objectContaining({ code: 'REPOSITORY_INVALID' }));
  });
});
