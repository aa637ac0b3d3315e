import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import {
  CorruptRepositoryError,
  GitCommandError,
  GitNotFoundError,
  InvalidRevisionError,
  NotARepositoryError,
  ScanAbortedError,
  UntrustedRepositoryError,
} from './errors.js';

/**
 * Variables that say where the repository is. Always dropped: the repository
 * is the path the caller names (a scan started from inside some git hook must
 * read that path, not the hook's repository); openRepository then pins GIT_DIR.
 */
const REPOSITORY_LOCATION = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_INDEX_FILE', 'GIT_PREFIX'];

/**
 * Variables that change which objects and refs git sees. Kept only when the
 * caller passes its own `env`: the pre-receive hook runs in git's quarantine,
 * where pushed objects are visible only through GIT_OBJECT_DIRECTORY +
 * GIT_ALTERNATE_OBJECT_DIRECTORIES (GIT_QUARANTINE_PATH says so), and a
 * namespaced server repository shows its refs through GIT_NAMESPACE.
 */
const OBJECT_VIEW = ['GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_QUARANTINE_PATH', 'GIT_NAMESPACE'];

/**
 * The environment every git process of a scan gets. Reads never touch the
 * network or the terminal: in a partial clone a missing blob would otherwise
 * be fetched one by one from the promisor remote (GIT_NO_LAZY_FETCH needs git
 * 2.45; GIT_ALLOW_PROTOCOL=none makes the fetch fail fast on older git), so
 * it is reported as missing instead. Replace refs are ignored so the objects
 * actually stored are scanned, and LC_ALL=C keeps git's messages stable for
 * error classification.
 */
export function gitEnvironment(env: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...(env ?? process.env) };
  for (const name of REPOSITORY_LOCATION) delete out[name];
  if (env === undefined) for (const name of OBJECT_VIEW) delete out[name];
  out['LC_ALL'] = 'C';
  out['GIT_TERMINAL_PROMPT'] = '0';
  out['GIT_NO_LAZY_FETCH'] = '1';
  out['GIT_ALLOW_PROTOCOL'] = 'none';
  out['GIT_NO_REPLACE_OBJECTS'] = '1';
  out['GIT_OPTIONAL_LOCKS'] = '0';
  return out;
}

export interface GitInvocation {
  /** Directory git runs in. */
  readonly cwd: string;
  /** Complete environment (see gitEnvironment). */
  readonly env: NodeJS.ProcessEnv;
}

export type GitChild = ChildProcessByStdio<Writable, Readable, Readable>;

/** Keeps the last `limit` bytes of a process's stderr, for error messages. */
export class StderrTail {
  private chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly limit = 16 * 1024) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size - this.chunks[0]!.length >= this.limit) this.size -= this.chunks.shift()!.length;
  }

  text(): string {
    const all = Buffer.concat(this.chunks);
    return all.subarray(Math.max(0, all.length - this.limit)).toString('utf8').trim();
  }
}

/** Starts git with piped stdio. A spawn failure surfaces as an `error` event (see spawnError). */
export function spawnGit(args: readonly string[], at: GitInvocation): GitChild {
  return spawn('git', args, { cwd: at.cwd, env: at.env, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Turns a spawn failure into GitNotFoundError when git itself is missing. */
export function spawnError(err: unknown): Error {
  if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new GitNotFoundError(err);
  return err instanceof Error ? err : new Error(String(err));
}

const NOT_A_REPOSITORY = /not a git repository/i;
const UNTRUSTED = /dubious ownership/i;
const UNKNOWN_REVISION = /unknown revision|bad revision|ambiguous argument/i;
const CORRUPT =
  /corrupt|inflate|unable to unpack|bad object|bad tree|bad commit|invalid object|unable to read|could not read|broken link|missing (blob|tree|commit)|object file .* is empty|packfile .* (does not match|cannot be accessed)|did not receive expected object/i;

/** Maps a failed git command to the most specific error its stderr allows. */
export function gitFailure(repoPath: string, command: string, exitCode: number | null, stderr: string): Error {
  const detail = firstLines(stderr);
  if (NOT_A_REPOSITORY.test(stderr)) return new NotARepositoryError(repoPath, detail);
  if (UNTRUSTED.test(stderr)) return new UntrustedRepositoryError(repoPath, detail);
  if (UNKNOWN_REVISION.test(stderr)) return new InvalidRevisionError(detail);
  if (CORRUPT.test(stderr)) return new CorruptRepositoryError(repoPath, detail);
  return new GitCommandError(command, exitCode, detail);
}

function firstLines(text: string, max = 5): string {
  return text.split('\n').filter(Boolean).slice(0, max).join('; ');
}

export interface RunOptions {
  readonly input?: string | Buffer;
  readonly signal?: AbortSignal;
  /** Named in errors. */
  readonly repoPath: string;
}

/** Runs a short git command to completion and returns its stdout. */
export function runGit(args: readonly string[], at: GitInvocation, options: RunOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new ScanAbortedError(undefined, options.signal.reason));
      return;
    }
    let child: GitChild;
    try {
      child = spawnGit(args, at);
    } catch (err) {
      reject(spawnError(err));
      return;
    }
    const out: Buffer[] = [];
    const err = new StderrTail();
    let failed: Error | undefined;
    const onAbort = (): void => {
      failed ??= new ScanAbortedError(undefined, options.signal?.reason);
      child.kill();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (e) => {
      failed ??= spawnError(e);
    });
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    // git may exit before reading all input (e.g. on an error); EPIPE is reported through its exit code.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
    child.on('close', (code) => {
      options.signal?.removeEventListener('abort', onAbort);
      if (failed) reject(failed);
      else if (code !== 0) reject(gitFailure(options.repoPath, args[0] ?? '', code, err.text()));
      else resolve(Buffer.concat(out));
    });
  });
}
