import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import type { AuditEntry, AuditRecord } from './audit-log.js';
import { auditHash, GENESIS_HASH } from './audit-log.js';
import { canonicalJson } from './canonical-json.js';
import type { AuditConfig } from '../config/config.js';

/**
 * The audit log's copy outside Redis (PUSHGATE_AUDIT_FILE): every entry,
 * in the same chained form, appended as one JSON line and synced to disk
 * before the action that wrote it answers. Meant to be shipped to
 * write-once storage or a SIEM, so that `pushgate audit verify --file`
 * can tell what someone who controls Redis removed, rewrote or wiped.
 *
 * With a signing key (PUSHGATE_AUDIT_SIGNING_KEY, Ed25519), every
 * `checkpointEvery`-th entry is followed by a signed checkpoint line
 * `{"checkpoint":{"seq","hash","time"},"signature"}`: whoever holds the
 * public key can check the file's head too, without trusting the file.
 */
export interface AuditFileLine {
  readonly seq: number;
  readonly id: string;
  readonly hash: string;
  readonly entry: AuditEntry;
}

export interface AuditCheckpoint {
  readonly seq: number;
  readonly hash: string;
  readonly time: string;
}

export const DEFAULT_CHECKPOINT_EVERY = 100;

export class AuditFileSink {
  private handle: Promise<FileHandle> | undefined;

  constructor(
    readonly path: string,
    private readonly signing?: { readonly key: KeyObject; readonly every: number },
  ) {}

  /** Appends the record (and a checkpoint when due) and syncs; throws when the disk does not take it. */
  async write(record: AuditRecord): Promise<void> {
    this.handle ??= open(this.path, 'a', 0o600);
    let handle: FileHandle;
    try {
      handle = await this.handle;
    } catch (err) {
      this.handle = undefined; // the next entry tries again (the directory may be mounted by then)
      throw err;
    }
    const line: AuditFileLine = { seq: record.entry.seq, id: record.id, hash: record.hash, entry: record.entry };
    let text = `${JSON.stringify(line)}\n`;
    if (this.signing && record.entry.seq % this.signing.every === 0) {
      const checkpoint: AuditCheckpoint = { seq: record.entry.seq, hash: record.hash, time: record.entry.time };
      text += `${JSON.stringify({ checkpoint, signature: sign(null, Buffer.from(canonicalJson(checkpoint)), this.signing.key).toString('base64') })}\n`;
    }
    await handle.appendFile(text);
    await handle.datasync();
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    if (handle) await (await handle).close();
  }
}

/** An Ed25519 private key from PEM text; the public key that verifies its checkpoints. */
export function parseSigningKey(pem: string): { key: KeyObject; publicKey: KeyObject } {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the audit signing key must be an Ed25519 private key (openssl genpkey -algorithm ed25519)');
  return { key, publicKey: createPublicKey(key) };
}

export interface ParsedAuditFile {
  readonly lines: AuditFileLine[];
  readonly checkpoints: Array<{ readonly checkpoint: AuditCheckpoint; readonly signature: string }>;
  /** Lines that are not entries or checkpoints (`file:line`). */
  readonly malformed: string[];
}

/**
 * Reads the files of every process that appends (the API and each worker
 * may write their own, on their own machines) as one: entries are matched by
 * sequence, and the checkpoint with the highest sequence is the latest.
 */
export async function readAuditFiles(paths: readonly string[]): Promise<ParsedAuditFile> {
  const parts = await Promise.all(paths.map((p) => readAuditFile(p)));
  return {
    lines: parts.flatMap((p) => p.lines),
    checkpoints: parts.flatMap((p) => p.checkpoints).sort((a, b) => a.checkpoint.seq - b.checkpoint.seq),
    malformed: parts.flatMap((p) => p.malformed),
  };
}

export async function readAuditFile(path: string): Promise<ParsedAuditFile> {
  const text = await readFile(path, 'utf8');
  const lines: AuditFileLine[] = [];
  const checkpoints: ParsedAuditFile['checkpoints'] = [];
  const malformed: string[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      const v = JSON.parse(raw) as Partial<AuditFileLine> & { checkpoint?: AuditCheckpoint; signature?: string };
      if (v.checkpoint && typeof v.signature === 'string') checkpoints.push({ checkpoint: v.checkpoint, signature: v.signature });
      else if (typeof v.seq === 'number' && typeof v.hash === 'string' && typeof v.id === 'string' && v.entry) lines.push(v as AuditFileLine);
      else malformed.push(`${path}:${i + 1}`);
    } catch {
      malformed.push(`${path}:${i + 1}`);
    }
  });
  return { lines, checkpoints, malformed };
}

export interface FileVerification {
  readonly ok: boolean;
  /** Entries the file holds (after de-duplication). */
  readonly fileEntries: number;
  /** The latest checkpoint whose signature verified, if a public key was given. */
  readonly checkpoint: AuditCheckpoint | null;
  /** What does not hold, each naming what is missing or changed. */
  readonly problems: string[];
}

