import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Engine } from '../../detectors/engine/engine.js';
import type { AuditActor, AuditLog } from '../audit/audit-log.js';
import type { FindingsStore, FindingStatus } from '../store/findings-store.js';
import { TriageError } from './triage-error.js';

/**
 * What people do about a finding beside its liveness: who is assigned, their
 * comments, and whether revocation was requested from the secret's owner.
 * None of it changes the finding's status: only a liveness verdict does
 * (a requested revocation is confirmed by the next check, not by a click).
 * Every change is audited against the finding (target `finding:<fingerprint>`).
 * Texts are refused when they carry a detectable secret: they are shown and
 * audited in clear.
 */
export interface TriageMark {
  /** ISO 8601. */
  readonly at: string;
  /** `token:<id>`, `cli:<user>`, ... */
  readonly by: string;
}

export interface TriageComment extends TriageMark {
  readonly id: string;
  readonly text: string;
}

export interface TriageSummary {
  readonly assignee: (TriageMark & { readonly name: string }) | null;
  readonly revocationRequested: (TriageMark & { readonly note: string }) | null;
  readonly commentCount: number;
}

export interface TriageState extends TriageSummary {
  readonly fingerprint: string;
  /** Oldest first, the newest `commentLimit`. */
  readonly comments: readonly TriageComment[];
}

export interface TriageStoreOptions {
  readonly redis: Redis;
  readonly prefix: string;
  readonly findings: FindingsStore;
  readonly audit: AuditLog;
  readonly engine: Engine;
  readonly clock?: () => Date;
}

export const MAX_ASSIGNEE_LENGTH = 100;
export const MAX_COMMENT_LENGTH = 4000;
export const MAX_NOTE_LENGTH = 500;
/** Statuses a finding can still be triaged towards revocation in. */
const ACTIVE: readonly FindingStatus[] = ['open', 'live', 'unknown'];

interface ActionOptions {
  readonly requestId?: string;
}

export class TriageStore {
  private readonly redis: Redis;
  private readonly findings: FindingsStore;
  private readonly audit: AuditLog;
  private readonly engine: Engine;
  private readonly clock: () => Date;

  constructor(options: TriageStoreOptions) {
    this.redis = options.redis;
    this.findings = options.findings;
    this.audit = options.audit;
    this.engine = options.engine;
    this.clock = options.clock ?? (() => new Date());
  }

  private key(fp: string): string {
    return this.findings.keys.triage(fp);
  }

  private commentsKey(fp: string): string {
    return this.findings.keys.triageComments(fp);
  }

  async get(fingerprint: string, commentLimit = 200): Promise<TriageState> {
    const [summary] = await this.summaries([fingerprint]);
    const raw = await this.redis.lrange(this.commentsKey(fingerprint), -Math.max(1, commentLimit), -1);
    return { fingerprint, ...summary!, comments: raw.map((j) => JSON.parse(j) as TriageComment) };
  }

  /** Assignee, revocation request and comment count of each finding, in order. */
  async summaries(fingerprints: readonly string[]): Promise<TriageSummary[]> {
    if (fingerprints.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const fp of fingerprints) {
      pipeline.hgetall(this.key(fp));
      pipeline.llen(this.commentsKey(fp));
    }
    const replies = (await pipeline.exec()) ?? [];
    return fingerprints.map((_, i) => {
      const [e1, h] = replies[i * 2] ?? [];
      const [e2, n] = replies[i * 2 + 1] ?? [];
      if (e1 || e2) throw e1 ?? e2;
      const f = h as Record<string, string>;
      return {
        assignee: f['assignee'] ? { name: f['assignee'], at: f['assignedAt'] ?? '', by: f['assignedBy'] ?? '' } : null,
        revocationRequested: f['revocationRequestedAt']
          ? { at: f['revocationRequestedAt'], by: f['revocationRequestedBy'] ?? '', note: f['revocationNote'] ?? '' }
          : null,
        commentCount: Number(n),
      };
    });
  }

