import { describe, expect, it } from 'vitest';
import { useTestRedis } from '../../test/support/redis.js';
import { SecretValue } from '../../scanner/secret-value.js';
import { AuditLog } from '../audit/audit-log.js';
import { roleAllows } from './roles.js';
import { TokenStore, tokenHash } from './token-store.js';

const redis = useTestRedis();
const actor = { kind: 'cli', id: 'tester' } as const;

function stores(): { tokens: TokenStore; audit: AuditLog } {
  const audit = new AuditLog({ redis: redis.client(), prefix: redis.prefix() });
  return { tokens: new TokenStore({ redis: redis.client(), prefix: redis.prefix(), audit }), audit };
}

describe('token store', () => {
  it('mints tokens, stores only their hash, authenticates and revokes them, auditing each change', async () => {
    const { tokens, audit } = stores();
    const { token, info } = await tokens.mint({ role: 'ingest', label: 'ci runner', actor });
    const value = token.reveal();
    expect(value).toMatch(/^pgt_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify({ token })).not.toContain(value);
    expect(info).toMatchObject({ role: 'ingest', label: 'ci runner', createdBy: 'cli:tester' });

    expect(await tokens.authenticate(value)).toEqual({ tokenId: info.id, role: 'ingest', label: 'ci runner' });
    expect(await tokens.authenticate(`${value}x`)).toBeNull();
    expect(await tokens.authenticate('short')).toBeNull();

    const c = redis.client();
    const keys = await c.keys(`${redis.prefix()}*`);
    expect(keys).toContain(`${redis.prefix()}token:${tokenHash(value)}`);
    for (const k of keys) {
      const type = await c.type(k);
      const dump = type === 'hash' ? JSON.stringify(await c.hgetall(k)) : type === 'stream' ? JSON.stringify(await c.xrange(k, '-', '+')) : type === 'string' ? await c.get(k) : '';
      expect(dump).not.toContain(value);
    }

    expect((await tokens.list()).map((t) => t.id)).toEqual([info.id]);
    await tokens.revoke(info.id, actor);
    expect(await tokens.authenticate(value)).toBeNull();
    expect(await tokens.list()).toEqual([]);
    await expect(tokens.revoke(info.id, actor)).rejects.toMatchObject({ code: 'TOKEN_NOT_FOUND' });
    await expect(tokens.mint({ role: 'root', actor })).rejects.toMatchObject({ code: 'TOKEN_ROLE_INVALID' });

    const entries = (await audit.list()).reverse().map((r) => [r.entry.action, r.entry.target?.id, r.entry.actor.id]);
    expect(entries).toEqual([
      ['token.create', info.id, 'tester'],
      ['token.revoke', info.id, 'tester'],
    ]);
    expect(await audit.verify()).toMatchObject({ ok: true, entries: 2 });
  });

  it('bootstraps the admin token from the config and rotates it when the variable changes', async () => {
    const { tokens, audit } = stores();
    const first = new SecretValue('a'.repeat(20) + 'first-admin-token-value');
    const second = new SecretValue('b'.repeat(20) + 'second-admin-token-value');
    expect(await tokens.bootstrapAdmin(first)).toEqual({ changed: true });
    expect(await tokens.bootstrapAdmin(first)).toEqual({ changed: false });
    expect(await tokens.authenticate(first.reveal())).toMatchObject({ tokenId: 'bootstrap', role: 'admin' });
    expect(await tokens.bootstrapAdmin(second)).toEqual({ changed: true });
    expect(await tokens.authenticate(first.reveal())).toBeNull();
    expect(await tokens.authenticate(second.reveal())).toMatchObject({ role: 'admin' });
    expect((await audit.list()).map((r) => r.entry.action)).toEqual(['token.bootstrap', 'token.bootstrap']);
  });

  it('grants each role only its permissions', () => {
    expect(roleAllows('admin', 'tokens:manage')).toBe(true);
    expect(roleAllows('triage', 'tokens:manage')).toBe(false);
    expect(roleAllows('triage', 'findings:triage')).toBe(true);
    expect(roleAllows('ingest', 'events:write')).toBe(true);
    expect(roleAllows('ingest', 'findings:read')).toBe(false);
    expect(roleAllows('read-only', 'findings:read')).toBe(true);
    expect(roleAllows('read-only', 'events:write')).toBe(false);
    expect(roleAllows('read-only', 'scan:run')).toBe(false);
  });
});
