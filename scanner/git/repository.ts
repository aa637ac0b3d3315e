import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
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
  const out = await runGit(['rev-parse', '--absolute-git-dir', '--git-common-dir', '--show-object-format'], probe, {
    repoPath: abs,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const [gitDir, commonDir, format] = out.toString('utf8').trim().split('\n');
  if (!gitDir || !commonDir) throw new NotARepositoryError(abs, 'git rev-parse printed no git directory');
  const partialClone = await hasPromisorRemote(resolve(abs, commonDir));
  // Pin the repository so every later process reads the same one.
  const invocation: GitInvocation = { cwd: abs, env: { ...env, GIT_DIR: gitDir } };
  return { path: abs, gitDir, objectFormat: format === 'sha256' ? 'sha256' : 'sha1', partialClone, invocation };
}

/**
 * The repository whose git directory git itself named, without starting git:
 * for a hook, where git runs it with GIT_DIR set, so there is nothing to
 * discover, and a `git rev-parse` would add a process to every push. The
 * common directory comes from `commondir` (linked worktrees), the object
 * format from `extensions.objectFormat`. Whether git trusts the directory
 * (safe.directory) is still checked by the first git process of the scan.
 */
export async function openGitDirectory(gitDir: string, options: Pick<OpenOptions, 'env'> = {}): Promise<Repository> {
  const abs = resolve(gitDir);
  if (!existsSync(resolve(abs, 'HEAD'))) throw new NotARepositoryError(abs, 'no HEAD in the git directory');
  const commonFile = await readFile(resolve(abs, 'commondir'), 'utf8').catch(() => '');
  const commonDir = commonFile.trim() ? resolve(abs, commonFile.trim()) : abs;
  const config = await readFile(resolve(commonDir, 'config'), 'utf8').catch(() => '');
  const env = gitEnvironment(options.env);
  return {
    path: abs,
    gitDir: abs,
    objectFormat: /^\s*objectformat\s*=\s*sha256\s*$/im.test(config) ? 'sha256' : 'sha1',
    partialClone: promisorIn(config),
    invocation: { cwd: abs, env: { ...env, GIT_DIR: abs } },
  };
}

/**
 * Whether the repository's own config names a promisor remote (a partial
 * clone: `git clone --filter` writes `remote.<name>.promisor` and/or
 * `extensions.partialClone` there). Read from the file rather than with
 * `git config`: one process less before the scan can start, which the hook
 * notices. A promisor set only in an included file is missed; then an
 * absent blob makes cat-file fail, and it is counted as corrupt, not missing.
 */
async function hasPromisorRemote(commonDir: string): Promise<boolean> {
  return promisorIn(await readFile(resolve(commonDir, 'config'), 'utf8').catch(() => ''));
}

function promisorIn(config: string): boolean {
  return /^\s*promisor\s*(=\s*(true|yes|on|1)\s*)?$/im.test(config) || /^\s*partialclone\s*=\s*\S/im.test(config);
}