/**
 * Compares the chain in Redis (seq -> hash, from the stream) with the file:
 * the file's own chain must hold, every entry must be in both with the same
 * hash, and the latest checkpoint (signed, when a key is given) must match.
 */
export function compareWithFile(redis: ReadonlyMap<number, string>, file: ParsedAuditFile, publicKey?: KeyObject): FileVerification {
  const problems: string[] = [];
  for (const at of file.malformed) problems.push(`audit file line ${at} is not an audit entry or checkpoint (rewritten?)`);

  // The file's own chain (several processes may append to one file: order by sequence).
  const bySeq = new Map<number, AuditFileLine>();
  for (const line of file.lines) {
    const seen = bySeq.get(line.seq);
    if (seen && seen.hash !== line.hash) problems.push(`the audit file holds two different entries with sequence ${line.seq}`);
    bySeq.set(line.seq, line);
  }
  const seqs = [...bySeq.keys()].sort((a, b) => a - b);
  let prev: string | null = null;
  let last = 0;
  for (const seq of seqs) {
    const line = bySeq.get(seq)!;
    if (seq === 1) prev = GENESIS_HASH;
    else if (seq !== last + 1) prev = null; // a gap: checked against Redis below
    if (auditHash(line.entry.prev, line.entry) !== line.hash || line.entry.seq !== seq || (prev !== null && line.entry.prev !== prev)) {
      problems.push(`the audit file's entry ${seq} does not fit its chain (rewritten in the file)`);
    }
    prev = line.hash;
    last = seq;
  }

  const redisSeqs = [...redis.keys()].sort((a, b) => a - b);
  const redisHead = redisSeqs.at(-1) ?? 0;
  const fileHead = seqs.at(-1) ?? 0;
  if (redisSeqs.length === 0 && seqs.length > 0) problems.push(`the Redis audit log is empty but the file holds ${seqs.length} entries: the log was wiped`);
  else if (fileHead > redisHead) problems.push(`entries ${redisHead + 1} to ${fileHead} are in the file but missing from Redis (removed from the end of the log)`);
  for (const seq of seqs) {
    const inRedis = redis.get(seq);
    if (inRedis !== undefined && inRedis !== bySeq.get(seq)!.hash) problems.push(`entry ${seq} differs between Redis and the file (rewritten in Redis)`);
  }
  const missingFromFile = ranges(redisSeqs.filter((s) => !bySeq.has(s)));
  if (missingFromFile.length > 0) {
    problems.push(`entries ${missingFromFile.join(', ')} are in Redis but missing from the file (the file was truncated, or a process wrote without PUSHGATE_AUDIT_FILE)`);
  }
  const missingFromRedis = ranges(seqs.filter((s) => s <= redisHead && !redis.has(s)));
  if (missingFromRedis.length > 0 && redisSeqs.length > 0) problems.push(`entries ${missingFromRedis.join(', ')} are in the file but missing from Redis`);

  let checkpoint: AuditCheckpoint | null = null;
  if (publicKey) {
    const latest = file.checkpoints.at(-1);
    if (latest) {
      const valid = verify(null, Buffer.from(canonicalJson(latest.checkpoint)), publicKey, Buffer.from(latest.signature, 'base64'));
      if (!valid) problems.push(`the latest checkpoint (sequence ${latest.checkpoint.seq}) has no valid signature under the given public key`);
      else {
        checkpoint = latest.checkpoint;
        if (redis.get(latest.checkpoint.seq) !== latest.checkpoint.hash) problems.push(`the signed checkpoint at sequence ${latest.checkpoint.seq} does not match Redis (entries removed or rewritten up to it)`);
        if (bySeq.get(latest.checkpoint.seq)?.hash !== latest.checkpoint.hash) problems.push(`the signed checkpoint at sequence ${latest.checkpoint.seq} does not match the file`);
      }
    } else if (seqs.length > 0) problems.push('the audit file holds no signed checkpoint');
  }
  return { ok: problems.length === 0, fileEntries: seqs.length, checkpoint, problems };
}

/** 3,4,5,9 -> ["3 to 5", "9"] */
function ranges(seqs: number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < seqs.length; ) {
    let j = i;
    while (j + 1 < seqs.length && seqs[j + 1] === seqs[j]! + 1) j++;
    out.push(i === j ? `${seqs[i]}` : `${seqs[i]} to ${seqs[j]}`);
    i = j + 1;
  }
  return out;
}

/** The sink PUSHGATE_AUDIT_FILE and PUSHGATE_AUDIT_SIGNING_KEY ask for, or none. */
export function auditFileSinkFor(audit: AuditConfig): AuditFileSink | undefined {
  if (!audit.file) return undefined;
  return new AuditFileSink(audit.file, audit.signingKey ? { key: createPrivateKey(audit.signingKey.reveal()), every: audit.checkpointEvery } : undefined);
}
