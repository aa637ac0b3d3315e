import type { Logger } from 'pino';
import { reachOf } from '../../liveness/reach.js';
import { checkForDetector } from '../../liveness/registry.js';
import type { LivenessVerdict, ProviderOwner } from '../../liveness/types.js';
import type { AuditActor, AuditLog } from '../audit/audit-log.js';
import type { LivenessConfig } from '../config/liveness-config.js';
import type { FindingsStore, FindingStatus } from '../store/findings-store.js';
import type { CheckTrigger, FindingOwner, LivenessCheckRecord, LivenessControl, RecheckResult } from './liveness-control.js';
import type { LivenessQueues } from './liveness-queues.js';
import type { LivenessNotifier } from './outgoing-webhooks.js';
import { attributeOwner } from './owner.js';
import { isReopening, nextCheckDelay, nextStatus } from './transitions.js';

/**
 * Applies verdicts to findings (state machine, check history, owner, next
 * check, audit entries, outgoing webhooks) and queues checks. Shared by the
 * API (re-check requests) and the workers (verdicts).
 */
export interface LivenessTrackerOptions {
  readonly findings: FindingsStore;
  readonly audit: AuditLog;
  readonly queues: LivenessQueues;
  readonly settings: Pick<LivenessConfig, 'recheckLiveMs' | 'recheckUnknownMs' | 'recheckUnknownMaxMs' | 'confirmRevokedMs'>;
  readonly notifier?: LivenessNotifier;
  readonly logger?: Logger;
  readonly clock?: () => Date;
  /** Told after every status change (the console's status-count sampler). */
  readonly onStatusChange?: (fingerprint: string, previous: FindingStatus, next: FindingStatus) => Promise<void>;
  /** False when PUSHGATE_LIVENESS=off (default true): re-check requests are refused, not queued for nobody. */
  readonly enabled?: boolean;
}

export interface AppliedVerdict {
  readonly previous: FindingStatus;
  readonly status: FindingStatus;
  /** Delay until the next scheduled check; null when the finding is closed. */
  readonly nextDelayMs: number | null;
}

const LIVENESS_ACTOR: AuditActor = { kind: 'system', id: 'liveness-worker' };
/** Concurrent writers (a verdict and a re-check) are rare; a few re-reads settle them. */
const APPLY_RETRIES = 5;

export class LivenessTracker implements LivenessControl {
  private readonly clock: () => Date;
  readonly enabled: boolean;

  constructor(private readonly options: LivenessTrackerOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.enabled = options.enabled ?? true;
  }

  /** Queues a first check for findings new to the store; those without a provider check are left `open`. */
  async enqueueNew(findings: ReadonlyArray<{ readonly fingerprint: string; readonly detector: string }>, trigger: CheckTrigger = 'scan'): Promise<number> {
    let queued = 0;
    for (const f of findings) {
      const check = checkForDetector(f.detector);
      if (!check) continue;
      await this.options.queues.schedule(check.id, f.fingerprint, 0, trigger);
      queued++;
    }
    return queued;
  }

  async requestRecheck(fingerprint: string, actor: AuditActor, options: { requestId?: string; note?: string } = {}): Promise<RecheckResult> {
    const finding = await this.options.findings.get(fingerprint, { locationLimit: 0 });
    if (!finding) return { queued: false, reason: 'no such finding' };
    const check = checkForDetector(finding.detector);
    const result: RecheckResult = !check
      ? { queued: false, reason: `no liveness check exists for ${finding.detector}` }
      : !this.enabled
        ? { queued: false, disabled: true, reason: 'liveness checks are off on this server (PUSHGATE_LIVENESS=off)' }
        : { queued: true, reason: await this.options.queues.schedule(check.id, fingerprint, 0, 'triage') };
    await this.options.audit.append({
      action: 'finding.recheck-request',
      actor,
      target: { type: 'finding', id: fingerprint },
      data: { queued: result.queued, reason: result.reason, status: finding.status, ...(options.note ? { note: options.note.slice(0, 500) } : {}) },
      ...(options.requestId ? { requestId: options.requestId } : {}),
    });
    return result;
  }

