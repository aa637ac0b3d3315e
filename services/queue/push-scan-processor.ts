import { excludeLegacy } from '../../scanner/custom-config.js';
import type { Job } from 'bullmq';
import { gitEnvironment, type GitInvocation } from '../../scanner/git/git-process.js';
import { scanHistory } from '../../scanner/history.js';
import type { Finding } from '../../scanner/types.js';
import { credentialRequest, requeueAfterCancel, type ScanProcessorDeps } from './history-scan-processor.js';
import { jobError } from './job-failure.js';
import { PUSH_SCAN_QUEUE, type PushScanJobData, type PushScanReporter, type PushScanSummary } from './jobs.js';
import { hasObject } from './mirror-cache.js';
import { QueueError } from './queue-error.js';
import { parseRepositorySource } from './repository-source.js';
import { JobProgress } from './scan-progress.js';

export interface PushScanProcessorDeps extends ScanProcessorDeps {
  /** Told about every finished scan of a push that created or moved a ref (e.g. a GitHub commit status). */
  readonly reporters?: readonly PushScanReporter[];
}

/** A push-scan job's return value: the summary the reporters got, plus what was scanned and stored. */
export interface PushScanResult extends PushScanSummary {
  /** Findings are stored under this name: the job's fullName, else its repository. */
  readonly repository: string;
  readonly revisions: readonly string[];
  readonly blobs: number;
  readonly bytes: number;
  readonly created: number;
  readonly locationsAdded: number;
  readonly reported: number;
}