  /** Assigns the finding to a person (a name, handle or address), or unassigns it with null. */
  async assign(fingerprint: string, assignee: string | null, actor: AuditActor, options: ActionOptions = {}): Promise<TriageState> {
    const name = assignee === null ? null : this.text(assignee, 'assignee', 1, MAX_ASSIGNEE_LENGTH, false);
    await this.existing(fingerprint);
    const previous = await this.redis.hget(this.key(fingerprint), 'assignee');
    const now = this.clock().toISOString();
    if (name === null) await this.redis.hdel(this.key(fingerprint), 'assignee', 'assignedAt', 'assignedBy');
    else await this.redis.hset(this.key(fingerprint), { assignee: name, assignedAt: now, assignedBy: by(actor) });
    await this.audit.append({
      action: 'finding.assign',
      actor,
      target: { type: 'finding', id: fingerprint },
      data: { assignee: name, previous: previous ?? null },
      ...(options.requestId ? { requestId: options.requestId } : {}),
    });
    return this.get(fingerprint);
  }

  async comment(fingerprint: string, text: string, actor: AuditActor, options: ActionOptions = {}): Promise<TriageComment> {
    const body = this.text(text, 'text', 1, MAX_COMMENT_LENGTH, true);
    await this.existing(fingerprint);
    const comment: TriageComment = { id: `c_${randomBytes(6).toString('hex')}`, at: this.clock().toISOString(), by: by(actor), text: body };
    await this.redis.rpush(this.commentsKey(fingerprint), JSON.stringify(comment));
    await this.audit.append({
      action: 'finding.comment',
      actor,
      target: { type: 'finding', id: fingerprint },
      data: { commentId: comment.id, text: body },
      ...(options.requestId ? { requestId: options.requestId } : {}),
    });
    return comment;
  }

  /**
   * Marks that revocation was requested from the owner. The status stays
   * what it is; the finding is closed only when a liveness check finds the
   * secret revoked. Asking again updates the mark (and is audited again).
   */
  async requestRevocation(fingerprint: string, note: string, actor: AuditActor, options: ActionOptions = {}): Promise<TriageState> {
    const text = note.trim() === '' ? '' : this.text(note, 'note', 1, MAX_NOTE_LENGTH, true);
    const status = await this.existing(fingerprint);
    if (!ACTIVE.includes(status)) throw new TriageError('FINDING_NOT_ACTIVE', `the finding is ${status}: there is nothing left to revoke`);
    await this.redis.hset(this.key(fingerprint), { revocationRequestedAt: this.clock().toISOString(), revocationRequestedBy: by(actor), revocationNote: text });
    await this.audit.append({
      action: 'finding.revocation-requested',
      actor,
      target: { type: 'finding', id: fingerprint },
      data: { status, note: text },
      ...(options.requestId ? { requestId: options.requestId } : {}),
    });
    return this.get(fingerprint);
  }

  /** The finding's status, or null when there is no such finding. */
  async statusOf(fingerprint: string): Promise<FindingStatus | null> {
    // One field of the finding's record: FindingsStore.get() would also read every location.
    return (await this.redis.hget(this.findings.keys.finding(fingerprint), 'status')) as FindingStatus | null;
  }

  private async existing(fingerprint: string): Promise<FindingStatus> {
    const status = await this.statusOf(fingerprint);
    if (!status) throw new TriageError('FINDING_NOT_FOUND', 'no finding with this fingerprint');
    return status;
  }

  private text(value: string, field: string, min: number, max: number, multiline: boolean): string {
    return triageText(this.engine, value, field, min, max, multiline);
  }
}

/**
 * Trimmed text within bounds, without control characters (newlines and tabs
 * allowed in multi-line text) and without secrets: triage texts are shown and
 * audited in clear, so one that carries a detectable secret is refused.
 */
export function triageText(engine: Engine, value: string, field: string, min: number, max: number, multiline: boolean): string {
  const t = value.trim();
  const forbidden = multiline ? /[\x00-\x08\x0b-\x1f\x7f]/ : /[\x00-\x1f\x7f]/;
  if (t.length < min || t.length > max || forbidden.test(t)) {
    throw new TriageError('TRIAGE_INPUT_INVALID', `${field} must be ${min} to ${max} characters without control characters`);
  }
  if (engine.scan(Buffer.from(t, 'utf8')).length > 0) {
    throw new TriageError('TRIAGE_CONTAINS_SECRET', `${field} contains a secret; write about it, do not paste it`);
  }
  return t;
}

export function by(actor: AuditActor): string {
  return `${actor.kind}:${actor.id}`;
}
