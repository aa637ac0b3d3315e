import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { storeKeys, type StoreKeys } from '../store/keys.js';
import { LuaScript } from '../store/lua-script.js';
import { canonicalJson, type JsonValue } from './canonical-json.js';
import type { AuditFileSink } from './audit-file.js';

/**
 * The audit log: append-only entries in a Redis stream, each hash-chained to
 * the one before (hash = SHA-256 over the previous hash followed by the
 * canonical JSON of the entry, which itself names the previous hash and its
 * sequence number), and each also written to the pino log, so an edit in
 * Redis is caught by `verifyAuditChain` and a wholesale rewrite disagrees
 * with the logs shipped elsewhere.
 *
 * Entries hold no secrets: ids, fingerprints, roles, redacted values only.
 */
export interface AuditActor {
  /** `token`: an API caller; `system`: the service itself (bootstrap, workers); `cli`: an operator's command. */
  readonly kind: 'token' | 'system' | 'cli';
  /** Token id, or a name such as `bootstrap`, `liveness-worker`, the OS user. */
  readonly id: string;
  readonly role?: string;
}

export interface AuditInput {
  /** Dotted verb, e.g. `token.create`, `block-event.receive`, `finding.status`. */
  readonly action: string;
  readonly actor: AuditActor;
  readonly target?: { readonly type: string; readonly id: string };
  readonly data?: { readonly [key: string]: JsonValue | undefined };
  readonly requestId?: string;
}

export interface AuditEntry extends AuditInput {
  readonly seq: number;
  readonly time: string;
  /** Hash of the previous entry (64 zeros for the first). */
  readonly prev: string;
}

export interface AuditRecord {
  /** Redis stream id. */
  readonly id: string;
  readonly entry: AuditEntry;
  readonly hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function auditHash(prev: string, entry: AuditEntry): string {
  return createHash('sha256').update(prev).update(canonicalJson(entry)).digest('hex');
}

/**
 * KEYS: 1 stream, 2 head, 3 target list (or the head key again when none). ARGV: 1 expected head hash ('' when
 * empty), 2 entry JSON, 3 hash, 4 seq, 5 has target. Returns the stream id, or false when the head moved
 * (another writer appended first: re-read and retry).
 */
const APPEND = new LuaScript(`
local head = redis.call('HGET', KEYS[2], 'hash') or ''
if head ~= ARGV[1] then return false end
local id = redis.call('XADD', KEYS[1], '*', 'entry', ARGV[2], 'hash', ARGV[3])
redis.call('HSET', KEYS[2], 'hash', ARGV[3], 'seq', ARGV[4], 'id', id)
if ARGV[5] == '1' then redis.call('RPUSH', KEYS[3], id) end
return id
`);

export class AuditError extends Error {
  override readonly name = 'AuditError';
  constructor(
    readonly code: 'AUDIT_APPEND_CONFLICT' | 'AUDIT_FILE_WRITE_FAILED',
    message: string,
  ) {
    super(message);
  }
}

export interface AuditLogOptions {
  readonly redis: Redis;
  readonly prefix: string;
  readonly logger?: Logger;
  readonly clock?: () => Date;
  /** PUSHGATE_AUDIT_FILE: every entry is also appended there and synced before append() resolves. */
  readonly file?: AuditFileSink;
}

export class AuditLog {
  readonly keys: StoreKeys;
  private readonly redis: Redis;
  private readonly logger: Logger | undefined;
  private readonly clock: () => Date;
  private readonly file: AuditFileSink | undefined;
  /** Appends of this process go one at a time; other processes are handled by the head check. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: AuditLogOptions) {
    this.redis = options.redis;
    this.keys = storeKeys(options.prefix);
    this.logger = options.logger;
    this.clock = options.clock ?? (() => new Date());
    this.file = options.file;
  }

  append(input: AuditInput): Promise<AuditRecord> {
    const run = this.queue.then(() => this.appendNow(input));
    this.queue = run.catch(() => {});
    return run;
  }

  private async appendNow(input: AuditInput): Promise<AuditRecord> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const [headHash, headSeq] = await this.redis.hmget(this.keys.auditHead, 'hash', 'seq');
      const prev = headHash ?? GENESIS_HASH;
      const entry: AuditEntry = {
        seq: headSeq ? Number(headSeq) + 1 : 1,
        time: this.clock().toISOString(),
        prev,
        action: input.action,
        actor: input.actor,
        ...(input.target ? { target: input.target } : {}),
        ...(input.data ? { data: input.data } : {}),
        ...(input.requestId ? { requestId: input.requestId } : {}),
      };
      const hash = auditHash(prev, entry);
      const targetKey = input.target ? this.targetKey(input.target.type, input.target.id) : this.keys.auditHead;
      const id = (await APPEND.run(this.redis, [this.keys.auditStream, this.keys.auditHead, targetKey], [
        headHash ?? '',
        canonicalJson(entry),
        hash,
        entry.seq,
        input.target ? '1' : '0',
      ])) as string | null;
      if (id) {
        this.logger?.info({ audit: { ...entry, id, hash } }, `audit ${entry.action}`);
        const record = { id, entry, hash };
        if (this.file) {
          try {
            await this.file.write(record);
          } catch (err) {
            // The entry is in Redis; the action must not report success while its outside copy is missing.
            this.logger?.error({ err, seq: entry.seq }, 'could not append to PUSHGATE_AUDIT_FILE');
            throw new AuditError('AUDIT_FILE_WRITE_FAILED', `the audit entry ${entry.seq} is in Redis but could not be written to the audit file`);
          }
        }
        return record;
      }
      await new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)));
    }
    throw new AuditError('AUDIT_APPEND_CONFLICT', 'could not append to the audit log: the head kept moving');
  }

  private targetKey(type: string, id: string): string {
    return `${this.keys.auditStream}:target:${type}:${id}`;
  }

  /** Newest first, `limit` entries before stream id `before` (exclusive). */
  async list(options: { limit?: number; before?: string } = {}): Promise<AuditRecord[]> {
    const limit = Math.min(Math.max(options.limit ?? 50, 1), 1000);
    const rows = await this.redis.xrevrange(this.keys.auditStream, options.before ? `(${options.before}` : '+', '-', 'COUNT', limit);
    return rows.map(([id, fields]) => parseRecord(id, fields)).filter((r): r is AuditRecord => r !== null);
  }

