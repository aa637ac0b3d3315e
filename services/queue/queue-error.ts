/**
 * Errors of the scan queues and their processors. `permanent` ones fail the
 * job for good (BullMQ's UnrecoverableError, straight to the dead-letter
 * view); the others are retried with backoff.
 */
export type QueueErrorCode =
  /** The repository string is not an accepted git URL or absolute path (or carries credentials). */
  | 'REPOSITORY_INVALID'
  /** The repository policy (services/queue/repository-policy.ts) refuses this source. */
  | 'REPOSITORY_NOT_ALLOWED'
  /** The remote says there is no such repository, or the path holds none. */
  | 'REPOSITORY_NOT_FOUND'
  /** Cloning or fetching failed for another reason (network, server, auth): retried. */
  | 'FETCH_FAILED'
  /** A pushed commit is neither in the mirror nor fetchable (force-pushed away). */
  | 'COMMIT_NOT_FOUND'
  /** The push-scan job names no valid ref or object ids. */
  | 'PUSH_INVALID'
  /** The scan itself failed (corrupt repository, git error). */
  | 'SCAN_FAILED'
  /** A PushScanReporter failed: the job is retried (scanning and storing are idempotent). */
  | 'REPORT_FAILED'
  /** Another job holds the repository's mirror for longer than the wait allows. */
  | 'MIRROR_BUSY'
  /** GET /v1/scans/:id for an id the queue does not hold (never existed, or removed by retention). */
  | 'SCAN_NOT_FOUND'
  /** A retry asked for a job that is not in the failed set. */
  | 'SCAN_NOT_FAILED';

const PERMANENT: ReadonlySet<QueueErrorCode> = new Set(['REPOSITORY_INVALID', 'REPOSITORY_NOT_ALLOWED', 'REPOSITORY_NOT_FOUND', 'COMMIT_NOT_FOUND', 'PUSH_INVALID']);

export class QueueError extends Error {
  override readonly name = 'QueueError';
  constructor(
    readonly code: QueueErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get permanent(): boolean {
    return PERMANENT.has(this.code);
  }
}

/**
 * BullMQ keeps only an error's message (`failedReason`), so a failed job's
 * message starts with its code: `REPOSITORY_NOT_FOUND: ...`. This reads it back.
 */
export function failureOf(failedReason: string | undefined): { code: string; message: string } | null {
  if (!failedReason) return null;
  const m = /^([A-Z][A-Z0-9_]{2,40}): ([\s\S]*)$/.exec(failedReason);
  return m ? { code: m[1]!, message: m[2]! } : { code: 'JOB_FAILED', message: failedReason };
}
