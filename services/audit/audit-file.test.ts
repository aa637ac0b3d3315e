import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestRedis } from '../../test/support/redis.js';
import { buildTestService, testEnv } from '../../test/support/service.js';
import { loadConfig } from '../config/config.js';
import { auditCommand, EXIT_AUDIT_BROKEN, EXIT_AUDIT_INTACT } from '../cli/audit-command.js';
import { storeKeys } from '../store/keys.js';
import { AuditFileSink } from './audit-file.js';
import { auditHash, AuditLog, GENESIS_HASH, type AuditEntry } from './audit-log.js';
import { canonicalJson } from './canonical-json.js';

/**
 * The attacks `audit verify` could not see while everything it checked lived
 * in Redis: the newest entries deleted and the head moved back, the chain
 * recomputed after an edit, the log wiped; and on the file's side, the file
 * truncated or rewritten, a checkpoint forged.
 */
const redis = useTestRedis();
const dir = mkdtempSync(join(tmpdir(), 'pushgate-audit-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const signingPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

async function writtenLog(entries = 10): Promise<{ prefix: string; file: string; env: NodeJS.ProcessEnv }> {
  const prefix = `${redis.prefix()}${randomBytes(3).toString('hex')}:`;
  const file = join(dir, `${randomBytes(4).toString('hex')}.jsonl`);
  const sink = new AuditFileSink(file, { key: privateKey, every: 3 });
  const audit = new AuditLog({ redis: redis.client(), prefix, file: sink });
  for (let i = 1; i <= entries; i++) await audit.append({ action: 'finding.status', actor: { kind: 'system', id: 'test' }, target: { type: 'finding', id: `f${i}` }, data: { to: 'live' } });
  await sink.close();
  return { prefix, file, env: { REDIS_URL: redis.url(), PUSHGATE_REDIS_PREFIX: prefix, PUSHGATE_AUDIT_FILE: file, PUSHGATE_AUDIT_SIGNING_KEY: signingPem } };
}

async function verify(env: NodeJS.ProcessEnv, args: string[] = []): Promise<{ exit: number; out: string }> {
  let out = '';
  let exit = -1;
  const io = { stdout: { write: (s: string) => void (out += s) }, stderr: { write: () => {} }, env };
  await auditCommand(io, (c) => (exit = c)).parseAsync(['verify', ...args], { from: 'user' });
  return { exit, out };
}

async function streamEntries(prefix: string): Promise<Array<{ id: string; entry: AuditEntry; hash: string }>> {
  const rows = await redis.client().xrange(storeKeys(prefix).auditStream, '-', '+');
  return rows.map(([id, f]) => ({ id, entry: JSON.parse(f[1]!) as AuditEntry, hash: f[3]! }));
}

describe('audit file and signed checkpoints', () => {
  it('writes every entry as a chained JSON line with a signed checkpoint every N entries, and verify agrees', async () => {
    const { env, file } = await writtenLog(10);
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => 'entry' in l).map((l) => l['seq'])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(lines.filter((l) => 'checkpoint' in l).map((l) => (l['checkpoint'] as { seq: number }).seq)).toEqual([3, 6, 9]);
    const result = await verify(env);
    expect(result).toEqual({ exit: EXIT_AUDIT_INTACT, out: expect.stringContaining('audit file agrees with Redis: 10 entries, signed checkpoint at 9 verified') });
    // The public key alone verifies the checkpoints.
    const pub = join(dir, 'audit-public.pem');
    writeFileSync(pub, publicKey.export({ type: 'spki', format: 'pem' }).toString());
    expect((await verify({ ...env, PUSHGATE_AUDIT_SIGNING_KEY: '' }, ['--public-key', pub])).exit).toBe(EXIT_AUDIT_INTACT);
  });

  it('reads the files of several writing processes as one', async () => {
    const { env, file } = await writtenLog(10);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    // The API wrote the odd entries, a worker the even ones, each into its own file.
    const api = join(dir, 'api.jsonl');
    const worker = join(dir, 'worker.jsonl');
    writeFileSync(api, `${lines.filter((_, i) => i % 2 === 0).join('\n')}\n`);
    writeFileSync(worker, `${lines.filter((_, i) => i % 2 === 1).join('\n')}\n`);
    expect((await verify(env, ['--file', api])).out).toContain('are in Redis but missing from the file');
    const both = await verify({ ...env, PUSHGATE_AUDIT_FILE: `${api},${worker}` });
    expect(both.exit).toBe(EXIT_AUDIT_INTACT);
    expect((await verify(env, ['--file', api, worker])).exit).toBe(EXIT_AUDIT_INTACT);
  });

  it('fails, naming them, when the newest entries were deleted from Redis and the head moved back', async () => {
    const { env, prefix } = await writtenLog(10);
    const entries = await streamEntries(prefix);
    const keys = storeKeys(prefix);
    await redis.client().xdel(keys.auditStream, entries[8]!.id, entries[9]!.id);
    await redis.client().hset(keys.auditHead, 'hash', entries[7]!.hash, 'seq', '8', 'id', entries[7]!.id);
    const { exit, out } = await verify(env);
    expect(exit).toBe(EXIT_AUDIT_BROKEN);
    expect(out).toContain('audit log intact: 8 entries'); // what the Redis-only check saw
    expect(out).toContain('entries 9 to 10 are in the file but missing from Redis (removed from the end of the log)');
    expect(out).toContain('the signed checkpoint at sequence 9 does not match Redis');
  });

  it('fails when an entry was edited and the whole chain recomputed in Redis', async () => {
    const { env, prefix } = await writtenLog(10);
    const entries = await streamEntries(prefix);
    const keys = storeKeys(prefix);
    const c = redis.client();
    await c.del(keys.auditStream);
    let prev = GENESIS_HASH;
    for (const [i, e] of entries.entries()) {
      const entry: AuditEntry = { ...e.entry, prev, ...(i === 4 ? { data: { to: 'closed' } } : {}) };
      const hash = auditHash(prev, entry);
      await c.xadd(keys.auditStream, e.id, 'entry', canonicalJson(entry), 'hash', hash);
      prev = hash;
    }
    await c.hset(keys.auditHead, 'hash', prev);
    const { exit, out } = await verify(env);
    expect(exit).toBe(EXIT_AUDIT_BROKEN);
    expect(out).toContain('audit log intact: 10 entries');
    expect(out).toContain('entry 5 differs between Redis and the file (rewritten in Redis)');
    expect(out).toContain('entry 10 differs between Redis and the file');
  });

  it('fails when the Redis log was wiped', async () => {
    const { env, prefix } = await writtenLog(4);
    const keys = storeKeys(prefix);
    await redis.client().del(keys.auditStream, keys.auditHead);
    const { exit, out } = await verify(env);
    expect(exit).toBe(EXIT_AUDIT_BROKEN);
    expect(out).toContain('the Redis audit log is empty but the file holds 4 entries: the log was wiped');
  });

  it('fails when the file was truncated, rewritten, or carries a forged checkpoint', async () => {
    const { env, file } = await writtenLog(10);
    const original = readFileSync(file, 'utf8');
    const lines = original.trim().split('\n');

    writeFileSync(file, `${lines.slice(0, 5).join('\n')}\n`); // entries 1-4 and the checkpoint at 3
    let result = await verify(env);
    expect(result.exit).toBe(EXIT_AUDIT_BROKEN);
    expect(result.out).toContain('entries 5 to 10 are in Redis but missing from the file');

    const edited = lines.map((l) => (l.includes('"seq":6,') && l.includes('"entry"') ? l.replace('"to":"live"', '"to":"closed"') : l));
    writeFileSync(file, `${edited.join('\n')}\n`);
    result = await verify(env);
    expect(result.exit).toBe(EXIT_AUDIT_BROKEN);
    expect(result.out).toContain("the audit file's entry 6 does not fit its chain (rewritten in the file)");

    const other = generateKeyPairSync('ed25519').privateKey;
    const forgedSink = new AuditFileSink(file, { key: other, every: 1 });
    writeFileSync(file, original);
    const last = JSON.parse(lines.filter((l) => l.includes('"entry"')).at(-1)!) as { id: string; hash: string; entry: AuditEntry };
    await forgedSink.write({ id: last.id, hash: last.hash, entry: last.entry });
    await forgedSink.close();
    result = await verify(env);
    expect(result.exit).toBe(EXIT_AUDIT_BROKEN);
    expect(result.out).toContain('the latest checkpoint (sequence 10) has no valid signature under the given public key');
  });

  it('the service writes its audit entries to PUSHGATE_AUDIT_FILE, with checkpoints signed by PUSHGATE_AUDIT_SIGNING_KEY', async () => {
    const file = join(dir, 'service.jsonl');
    const { context, app } = await buildTestService(redis, { PUSHGATE_AUDIT_FILE: file, PUSHGATE_AUDIT_SIGNING_KEY: signingPem, PUSHGATE_AUDIT_CHECKPOINT_EVERY: '2' });
    try {
      await context.tokens.mint({ role: 'triage', label: 'a', actor: { kind: 'system', id: 'test' } });
      await context.tokens.mint({ role: 'triage', label: 'b', actor: { kind: 'system', id: 'test' } });
    } finally {
      await app.close();
      await context.close();
    }
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => ('checkpoint' in l ? 'checkpoint' : (l['entry'] as AuditEntry).action))).toEqual(['token.create', 'token.create', 'checkpoint']);
    expect(JSON.stringify(lines)).not.toContain(signingPem.split('\n')[1]!);
    expect(() => loadConfig(testEnv(redis, { PUSHGATE_AUDIT_FILE: 'relative.jsonl' }))).toThrow(/PUSHGATE_AUDIT_FILE/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => loadConfig(testEnv(redis, { PUSHGATE_AUDIT_FILE: file, PUSHGATE_AUDIT_SIGNING_KEY: rsa }))).toThrow(/PUSHGATE_AUDIT_SIGNING_KEY/);
  });

  it('an append whose file write fails is an error, not a silent success', async () => {
    const prefix = `${redis.prefix()}${randomBytes(3).toString('hex')}:`;
    const audit = new AuditLog({ redis: redis.client(), prefix, file: new AuditFileSink(join(dir, 'no-such-dir', 'audit.jsonl')) });
    await expect(audit.append({ action: 'token.create', actor: { kind: 'system', id: 'test' } })).rejects.toMatchObject({ code: 'AUDIT_FILE_WRITE_FAILED' });
  });
});
