import { describe, expect, it } from 'vitest';
import { useTestRedis } from '../../test/support/redis.js';
import { AuditLog } from '../audit/audit-log.js';
import { TokenStore } from '../auth/token-store.js';
import { auditCommand, EXIT_AUDIT_BROKEN, EXIT_AUDIT_INTACT } from './audit-command.js';
import { tokenCommand } from './token-command.js';

const redis = useTestRedis();

function io(env: NodeJS.ProcessEnv): { io: { stdout: { write(s: string): void }; stderr: { write(s: string): void }; env: NodeJS.ProcessEnv }; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { io: { stdout: { write: (s) => void (out += s) }, stderr: { write: (s) => void (err += s) }, env }, out: () => out, err: () => err };
}

describe('service CLI commands', () => {
  it('token create prints a working token once; list and revoke manage it; each is audited', async () => {
    const env = { REDIS_URL: redis.url(), PUSHGATE_REDIS_PREFIX: redis.prefix() };
    const create = io(env);
    let exit = -1;
    await tokenCommand(create.io, (c) => (exit = c)).parseAsync(['create', '--role', 'ingest', '--label', 'ci'], { from: 'user' });
    expect(exit).toBe(0);
    const token = create.out().trim();
    expect(token).toMatch(/^pgt_/);
    expect(create.err()).toMatch(/^created token tok_[0-9a-f]{16} \(role ingest, ci\)/);
    const store = new TokenStore({ redis: redis.client(), prefix: redis.prefix(), audit: new AuditLog({ redis: redis.client(), prefix: redis.prefix() }) });
    const principal = await store.authenticate(token);
    expect(principal).toMatchObject({ role: 'ingest', label: 'ci' });

    const list = io(env);
    await tokenCommand(list.io, () => {}).parseAsync(['list'], { from: 'user' });
    expect(list.out()).toContain(`${principal!.tokenId}\tingest\t`);
    expect(list.out()).not.toContain(token);

    await tokenCommand(io(env).io, () => {}).parseAsync(['revoke', principal!.tokenId], { from: 'user' });
    expect(await store.authenticate(token)).toBeNull();

    const verify = io(env);
    await auditCommand(verify.io, (c) => (exit = c)).parseAsync(['verify'], { from: 'user' });
    expect(exit).toBe(EXIT_AUDIT_INTACT);
    expect(verify.out()).toBe(`audit log intact: 2 entries, head ${(await new AuditLog({ redis: redis.client(), prefix: redis.prefix() }).list())[0]!.hash}\n`);
  });

  it('audit verify exits 1 and names the entry edited in Redis', async () => {
    const env = { REDIS_URL: redis.url(), PUSHGATE_REDIS_PREFIX: redis.prefix() };
    const audit = new AuditLog({ redis: redis.client(), prefix: redis.prefix() });
    for (let i = 0; i < 3; i++) await audit.append({ action: 'finding.status', actor: { kind: 'system', id: 'test' }, data: { to: 'live' } });
    const c = redis.client();
    const key = `${redis.prefix()}audit`;
    const rows = await c.xrange(key, '-', '+');
    await c.del(key);
    for (const [i, [id, f]] of rows.entries()) await c.xadd(key, id, 'entry', i === 1 ? f[1]!.replace('"live"', '"closed"') : f[1]!, 'hash', f[3]!);
    const run = io(env);
    let exit = -1;
    await auditCommand(run.io, (code) => (exit = code)).parseAsync(['verify'], { from: 'user' });
    expect(exit).toBe(EXIT_AUDIT_BROKEN);
    expect(run.out()).toBe(`audit log BROKEN at entry ${rows[1]![0]} (sequence 2): hash-mismatch: entry ${rows[1]![0]} was changed after it was written; 1 entries before it verify\n`);
  });

  it('fails with a stable code when Redis does not answer', async () => {
    const run = io({ REDIS_URL: 'redis://127.0.0.1:1', PUSHGATE_REDIS_PREFIX: redis.prefix() });
    await expect(tokenCommand(run.io, () => {}).parseAsync(['list'], { from: 'user' })).rejects.toMatchObject({ code: 'REDIS_UNAVAILABLE' });
  });
});
