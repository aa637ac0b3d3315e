import type { CustomConfig } from '../../detectors/custom/custom-detectors.js';
import { excludeLegacy } from '../../scanner/custom-config.js';
import { DelayedError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Engine } from '../../detectors/engine/engine.js';
import { scanHistory } from '../../scanner/history.js';
import type { Fingerprinter } from '../../scanner/fingerprint.js';
import type { Finding } from '../../scanner/types.js';
import type { AddFindingsResult, FindingsStore } from '../store/findings-store.js';
import { jobError } from './job-failure.js';
import { HISTORY_SCAN_QUEUE, type HistoryScanJobData } from './jobs.js';
import type { CredentialsProvider, MirrorCache } from './mirror-cache.js';
import { parseRepositorySource } from './repository-source.js';
import { JobProgress } from './scan-progress.js';

/** What the scan processors need; the worker builds it from the service context. */
export interface ScanProcessorDeps {
  readonly findings: FindingsStore;
  readonly engine: Engine;
  /** The service's keyed fingerprints (never the CLI's unkeyed default). */
  readonly fingerprints: Fingerprinter;
  readonly mirrors: MirrorCache;
  readonly credentials?: CredentialsProvider;
  readonly logger?: Logger;
  /** Least time between two progress writes to Redis, ms (default 500). */
  readonly progressIntervalMs?: number;
  /** Told after findings were stored (liveness queues first checks of the new ones). */
  readonly onStored?: (findings: readonly Finding[], stored: AddFindingsResult) => Promise<void>;
  /** PUSHGATE_CONFIG: legacy findings at its excluded paths are not stored (identifiable ones always are). */
  readonly custom?: CustomConfig;
}

/** A history-scan job's return value: counts and fingerprints, never a secret or a redacted value. */
export interface HistoryScanSummary {
  /** The name the findings are stored under (GET /v1/findings?repository=...). */
  readonly repository: string;
  readonly findings: number;
  readonly identifiable: number;
  /** Findings and locations new to the store (0 when the same history was scanned before). */
  readonly created: number;
  readonly locationsAdded: number;
  /** At most MAX_SUMMARY_FINGERPRINTS. */
  readonly fingerprints: readonly string[];
  readonly fingerprintsTruncated: boolean;
  readonly blobs: number;
  readonly bytes: number;
  readonly skipped: number;
  /** `clone`: a new mirror; `fetch`: an existing mirror brought up to date. */
  readonly fetch: 'clone' | 'fetch';
  readonly scanSeconds: number;
  readonly seconds: number;
}

export const MAX_SUMMARY_FINGERPRINTS = 1000;

/** The name a history scan's findings are stored under: the repository as given, a path resolved. */
export function storedRepositoryName(repository: string): string {
  const source = parseRepositorySource(repository);
  return source.kind === 'path' ? source.location : repository;
}

/**
 * Processes `history-scan` jobs: brings a mirror of the repository up to
 * date, scans every blob of its history once (streamed: memory grows with
 * findings, not with the repository), stores the findings (idempotent: a
 * retried or repeated job adds nothing twice) and returns a summary.
 */
export function historyScanProcessor(deps: ScanProcessorDeps) {
  return async (job: Job<HistoryScanJobData, HistoryScanSummary>, token?: string, signal?: AbortSignal): Promise<HistoryScanSummary> => {
    const started = performance.now();
    const progress = new JobProgress(job, deps.progressIntervalMs);
    try {
      const source = parseRepositorySource(job.data.repository);
      const repository = storedRepositoryName(job.data.repository);
      await progress.phase('fetching');
      const credentials = source.http && deps.credentials ? await deps.credentials(credentialRequest(job.data)) : undefined;
      const { report, how } = await deps.mirrors.use(
        source,
        { update: { kind: 'all' }, ...(credentials ? { credentials } : {}), ...(signal ? { signal } : {}) },
        async (mirror) => {
          const scanned = await scanHistory(mirror.gitDir, {
            // Triage shows the lines around each secret (masked); they are stored sealed with the finding.
            excerpts: true,
            collapseMoved: true,
            engine: deps.engine,
            fingerprints: deps.fingerprints,
            onProgress: (p) => progress.scan(p),
            ...(signal ? { signal } : {}),
          });
          return { report: deps.custom ? excludeLegacy(scanned, deps.custom) : scanned, how: mirror.how };
        },
      );
      await progress.phase('storing');
      // Counted under the job: a job that stored its findings and then ran again (a crash, a retry) still reports them.
      const writer = `${HISTORY_SCAN_QUEUE}:${job.id}`;
      const stored = await deps.findings.addFindings(repository, report.findings, { writer });
      await deps.onStored?.(report.findings, stored);
      const added = await deps.findings.addedBy(writer);
      await progress.phase('done');
      return {
        repository,
        ...countFindings(report.findings),
        created: added.created,
        locationsAdded: added.locationsAdded,
        blobs: report.stats.blobs,
        bytes: report.stats.bytes,
        skipped: report.stats.skipped.count,
        fetch: how,
        scanSeconds: report.stats.seconds,
        seconds: (performance.now() - started) / 1000,
      };
    } catch (err) {
      if (signal?.aborted && token) await requeueAfterCancel(job, token);
      throw jobError(err, deps.engine);
    }
  };
}

export function credentialRequest(data: { repository: string; installationId?: number }): { repository: string; installationId?: number } {
  return { repository: data.repository, ...(data.installationId !== undefined ? { installationId: data.installationId } : {}) };
}

export function countFindings(findings: readonly Finding[]): Pick<HistoryScanSummary, 'findings' | 'identifiable' | 'fingerprints' | 'fingerprintsTruncated'> {
  return {
    findings: findings.length,
    identifiable: findings.filter((f) => f.tier === 'identifiable').length,
    fingerprints: findings.slice(0, MAX_SUMMARY_FINGERPRINTS).map((f) => f.fingerprint),
    fingerprintsTruncated: findings.length > MAX_SUMMARY_FINGERPRINTS,
  };
}

/**
 * A job cancelled by a worker shutting down goes back to the queue (delayed
 * one second) without spending an attempt; another worker runs it from the start.
 */
export async function requeueAfterCancel(job: Job, token: string): Promise<never> {
  await job.moveToDelayed(Date.now() + 1000, token);
  throw new DelayedError();
}
