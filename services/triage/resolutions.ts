import type { Engine } from '../../detectors/engine/engine.js';
import { checkForDetector } from '../../liveness/registry.js';
import type { AuditActor, AuditLog } from '../audit/audit-log.js';
import type { LivenessNotifier, ResolutionChangeCause } from '../liveness/outgoing-webhooks.js';
import type { FindingResolution, FindingsStore, FindingStatus, ResolutionKind, StoredFinding } from '../store/findings-store.js';
import { TriageError } from './triage-error.js';
import { by, triageText } from './triage-store.js';

/**
 * Resolutions: how a finding no provider can judge reaches an honest end. A
 * person with `findings:triage` resolves it with a kind and a reason
 * (false positive, test credential, revoked (attested), accepted risk until a
 * date); it leaves the queue with status `resolved`, which every count, page,
 * API answer and webhook keeps apart from `closed` (the provider said
 * revoked). A finding whose detector has a provider check cannot be resolved
 * by anyone: it closes on the provider's verdict only
 * (RESOLUTION_NEEDS_VERDICT). A resolution ends when someone removes it, when
 * the secret is seen in a new place (FindingsStore.addFindings reopens it in
 * the same script that adds the location), or when an accepted risk expires
 * (expireDue, run by the worker); each step is audited and sent to the
 * outgoing webhooks.
 */
export const MAX_REASON_LENGTH = 1000;
/**
 * Longest an accepted risk may run before it reopens by itself: a risk
 * nobody looks at again is a finding nobody owns. A later `expiresAt` is
 * refused (RESOLUTION_EXPIRY_INVALID), never silently shortened.
 */
export const MAX_ACCEPTED_RISK_DAYS = 365;
const DAY_MS = 86_400_000;

export interface ResolutionInput {
  readonly resolution: ResolutionKind;
  readonly reason: string;
  /** ISO 8601; required for accepted-risk, refused otherwise. */
  readonly expiresAt?: string | null;
}

/** What the API answers after a change. */
export interface ResolutionState {
  readonly fingerprint: string;
  readonly status: FindingStatus;
  readonly resolution: FindingResolution | null;
}

export interface ResolutionsOptions {
  readonly findings: FindingsStore;
  readonly audit: AuditLog;
  /** Reasons are refused when they carry a secret (they are shown and audited in clear). */
  readonly engine: Engine;
  readonly notifier?: LivenessNotifier;
  /** Told after every status change (the console's status-count sampler). */
  readonly onStatusChange?: (fingerprint: string, previous: FindingStatus, next: FindingStatus) => Promise<void>;
  /** Whether a provider check exists for a detector (default: the liveness registry). */
  readonly hasProviderCheck?: (detector: string) => boolean;
  readonly clock?: () => Date;
}

interface ActionOptions {
  readonly requestId?: string;
}

const SCAN_ACTOR: AuditActor = { kind: 'system', id: 'scan-worker' };
const EXPIRY_ACTOR: AuditActor = { kind: 'system', id: 'resolution-expiry' };

export class Resolutions {
  private readonly clock: () => Date;
  private readonly hasCheck: (detector: string) => boolean;

  constructor(private readonly options: ResolutionsOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.hasCheck = options.hasProviderCheck ?? ((detector) => checkForDetector(detector) !== undefined);
  }

  /** Whether a person may resolve findings of this detector (no provider check exists for it). */
  allowedFor(detector: string): boolean {
    return !this.hasCheck(detector);
  }

  async resolve(fingerprint: string, input: ResolutionInput, actor: AuditActor, options: ActionOptions = {}): Promise<ResolutionState> {
    const now = this.clock();
    const reason = triageText(this.options.engine, input.reason, 'reason', 1, MAX_REASON_LENGTH, true);
    const expiresAt = expiryOf(input, now);
    const finding = await this.existing(fingerprint);
    if (!this.allowedFor(finding.detector)) {
      throw new TriageError(
        'RESOLUTION_NEEDS_VERDICT',
        `${finding.detector} has a provider check: the finding closes only when the provider says the secret is revoked (revoke it, then re-check)`,
      );
    }
    const resolution: FindingResolution = { kind: input.resolution, reason, at: now.toISOString(), by: by(actor), expiresAt };
    const done = await this.options.findings.resolve(fingerprint, resolution);
    if (!done) throw new TriageError('FINDING_NOT_FOUND', 'no finding with this fingerprint');
    await this.options.audit.append({
      action: 'finding.resolved',
      actor,
      target: { type: 'finding', id: fingerprint },
      data: {
        resolution: resolution.kind,
        reason,
        expiresAt,
        previousStatus: done.previous,
        ...(finding.resolution ? { replaced: finding.resolution.kind } : {}),
      },
      ...(options.requestId ? { requestId: options.requestId } : {}),
    });
    await this.changed(finding, done.previous, 'resolved', 'resolved', resolution);
    return { fingerprint, status: 'resolved', resolution };
  }

