import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { githubTokens, testEngine } from '../../test/support/findings.js';
import { useTestRedis } from '../../test/support/redis.js';
import { testEnv } from '../../test/support/service.js';
import { loadConfig } from '../config/config.js';
import { AuditLog } from './audit-log.js';
import { recordConfigLoaded } from './config-audit.js';

const redis = useTestRedis();

describe('config changes in the audit log', () => {
  it('records the first config, nothing when it is unchanged, and names what changed, never a secret', async () => {
    const audit = new AuditLog({ redis: redis.client(), prefix: redis.prefix() });
    const admin = randomBytes(32).toString('hex');
    const [lookalike] = githubTokens('config-audit', 1) as [string];
    const env = testEnv(redis, { PUSHGATE_ADMIN_TOKEN: admin, GITHUB_WEBHOOK_SECRET: 'hook-secret-value-123', GITHUB_API_URL: `https://ghe.example.com/${lookalike}` });
    env['REDIS_URL'] = env['REDIS_URL']!.replace('redis://', 'redis://user:redis-password@');
    const record = (e: NodeJS.ProcessEnv) => recordConfigLoaded({ config: loadConfig(e), redis: redis.client(), audit, engine: testEngine(), process: 'api' });

    expect(await record(env)).toMatchObject({ changed: true });
    expect(await record(env)).toMatchObject({ changed: false });
    expect(await record({ ...env, PUSHGATE_PORT: '9999', PUSHGATE_LOG_LEVEL: 'warn' })).toMatchObject({ changed: true });
    // Workers keep their own record: an API configured differently does not make them look changed.
    expect(await recordConfigLoaded({ config: loadConfig(env), redis: redis.client(), audit, engine: testEngine(), process: 'worker' })).toMatchObject({ changed: true });
    expect(await recordConfigLoaded({ config: loadConfig(env), redis: redis.client(), audit, engine: testEngine(), process: 'worker' })).toMatchObject({ changed: false });

    const entries = (await audit.list()).reverse();
    expect(entries.map((e) => [e.entry.action, e.entry.actor, (e.entry.data as { changed: string[] }).changed])).toEqual([
      ['config.loaded', { kind: 'system', id: 'api' }, ['(first record)']],
      ['config.loaded', { kind: 'system', id: 'api' }, ['logLevel', 'port']],
      ['config.loaded', { kind: 'system', id: 'worker' }, ['(first record)']],
    ]);
    const config = (entries[0]!.entry.data as { config: Record<string, unknown> }).config;
    expect(config).toMatchObject({ adminToken: '[secret]', github: { webhookSecrets: ['[secret]'], apiUrl: '[secret]' }, keyRing: { current: expect.any(String) } });
    const text = JSON.stringify(entries);
    for (const secret of [admin, 'hook-secret-value-123', 'redis-password', lookalike, env['PUSHGATE_ENCRYPTION_KEY']!]) expect(text).not.toContain(secret);
    expect(await audit.verify()).toMatchObject({ ok: true, entries: 3 });
  });
});
