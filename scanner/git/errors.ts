/**
 * Errors of the git reader. Each has a stable `code` that callers (CLI exit
 * codes, the hook's reject message, the service's job status) switch on; the
 * message is for people and may change. Git's own stderr is kept as `detail`:
 * it names objects and paths, never object contents.
 */

/** The `git` executable could not be started. */
export class GitNotFoundError extends Error {
  readonly code = 'GIT_NOT_FOUND';
  constructor(cause: unknown) {
    super('git is not installed or not on PATH', { cause });
  }
}

/** The path does not exist or is not inside a git repository. */
export class NotARepositoryError extends Error {
  readonly code = 'NOT_A_REPOSITORY';
  constructor(
    readonly path: string,
    readonly detail = '',
  ) {
    super(`not a git repository: ${path}${detail ? ` (${detail})` : ''}`);
  }
}

/** Git refuses to work in the repository because another user owns it (safe.directory). */
export class UntrustedRepositoryError extends Error {
  readonly code = 'REPOSITORY_UNTRUSTED';
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`git refuses to read ${path}: it is owned by another user (add it to safe.directory): ${detail}`);
  }
}

/** A commit or tree could not be read, so the history cannot be walked. */
export class CorruptRepositoryError extends Error {
  readonly code = 'REPOSITORY_CORRUPT';
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`git repository ${path} is corrupt or incomplete: ${detail}`);
  }
}

/** A git command failed for a reason not covered by a more specific error. */
export class GitCommandError extends Error {
  readonly code = 'GIT_FAILED';
  constructor(
    readonly command: string,
    readonly exitCode: number | null,
    readonly detail: string,
  ) {
    super(`git ${command} failed (exit ${exitCode ?? 'signal'}): ${detail || 'no message'}`);
  }
}

/** A revision argument git does not know, or one that is not a revision or an allowed rev-list pseudo-option. */
export class InvalidRevisionError extends Error {
  readonly code = 'INVALID_REVISION';
  constructor(readonly detail: string) {
    super(`invalid revision argument: ${detail}`);
  }
}

/** The scan was aborted by its AbortSignal (cancelled or out of time). `partial` holds what was done. */
export class ScanAbortedError<T = unknown> extends Error {
  readonly code = 'SCAN_ABORTED';
  constructor(
    readonly partial: T | undefined,
    cause: unknown,
  ) {
    super('scan aborted before it finished', { cause });
  }
}