  /** Removes the finding's resolution: it is `open` (back in the queue) again. */
  async unresolve(fingerprint: string, actor: AuditActor, options: ActionOptions = {}): Promise<ResolutionState> {
    const finding = await this.existing(fingerprint);
    const result = await this.options.findings.unresolve(fingerprint);
    if (!result) throw new TriageError('FINDING_NOT_FOUND', 'no finding with this fingerprint');
    if (!result.applied) throw new TriageError('FINDING_NOT_RESOLVED', `the finding is ${result.status}, not resolved`);
    await this.options.audit.append({
      action: 'finding.resolution-removed',
      actor,
      target: { type: 'finding', id: fingerprint },
      data: { resolution: result.resolution.kind, reason: result.resolution.reason, resolvedBy: result.resolution.by },
      ...(options.requestId ? { requestId: options.requestId } : {}),
    });
    await this.changed(finding, 'resolved', 'open', 'resolution-removed', result.resolution);
    return { fingerprint, status: 'open', resolution: null };
  }

  /** Audits and announces findings a scan reopened (FindingsStore.addFindings did it, with the new location). */
  async reopened(entries: ReadonlyArray<{ readonly fingerprint: string; readonly resolution: FindingResolution }>): Promise<void> {
    for (const { fingerprint, resolution } of entries) {
      await this.options.audit.append({
        action: 'finding.reopened',
        actor: SCAN_ACTOR,
        target: { type: 'finding', id: fingerprint },
        data: { cause: 'new-location', resolution: resolution.kind, reason: resolution.reason, resolvedBy: resolution.by },
      });
      const finding = await this.options.findings.get(fingerprint, { locationLimit: 0 });
      if (finding) await this.changed(finding, 'resolved', 'open', 'new-location', resolution);
    }
  }

  /** Reopens every accepted risk whose expiry has passed. Returns how many it reopened. */
  async expireDue(): Promise<number> {
    const { findings } = this.options;
    const now = this.clock().getTime();
    let reopened = 0;
    for (;;) {
      const due = await findings.expiredResolutions(now);
      if (due.length === 0) return reopened;
      let progressed = false;
      for (const fingerprint of due) {
        const finding = await findings.get(fingerprint, { locationLimit: 0 });
        const resolution = finding?.resolution;
        // Only the resolution that expired: one set again meanwhile (a new date) has its own entry.
        const result = resolution && resolution.expiresAt !== null && Date.parse(resolution.expiresAt) <= now ? await findings.unresolve(fingerprint, resolution) : null;
        if (result?.applied !== true) {
          // An entry nothing resolved holds any more (removed, reopened, or a finding gone).
          if (await findings.forgetExpiry(fingerprint, now)) progressed = true;
          continue;
        }
        progressed = true;
        reopened++;
        await this.options.audit.append({
          action: 'finding.reopened',
          actor: EXPIRY_ACTOR,
          target: { type: 'finding', id: fingerprint },
          data: { cause: 'accepted-risk-expired', resolution: result.resolution.kind, reason: result.resolution.reason, expiresAt: result.resolution.expiresAt },
        });
        await this.changed(finding!, 'resolved', 'open', 'accepted-risk-expired', result.resolution);
      }
      if (!progressed) return reopened;
    }
  }

  private async existing(fingerprint: string): Promise<StoredFinding> {
    const finding = await this.options.findings.get(fingerprint, { locationLimit: 0 });
    if (!finding) throw new TriageError('FINDING_NOT_FOUND', 'no finding with this fingerprint');
    return finding;
  }

  private async changed(finding: StoredFinding, previous: FindingStatus, status: FindingStatus, cause: ResolutionChangeCause, resolution: FindingResolution): Promise<void> {
    await this.options.notifier?.notify({
      event: 'finding.resolution_changed',
      at: this.clock().toISOString(),
      finding: {
        fingerprint: finding.fingerprint,
        detector: finding.detector,
        provider: finding.provider,
        title: finding.title,
        severity: finding.severity,
        redacted: finding.redacted,
        repositories: finding.repositories,
      },
      previousStatus: previous,
      status,
      cause,
      resolution: { kind: resolution.kind, reason: resolution.reason, by: resolution.by, at: resolution.at, expiresAt: resolution.expiresAt },
    });
    if (previous !== status) await this.options.onStatusChange?.(finding.fingerprint, previous, status);
  }
}

/** The accepted risk's expiry (ISO 8601), checked; null for other kinds. */
function expiryOf(input: ResolutionInput, now: Date): string | null {
  const given = input.expiresAt ?? null;
  if (input.resolution !== 'accepted-risk') {
    if (given !== null) throw new TriageError('RESOLUTION_EXPIRY_INVALID', 'expiresAt is only for accepted-risk');
    return null;
  }
  if (given === null) throw new TriageError('RESOLUTION_EXPIRY_INVALID', `accepted-risk needs expiresAt: a date at most ${MAX_ACCEPTED_RISK_DAYS} days ahead`);
  const at = Date.parse(given);
  if (!Number.isFinite(at)) throw new TriageError('RESOLUTION_EXPIRY_INVALID', 'expiresAt must be an ISO 8601 date');
  if (at <= now.getTime()) throw new TriageError('RESOLUTION_EXPIRY_INVALID', 'expiresAt must be in the future');
  if (at > now.getTime() + MAX_ACCEPTED_RISK_DAYS * DAY_MS) {
    throw new TriageError('RESOLUTION_EXPIRY_INVALID', `expiresAt must be at most ${MAX_ACCEPTED_RISK_DAYS} days ahead: an accepted risk is looked at again at least once a year`);
  }
  return new Date(at).toISOString();
}
