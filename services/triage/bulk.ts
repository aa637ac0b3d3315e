import type { AuditActor } from '../audit/audit-log.js';
import type { LivenessControl } from '../liveness/liveness-control.js';
import type { ResolutionKind } from '../store/findings-store.js';
import { MAX_REASON_LENGTH, type Resolutions } from './resolutions.js';
import { TriageError } from './triage-error.js';
import { MAX_ASSIGNEE_LENGTH, triageText, type TriageStore } from './triage-store.js';
import type { Engine } from '../../detectors/engine/engine.js';

/**
 * One action over many findings (the queue's selection, or an API caller's
 * list): assign, resolve or re-check. Each finding is done on its own, with
 * the same rules and audit entries as one at a time; one refused (a finding
 * with a provider check cannot be resolved, one without cannot be re-checked)
 * does not stop the others, and the result says which and why. Texts are
 * checked once, before anything is done.
 */
export const MAX_BULK = 500;

export type BulkAction =
  | { readonly action: 'assign'; readonly assignee: string | null }
  | { readonly action: 'resolve'; readonly resolution: ResolutionKind; readonly reason: string; readonly expiresAt?: string | null }
  | { readonly action: 'recheck' };

export interface BulkOutcome {
  readonly fingerprint: string;
  readonly ok: boolean;
  /** A stable code when refused. */
  readonly code?: string;
  readonly message?: string;
}

export interface BulkDeps {
  readonly triage: TriageStore;
  readonly resolutions: Resolutions;
  readonly liveness?: LivenessControl | undefined;
  readonly engine: Engine;
}

export async function applyBulk(deps: BulkDeps, fingerprints: readonly string[], input: BulkAction, actor: AuditActor, options: { readonly requestId?: string } = {}): Promise<BulkOutcome[]> {
  const unique = [...new Set(fingerprints)];
  if (unique.length === 0 || unique.length > MAX_BULK) throw new TriageError('TRIAGE_INPUT_INVALID', `select 1 to ${MAX_BULK} findings`);
  // Refuse bad text once, up front, rather than once per finding.
  if (input.action === 'assign' && input.assignee !== null) triageText(deps.engine, input.assignee, 'assignee', 1, MAX_ASSIGNEE_LENGTH, false);
  if (input.action === 'resolve') triageText(deps.engine, input.reason, 'reason', 1, MAX_REASON_LENGTH, true);
  if (input.action === 'recheck' && !deps.liveness?.enabled) {
    throw new TriageError('LIVENESS_DISABLED', 'liveness checks are off on this server: nothing would run a re-check');
  }
  const out: BulkOutcome[] = [];
  for (const fingerprint of unique) {
    try {
      if (input.action === 'assign') {
        await deps.triage.assign(fingerprint, input.assignee, actor, options);
      } else if (input.action === 'resolve') {
        await deps.resolutions.resolve(fingerprint, { resolution: input.resolution, reason: input.reason, expiresAt: input.expiresAt ?? null }, actor, options);
      } else {
        const result = await deps.liveness!.requestRecheck(fingerprint, actor, options);
        if (!result.queued) {
          const code = result.reason === 'no such finding' ? 'FINDING_NOT_FOUND' : 'LIVENESS_NOT_CHECKABLE';
          out.push({ fingerprint, ok: false, code, message: result.reason ?? 'not queued' });
          continue;
        }
      }
      out.push({ fingerprint, ok: true });
    } catch (err) {
      if (!(err instanceof TriageError)) throw err;
      out.push({ fingerprint, ok: false, code: err.code, message: err.message });
    }
  }
  return out;
}