  async applyVerdict(fingerprint: string, checkId: string, verdict: LivenessVerdict, trigger: CheckTrigger): Promise<AppliedVerdict | null> {
    const { findings } = this.options;
    for (let attempt = 0; attempt < APPLY_RETRIES; attempt++) {
      const finding = await findings.get(fingerprint);
      const fields = await findings.livenessFields(fingerprint);
      if (!finding || !fields) return null;
      const now = this.clock();
      const previous = finding.status;
      const status = nextStatus(previous, verdict.outcome);
      const streak = verdict.outcome === 'unknown' ? fields.unknownStreak + 1 : 0;
      const delay = nextCheckDelay(status, verdict.outcome, streak, this.options.settings, verdict.retryAfterMs);
      const knownOwner = fields.owner ? (JSON.parse(fields.owner) as FindingOwner).provider : undefined;
      const owner = attributeOwner(verdict.outcome === 'live' && verdict.owner ? verdict.owner : knownOwner, finding.locations, finding.provider);
      const reach = reachOf(checkId, finding.detector, verdict);
      const record: LivenessCheckRecord = {
        at: now.toISOString(),
        outcome: verdict.outcome,
        reason: verdict.reason,
        ...(verdict.httpStatus !== undefined ? { httpStatus: verdict.httpStatus } : {}),
        ...(verdict.owner ? { owner: verdict.owner } : {}),
        ...(verdict.scopes ? { scopes: verdict.scopes } : {}),
        ...(reach ? { reach } : {}),
        trigger,
        check: checkId,
        statusBefore: previous,
        statusAfter: status,
      };
      const applied = await findings.recordCheck(fingerprint, previous, status, JSON.stringify(record), {
        lastCheckedAt: record.at,
        nextCheckAt: delay === null ? '' : new Date(now.getTime() + delay).toISOString(),
        unknownStreak: String(streak),
        ...(owner ? { owner: JSON.stringify(owner) } : {}),
        // The reach a live answer reports replaces the last one; other answers keep it (it is what the secret could do).
        ...(verdict.outcome === 'live' ? { reach: reach ? JSON.stringify(reach) : '' } : {}),
      });
      if (applied === null) return null;
      if (!applied.applied) continue;
      await this.afterVerdict(fingerprint, finding, record, owner);
      return { previous, status, nextDelayMs: delay };
    }
    throw new Error(`finding ${fingerprint} kept changing while a verdict was applied`);
  }

  private async afterVerdict(
    fingerprint: string,
    finding: { detector: string; provider: string; title: string; severity: string; redacted: string; repositories: readonly string[] },
    record: LivenessCheckRecord,
    owner: FindingOwner | null,
  ): Promise<void> {
    const { audit } = this.options;
    const target = { type: 'finding', id: fingerprint };
    await audit.append({
      action: 'liveness.verdict',
      actor: LIVENESS_ACTOR,
      target,
      data: { check: record.check, outcome: record.outcome, reason: record.reason, httpStatus: record.httpStatus, trigger: record.trigger, owner: owner?.display },
    });
    if (record.statusBefore === record.statusAfter) return;
    const reopened = isReopening(record.statusBefore, record.statusAfter);
    await audit.append({ action: 'finding.status', actor: LIVENESS_ACTOR, target, data: { from: record.statusBefore, to: record.statusAfter, reopened, check: record.check } });
    this.options.logger?.info({ fingerprint, from: record.statusBefore, to: record.statusAfter, check: record.check }, 'finding liveness changed');
    await this.options.notifier?.notify({
      event: 'finding.liveness_changed',
      at: record.at,
      finding: { fingerprint, detector: finding.detector, provider: finding.provider, title: finding.title, severity: finding.severity, redacted: finding.redacted, repositories: finding.repositories },
      previousStatus: record.statusBefore,
      status: record.statusAfter,
      reopened,
      verdict: {
        check: record.check,
        outcome: record.outcome,
        reason: record.reason,
        ...(record.httpStatus !== undefined ? { httpStatus: record.httpStatus } : {}),
        ...(record.owner ? { owner: record.owner as ProviderOwner } : {}),
        trigger: record.trigger,
      },
    });
    await this.options.onStatusChange?.(fingerprint, record.statusBefore, record.statusAfter);
  }

  async history(fingerprint: string, limit = 100): Promise<LivenessCheckRecord[]> {
    return (await this.options.findings.checkRecords(fingerprint, limit)).map((r) => JSON.parse(r) as LivenessCheckRecord);
  }

  async owner(fingerprint: string): Promise<FindingOwner | null> {
    const fields = await this.options.findings.livenessFields(fingerprint);
    return fields?.owner ? (JSON.parse(fields.owner) as FindingOwner) : null;
  }

  async nextCheck(fingerprint: string): Promise<string | null> {
    return (await this.options.findings.livenessFields(fingerprint))?.nextCheckAt ?? null;
  }
}
