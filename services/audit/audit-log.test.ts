import { describe, expect, it } from 'vitest';
import { useTestRedis } from '../../test/support/redis.js';
import { LogCapture } from '../../test/support/service.js';
import { createLogger } from '../logging/logger.js';
import { AuditLog, auditHash, GENESIS_HASH, verifyAuditChain, type AuditEntry } from './audit-log.js';
import { canonicalJson } from './canonical-json.js';

const redis = useTestRedis();

function log(logs?: LogCapture): AuditLog {
  return new AuditLog({ redis: redis.client(), prefix: redis.prefix(), ...(logs ? { logger: createLogger({ level: 'info', destination: logs }) } : {}) });
}

const actor = { kind: 'token', id: 'tok_1', role: 'admin' } as const;

async function appendSome(a: AuditLog, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await a.append({ action: 'finding.status', actor, target: { type: 'finding', id: `fp${i % 3}` }, data: { to: 'live', n: i } });
}

/** Rewrites the stream with one entry's stored JSON replaced, keeping every id: what someone with Redis access could do. */
async function rewriteEntry(seq: number, change: (entry: Record<string, unknown>) => void, rehash = false): Promise<string> {
  const c = redis.client();
  const key = `${redis.prefix()}audit`;
  const rows = await c.xrange(key, '-', '+');
  let target = '';
  await c.del(key);
  for (const [id, fields] of rows) {
    let entry = fields[1]!;
    let hash = fields[3]!;
    const parsed = JSON.parse(entry) as Record<string, unknown>;
    if (parsed['seq'] === seq) {
      change(parsed);
      entry = canonicalJson(parsed);
      if (rehash) hash = auditHash(parsed['prev'] as string, parsed as unknown as AuditEntry);
      target = id;
    }
    await c.xadd(key, id, 'entry', entry, 'hash', hash);
  }
  return target;
}

describe('audit log', () => {
  it('canonical JSON sorts keys at every depth and omits undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true }, u: undefined })).toBe('{"a":{"c":true,"d":[1,"x",null]},"b":1}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });

  it('chains entries, writes them to the pino log too, and verifies', async () => {
    const logs = new LogCapture();
    const a = log(logs);
    expect(await a.verify()).toEqual({ ok: true, entries: 0, head: null });
    await appendSome(a, 5);
    const records = (await a.list({ limit: 10 })).reverse();
    expect(records.map((r) => r.entry.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(records[0]!.entry.prev).toBe(GENESIS_HASH);
    for (let i = 1; i < records.length; i++) expect(records[i]!.entry.prev).toBe(records[i - 1]!.hash);
    expect(await a.verify()).toEqual({ ok: true, entries: 5, head: records[4]!.hash });
    const logged = logs.lines().filter((l) => l['msg'] === 'audit finding.status');
    expect(logged.map((l) => (l['audit'] as { hash: string }).hash)).toEqual(records.map((r) => r.hash));
    expect((await a.listForTarget('finding', 'fp1')).map((r) => r.entry.seq)).toEqual([2, 5]);
  });

  it('keeps one chain when several writers (processes) append at once', async () => {
    const writers = Array.from({ length: 5 }, () => log());
    await Promise.all(writers.map((w) => appendSome(w, 8)));
    expect(await verifyAuditChain(redis.client(), redis.prefix())).toMatchObject({ ok: true, entries: 40 });
  });

  it('catches an entry edited in Redis', async () => {
    const a = log();
    await appendSome(a, 6);
    const id = await rewriteEntry(4, (e) => {
      (e['data'] as Record<string, unknown>)['to'] = 'closed';
    });
    expect(await a.verify()).toEqual({
      ok: false,
      entries: 3,
      broken: { id, seq: 4, reason: 'hash-mismatch', message: expect.stringContaining(id) },
    });
  });

  it('catches an edit whose hash was recomputed, at the next entry', async () => {
    const a = log();
    await appendSome(a, 6);
    await rewriteEntry(2, (e) => ((e['actor'] as Record<string, unknown>)['id'] = 'someone-else'), true);
    expect(await a.verify()).toMatchObject({ ok: false, entries: 2, broken: { seq: 3, reason: 'prev-mismatch' } });
  });

  it('catches removed entries in the middle and at the end', async () => {
    const a = log();
    await appendSome(a, 6);
    const c = redis.client();
    const key = `${redis.prefix()}audit`;
    const rows = await c.xrange(key, '-', '+');
    await c.xdel(key, rows[5]![0]);
    expect(await a.verify()).toMatchObject({ ok: false, entries: 5, broken: { reason: 'head-mismatch' } });
    await c.xdel(key, rows[2]![0]);
    expect(await a.verify()).toMatchObject({ ok: false, entries: 2, broken: { id: rows[3]![0], seq: 4, reason: 'seq-gap' } });
  });

  it('catches an entry that is not canonical JSON', async () => {
    const a = log();
    await appendSome(a, 3);
    const c = redis.client();
    const key = `${redis.prefix()}audit`;
    const rows = await c.xrange(key, '-', '+');
    await c.del(key);
    for (const [i, [id, fields]] of rows.entries()) {
      await c.xadd(key, id, 'entry', i === 1 ? fields[1]!.replace('{', '{ ') : fields[1]!, 'hash', fields[3]!);
    }
    expect(await a.verify()).toMatchObject({ ok: false, entries: 1, broken: { seq: 2, reason: 'malformed' } });
  });
});
