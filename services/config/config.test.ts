import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { keyId } from '../crypto/secret-box.js';
import { ConfigError } from './config-error.js';
import { DEFAULTS, loadConfig, loadRedisConfig, parseSizeText } from './config.js';

const key = randomBytes(32);
const base = { REDIS_URL: 'redis://127.0.0.1:6379', PUSHGATE_ENCRYPTION_KEY: key.toString('base64') };
const adminToken = randomBytes(32).toString('hex');
const dir = mkdtempSync(join(tmpdir(), 'pushgate-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problemsOf(env: NodeJS.ProcessEnv, needs = {}): Array<{ variable: string; message: string }> {
  try {
    loadConfig(env, needs);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).code).toBe('CONFIG_INVALID');
    return [...(err as ConfigError).problems];
  }
  throw new Error('expected a ConfigError');
}

describe('service config', () => {
  it('applies defaults to a minimal environment', () => {
    const c = loadConfig(base);
    expect(c).toMatchObject({
      redisUrl: base.REDIS_URL,
      redisPrefix: 'pushgate:',
      host: DEFAULTS.host,
      port: 8080,
      workerConcurrency: 4,
      logLevel: 'info',
      scanBodyLimit: 1024 * 1024,
      adminToken: undefined,
      unknownVariables: [],
    });
    expect(c.github).toEqual({ webhookSecrets: [], appId: undefined, appPrivateKey: undefined, apiUrl: 'https://api.github.com' });
    expect(c.keyRing.current.id).toBe(keyId(key));
  });

  it('lists every problem at once, naming variables but never their values', () => {
    const badToken = 'short-admin-token-value';
    const problems = problemsOf({
      REDIS_URL: 'http://cache:6379',
      PUSHGATE_PORT: '70000',
      PUSHGATE_ENCRYPTION_KEY: 'tooshort',
      PUSHGATE_ADMIN_TOKEN: badToken,
      PUSHGATE_WORKER_CONCURRENCY: '0',
      PUSHGATE_LOG_LEVEL: 'loud',
      PUSHGATE_SCAN_BODY_LIMIT: '2 gigabytes',
      GITHUB_WEBHOOK_SECRET_PREVIOUS: 'old-webhook-secret',
      GITHUB_APP_ID: 'abc',
      GITHUB_API_URL: 'ftp://github.example.com',
    });
    expect(problems.map((p) => p.variable).sort()).toEqual(
      [
        'REDIS_URL',
        'PUSHGATE_PORT',
        'PUSHGATE_ENCRYPTION_KEY',
        'PUSHGATE_ADMIN_TOKEN',
        'PUSHGATE_WORKER_CONCURRENCY',
        'PUSHGATE_LOG_LEVEL',
        'PUSHGATE_SCAN_BODY_LIMIT',
        'GITHUB_WEBHOOK_SECRET_PREVIOUS',
        'GITHUB_APP_ID',
        'GITHUB_APP_PRIVATE_KEY',
        'GITHUB_API_URL',
      ].sort(),
    );
    const text = JSON.stringify(problems);
    expect(text).not.toContain(badToken);
    expect(text).not.toContain('old-webhook-secret');
    expect(text).not.toContain('tooshort');
  });

  it('requires REDIS_URL and the encryption key', () => {
    expect(problemsOf({}).map((p) => p.variable)).toEqual(['REDIS_URL', 'PUSHGATE_ENCRYPTION_KEY']);
  });

  it('builds a key ring from the current and previous keys', () => {
    const old1 = randomBytes(32);
    const old2 = randomBytes(32);
    const c = loadConfig({ ...base, PUSHGATE_ENCRYPTION_KEYS_PREVIOUS: `${old1.toString('hex')}, ${old2.toString('base64')}` });
    expect(c.keyRing.current.id).toBe(keyId(key));
    expect(c.keyRing.ids).toEqual([keyId(key), keyId(old1), keyId(old2)]);
    expect(problemsOf({ ...base, PUSHGATE_ENCRYPTION_KEYS_PREVIOUS: `${old1.toString('hex')},nope` })).toEqual([
      { variable: 'PUSHGATE_ENCRYPTION_KEYS_PREVIOUS', message: expect.stringContaining('key 2') },
    ]);
  });

  it('reads the GitHub App key as PEM text (with \\n escapes) or from a path', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const path = join(dir, 'app.pem');
    writeFileSync(path, pem);
    const fromText = loadConfig({ ...base, GITHUB_APP_ID: '12345', GITHUB_APP_PRIVATE_KEY: pem.replace(/\n/g, '\\n') });
    expect(fromText.github.appPrivateKey?.reveal()).toBe(pem);
    const fromPath = loadConfig({ ...base, GITHUB_APP_ID: '12345', GITHUB_APP_PRIVATE_KEY: path });
    expect(fromPath.github.appPrivateKey?.reveal()).toBe(pem);
    expect(fromPath.github.appId).toBe('12345');
    // The config object, logged or serialized, shows no key.
    expect(JSON.stringify(fromPath) + inspect(fromPath, { depth: 10 })).not.toContain(pem.split('\n')[1]!);
    expect(problemsOf({ ...base, GITHUB_APP_ID: '1', GITHUB_APP_PRIVATE_KEY: join(dir, 'missing.pem') })[0]?.variable).toBe('GITHUB_APP_PRIVATE_KEY');
    expect(problemsOf({ ...base, GITHUB_APP_ID: '1', GITHUB_APP_PRIVATE_KEY: `-----BEGIN RSA ${'PRIVATE'} KEY-----\\nAAAA\\n-----END RSA ${'PRIVATE'} KEY-----` })[0]?.message).toMatch(/not a valid PEM/);
  });

  it('keeps webhook secrets in rotation order and checks what a process needs', () => {
    const c = loadConfig({ ...base, GITHUB_WEBHOOK_SECRET: 'current-secret', GITHUB_WEBHOOK_SECRET_PREVIOUS: 'previous-secret', GITHUB_API_URL: 'https://ghe.example.com/api/v3/' });
    expect(c.github.webhookSecrets.map((s) => s.reveal())).toEqual(['current-secret', 'previous-secret']);
    expect(c.github.apiUrl).toBe('https://ghe.example.com/api/v3');
    expect(problemsOf(base, { githubWebhook: true, githubApp: true }).map((p) => p.variable)).toEqual(['GITHUB_WEBHOOK_SECRET', 'GITHUB_APP_ID', 'GITHUB_APP_PRIVATE_KEY']);
  });

  it('parses sizes, the admin token, and warns about unknown PUSHGATE_ variables', () => {
    expect(parseSizeText('512k')).toBe(512 * 1024);
    expect(parseSizeText('4MiB')).toBe(4 * 1024 * 1024);
    expect(parseSizeText('100')).toBe(100);
    expect(parseSizeText('1.5m')).toBeUndefined();
    const c = loadConfig({ ...base, PUSHGATE_SCAN_BODY_LIMIT: '2m', PUSHGATE_ADMIN_TOKEN: adminToken, PUSHGATE_PROT: '1', PUSHGATE_PORT: '0', PUSHGATE_NATIVE: '0', PUSHGATE_REQUIRE_NATIVE: '1' });
    expect(c.scanBodyLimit).toBe(2 * 1024 * 1024);
    expect(c.adminToken?.reveal()).toBe(adminToken);
    expect(JSON.stringify(c)).not.toContain(adminToken);
    expect(c.unknownVariables).toEqual(['PUSHGATE_PROT']);
    expect(c.port).toBe(0);
  });

  it('reads the repository allow list, refuses by default and names entries it cannot read', () => {
    expect(loadConfig(base).repositoryAllow).toEqual([]);
    expect(loadConfig({ ...base, PUSHGATE_REPOSITORY_ALLOW: '/srv/git, git.corp.example' }).repositoryAllow).toEqual([
      { kind: 'path', prefix: '/srv/git' },
      { kind: 'host', host: 'git.corp.example' },
    ]);
    expect(loadConfig({ ...base, PUSHGATE_REPOSITORY_ALLOW: '/srv/git' }).unknownVariables).toEqual([]);
    expect(problemsOf({ ...base, PUSHGATE_REPOSITORY_ALLOW: 'relative/dir' })).toEqual([
      { variable: 'PUSHGATE_REPOSITORY_ALLOW', message: '"relative/dir": neither an absolute path, a URL nor a host name (entries are absolute path prefixes, URL prefixes or host names)' },
    ]);
  });

  it('reads which proxies to trust and the metrics token, and refuses trusting everyone', () => {
    expect(loadConfig(base)).toMatchObject({ trustProxy: false, metricsToken: undefined });
    expect(loadConfig({ ...base, PUSHGATE_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ ...base, PUSHGATE_TRUST_PROXY: '10.0.0.0/8, loopback,::1' }).trustProxy).toEqual(['10.0.0.0/8', 'loopback', '::1']);
    for (const bad of ['true', '0', '10.0.0.0/33', 'proxy.example']) {
      expect(problemsOf({ ...base, PUSHGATE_TRUST_PROXY: bad }).map((p) => p.variable)).toEqual(['PUSHGATE_TRUST_PROXY']);
    }
    const metricsToken = randomBytes(32).toString('hex');
    const c = loadConfig({ ...base, PUSHGATE_METRICS_TOKEN: metricsToken });
    expect(c.metricsToken?.reveal()).toBe(metricsToken);
    expect(JSON.stringify(c)).not.toContain(metricsToken);
    expect(problemsOf({ ...base, PUSHGATE_METRICS_TOKEN: 'short' }).map((p) => p.variable)).toEqual(['PUSHGATE_METRICS_TOKEN']);
  });

  it('loads the Redis settings alone for store-only commands', () => {
    expect(loadRedisConfig({ REDIS_URL: 'rediss://r:6380', PUSHGATE_REDIS_PREFIX: 'pg2:' })).toEqual({ redisUrl: 'rediss://r:6380', redisPrefix: 'pg2:' });
    expect(() => loadRedisConfig({})).toThrow(ConfigError);
  });
});
