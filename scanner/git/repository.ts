import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { NotARepositoryError } from './errors.js';
import { gitEnvironment, runGit, type GitInvocation } from './git-process.js';

/** A repository located and checked once; every git process of a scan runs with its `invocation`. */
export interface Repository {
  /** The path the caller gave, resolved. */
  readonly path: string;
  readonly gitDir: string;
  readonly objectFormat: 'sha1' | 'sha256';
  /** Has a promisor remote: objects may be missing, and reading one would try to fetch it. */
  readonly partialClone: boolean;
  readonly invocation: GitInvocation;
}

export interface OpenOptions {
  /** Base environment for git (see gitEnvironment). Pass it to keep a quarantine's object directories; undefined: this process's. */
  readonly env?: NodeJS.ProcessEnv;
  readonly signal?: AbortSignal;
}

/** Finds the repository at `path` (work tree, subdirectory or bare). Throws NotARepositoryError. */
export async function openRepository(path: string, options: OpenOptions = {}): Promise<Repository> {
  const abs = resolve(path);
  const info = await stat(abs).catch(() => undefined);
  if (!info?.isDirectory()) throw new NotARepositoryError(abs, 'no such directory');
  const env = gitEnvironment(options.env);
  const probe: GitInvocation = { cwd: abs, env };
  const run = { repoPath: abs, ...(options.signal ? { signal: options.signal } : {}) };
  const [out, promisors] = await Promise.all([
    runGit(['rev-parse', '--absolute-git-dir', '--show-object-format'], probe, run),
    runGit(['config', '--get-regexp', '^(extensions\\.partialclone|remote\\..*\\.promisor)$'], probe, { ...run, okExitCodes: [1] }).catch(
      () => Buffer.alloc(0),
    ),
  ]);
  const [gitDir, format] = out.toString('utf8').trim().split('\n');
  if (!gitDir) throw new NotARepositoryError(abs, 'git rev-parse printed no git directory');
  const partialClone = promisors
    .toString('utf8')
    .split('\n')
    .some((line) => /^extensions\.partialclone \S/i.test(line) || /^remote\..*\.promisor (true|yes|on|1)$/i.test(line));
  // Pin the repository so every later process reads the same one.
  const invocation: GitInvocation = { cwd: abs, env: { ...env, GIT_DIR: gitDir } };
  return { path: abs, gitDir, objectFormat: format === 'sha256' ? 'sha256' : 'sha1', partialClone, invocation };
}