  /** Every entry about one target (e.g. a finding), oldest first. */
  async listForTarget(type: string, id: string, limit = 1000): Promise<AuditRecord[]> {
    const ids = await this.redis.lrange(this.targetKey(type, id), 0, limit - 1);
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const streamId of ids) pipeline.xrange(this.keys.auditStream, streamId, streamId);
    const out: AuditRecord[] = [];
    for (const [err, rows] of (await pipeline.exec()) ?? []) {
      if (err) throw err;
      const row = (rows as Array<[string, string[]]>)[0];
      const record = row ? parseRecord(row[0], row[1]) : null;
      if (record) out.push(record);
    }
    return out;
  }

  verify(): Promise<AuditVerification> {
    return verifyAuditChain(this.redis, this.keys.prefix);
  }
}

function parseRecord(id: string, fields: string[]): AuditRecord | null {
  const f = fieldMap(fields);
  const text = f.get('entry');
  const hash = f.get('hash');
  if (text === undefined || hash === undefined) return null;
  try {
    return { id, entry: JSON.parse(text) as AuditEntry, hash };
  } catch {
    return null;
  }
}

function fieldMap(fields: string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) m.set(fields[i]!, fields[i + 1]!);
  return m;
}

export type AuditBreakReason = 'malformed' | 'hash-mismatch' | 'prev-mismatch' | 'seq-gap' | 'head-mismatch';

export type AuditVerification =
  | { readonly ok: true; readonly entries: number; readonly head: string | null }
  | {
      readonly ok: false;
      /** Entries verified before the break. */
      readonly entries: number;
      readonly broken: { readonly id: string | null; readonly seq: number | null; readonly reason: AuditBreakReason; readonly message: string };
    };

/**
 * Recomputes the chain from the first entry and reports the first entry
 * that does not fit: changed content (hash), a removed or inserted entry
 * (prev, seq), entries removed from the end (the head no longer matches).
 * Reads in pages, so a long log does not need to fit in memory.
 */
export async function verifyAuditChain(redis: Redis, prefix: string): Promise<AuditVerification> {
  const keys = storeKeys(prefix);
  let prev = GENESIS_HASH;
  let seq = 0;
  let lastId: string | null = null;
  let start = '-';
  for (;;) {
    const rows = await redis.xrange(keys.auditStream, start, '+', 'COUNT', 1000);
    for (const [id, fields] of rows) {
      const f = fieldMap(fields);
      const text = f.get('entry');
      const hash = f.get('hash');
      let entry: AuditEntry | undefined;
      try {
        entry = text === undefined ? undefined : (JSON.parse(text) as AuditEntry);
      } catch {
        entry = undefined;
      }
      const at = { id, seq: typeof entry?.seq === 'number' ? entry.seq : null };
      if (!entry || typeof entry !== 'object' || hash === undefined || canonicalJson(entry) !== text) {
        return broken(seq, { ...at, reason: 'malformed', message: `entry ${id} is not a canonical audit entry` });
      }
      if (entry.seq !== seq + 1) return broken(seq, { ...at, reason: 'seq-gap', message: `entry ${id} has sequence ${String(entry.seq)}, expected ${seq + 1}` });
      if (entry.prev !== prev) return broken(seq, { ...at, reason: 'prev-mismatch', message: `entry ${id} does not follow the entry before it` });
      if (auditHash(prev, entry) !== hash) return broken(seq, { ...at, reason: 'hash-mismatch', message: `entry ${id} was changed after it was written` });
      prev = hash;
      seq = entry.seq;
      lastId = id;
    }
    if (rows.length < 1000) break;
    start = `(${lastId}`;
  }
  const [headHash, headId] = await redis.hmget(keys.auditHead, 'hash', 'id');
  if ((headHash ?? null) !== (seq === 0 ? null : prev) || (headId ?? null) !== lastId) {
    return broken(seq, { id: headId ?? null, seq: seq + 1, reason: 'head-mismatch', message: 'the log ends before the last entry written (entries were removed from its end) or its head was altered' });
  }
  return { ok: true, entries: seq, head: seq === 0 ? null : prev };
}

/** seq -> hash of every entry in the Redis stream (for comparing with the audit file). */
export async function readAuditHashes(redis: Redis, prefix: string): Promise<Map<number, string>> {
  const keys = storeKeys(prefix);
  const out = new Map<number, string>();
  let start = '-';
  for (;;) {
    const rows = await redis.xrange(keys.auditStream, start, '+', 'COUNT', 1000);
    for (const [, fields] of rows) {
      const f = fieldMap(fields);
      try {
        const entry = JSON.parse(f.get('entry') ?? 'null') as AuditEntry | null;
        const hash = f.get('hash');
        if (entry && typeof entry.seq === 'number' && hash) out.set(entry.seq, hash);
      } catch {
        // malformed entries are reported by verifyAuditChain
      }
    }
    if (rows.length < 1000) break;
    start = `(${rows.at(-1)![0]}`;
  }
  return out;
}

function broken(entries: number, b: { id: string | null; seq: number | null; reason: AuditBreakReason; message: string }): AuditVerification {
  return { ok: false, entries, broken: b };
}