const OID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const ZERO = /^0+$/;
/** A full ref name git accepts, without anything a command line or refspec could misread. */
const REF = /^refs\/(?!.*(?:\.\.|@\{|\/\.|\.lock(?:\/|$)|\/\/))[^\x00-\x20\x7f~^:?*[\\]+(?<![./])$/;
/** Redacted entries in a summary (the count of findings is exact either way). */
export const MAX_SUMMARY_REDACTED = 100;
const MAX_SUMMARY_FINGERPRINTS = 1000;

export function checkPushJob(data: PushScanJobData): void {
  if (!REF.test(data.ref)) throw new QueueError('PUSH_INVALID', 'ref must be a full ref name (refs/heads/..., refs/tags/...)');
  if (!OID.test(data.before) || !OID.test(data.after)) throw new QueueError('PUSH_INVALID', 'before and after must be full object ids');
}

/**
 * What a push introduced, as rev-list arguments, chosen like the pre-receive
 * hook (hooks/push-scan.ts) but from a mirror that already holds the push:
 * `after` minus `before` when the ref existed before (and the mirror has
 * `before`); for a new ref, `after` minus every other ref of the mirror.
 * Either way every commit in between is walked, so a secret added and
 * removed inside the push is still seen.
 */
export async function pushScanRevisions(at: GitInvocation, data: Pick<PushScanJobData, 'ref' | 'before' | 'after'>): Promise<string[]> {
  if (!ZERO.test(data.before) && (await hasObject(at, data.before))) return [data.after, '--not', data.before];
  // `--glob=refs/*`, not `--all`: --all also counts HEAD, which names the pushed branch itself when it is the default one.
  return [data.after, '--not', `--exclude=${data.ref}`, '--glob=refs/*'];
}

/**
 * Processes `push-scan` jobs: fetches only the pushed ref into the
 * repository's mirror (one full clone the first time), scans what the push
 * introduced, stores the findings under `fullName` (or the URL), then calls
 * the reporters. A deleted ref has nothing to scan and reports nothing.
 */
export function pushScanProcessor(deps: PushScanProcessorDeps) {
  return async (job: Job<PushScanJobData, PushScanResult>, token?: string, signal?: AbortSignal): Promise<PushScanResult> => {
    const data = job.data;
    const progress = new JobProgress(job, deps.progressIntervalMs);
    try {
      checkPushJob(data);
      const source = parseRepositorySource(data.repository);
      const repository = data.fullName ?? data.repository;
      if (ZERO.test(data.after)) {
        await progress.phase('done');
        return { ...emptySummary(repository), revisions: [] };
      }
      await progress.phase('fetching');
      const credentials = source.http && deps.credentials ? await deps.credentials(credentialRequest(data)) : undefined;
      const scanned = await deps.mirrors.use(
        source,
        { update: { kind: 'ref', ref: data.ref, want: [data.after] }, ...(credentials ? { credentials } : {}), ...(signal ? { signal } : {}) },
        async (mirror) => {
          const at: GitInvocation = { cwd: mirror.gitDir, env: { ...gitEnvironment(undefined), GIT_DIR: mirror.gitDir } };
          if (!(await hasObject(at, data.after))) {
            throw new QueueError('COMMIT_NOT_FOUND', `pushed object ${data.after} of ${data.ref} is not in the repository any more (force-pushed away?)`);
          }
          const revisions = await pushScanRevisions(at, data);
          const report = await scanHistory(mirror.gitDir, {
            // Triage shows the lines around each secret (masked); they are stored sealed with the finding.
            excerpts: true,
            collapseMoved: true,
            engine: deps.engine,
            fingerprints: deps.fingerprints,
            revisions,
            // The pushed ref's name is scanned too (a secret can ride in on a branch name), and names a pushed tag.
            refs: [{ name: data.ref, target: data.after }],
            onProgress: (p) => progress.scan(p),
            ...(signal ? { signal } : {}),
          });
          return { report: deps.custom ? excludeLegacy(report, deps.custom) : report, revisions };
        },
      );
      await progress.phase('storing');
      const writer = `${PUSH_SCAN_QUEUE}:${job.id}`;
      const stored = await deps.findings.addFindings(repository, scanned.report.findings, { writer });
      await deps.onStored?.(scanned.report.findings, stored);
      const summary = summarizePush(scanned.report.findings);
      const reporters = deps.reporters ?? [];
      if (reporters.length > 0) {
        await progress.phase('reporting');
        const failures: string[] = [];
        for (const reporter of reporters) {
          try {
            await reporter.report(data, summary);
          } catch (err) {
            failures.push(err instanceof Error ? `${(err as { code?: string }).code ?? err.name}: ${err.message}` : String(err));
          }
        }
        if (failures.length > 0) throw new QueueError('REPORT_FAILED', `${failures.length} of ${reporters.length} reporters failed: ${failures.join('; ')}`);
      }
      await progress.phase('done');
      return {
        ...summary,
        repository,
        revisions: scanned.revisions,
        blobs: scanned.report.stats.blobs,
        bytes: scanned.report.stats.bytes,
        ...(await deps.findings.addedBy(writer)),
        reported: reporters.length,
      };
    } catch (err) {
      if (signal?.aborted && token) await requeueAfterCancel(job, token);
      throw jobError(err, deps.engine);
    }
  };
}

/** The reporters' view of a push's findings: counts, fingerprints and redacted values at their first location (with its kind, and the tag or ref it names). */
export function summarizePush(findings: readonly Finding[]): PushScanSummary {
  return {
    findings: findings.length,
    identifiable: findings.filter((f) => f.tier === 'identifiable').length,
    fingerprints: findings.slice(0, MAX_SUMMARY_FINGERPRINTS).map((f) => f.fingerprint),
    redacted: findings.slice(0, MAX_SUMMARY_REDACTED).map((f) => {
      const at = f.locations[0];
      return {
        detector: f.detector,
        title: f.title,
        redacted: f.redacted,
        ...(at ? { kind: at.kind } : {}),
        path: at?.path ?? '',
        line: at?.line ?? 0,
        ...(at?.commit ? { commit: at.commit } : {}),
        ...(at?.tag ? { tag: at.tag } : {}),
        ...(at?.tagName ? { tagName: at.tagName } : {}),
        ...(at?.ref ? { ref: at.ref } : {}),
      };
    }),
  };
}

function emptySummary(repository: string): Omit<PushScanResult, 'revisions'> {
  return { findings: 0, identifiable: 0, fingerprints: [], redacted: [], repository, blobs: 0, bytes: 0, created: 0, locationsAdded: 0, reported: 0 };
}
