import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { SecretValue } from '../../scanner/secret-value.js';
import { runGit, type GitInvocation } from '../../scanner/git/git-process.js';
import { QueueError, type QueueErrorCode } from './queue-error.js';
import { mirrorName, type RepositorySource } from './repository-source.js';
import type { FetchTarget, RepositoryPolicy } from './repository-policy.js';

/**
 * Bare mirrors of the repositories the workers scan, under one work root
 * local to the machine:
 *
 *   <root>/mirrors/<name>.git    a `git clone --mirror`, reused by later jobs (`git fetch`)
 *   <root>/mirrors/<name>.lock/  held while one job uses the mirror (owner: host, pid, process id)
 *   <root>/tmp/<random>/         a clone in progress, renamed into mirrors/ when complete
 *
 * A mirror is only ever used under its lock, by one job at a time across all
 * processes of the machine. Clones are built aside and renamed into place, so
 * a worker killed mid-clone leaves no half mirror; `sweep()` removes what dead
 * processes left behind and mirrors idle for longer than `maxIdleMs`. A mirror
 * whose update fails is removed, so the retry starts from a fresh clone.
 */
export interface GitCredentials {
  /** For GitHub App installation tokens: `x-access-token`. */
  readonly username: string;
  readonly password: SecretValue;
}

/**
 * Credentials for cloning an http(s) repository (e.g. a GitHub App
 * installation token), asked for at fetch time so they never enter job data.
 * They reach git as an HTTP header in its environment, scoped to the
 * repository's origin: never on a command line, in a URL or in the mirror's config.
 */
export type CredentialsProvider = (request: { readonly repository: string; readonly installationId?: number }) => Promise<GitCredentials | undefined>;

export interface MirrorCacheOptions {
  readonly root: string;
  /** Checked before every clone and fetch (again: DNS may have changed since the job was queued); its answer is pinned. */
  readonly policy: RepositoryPolicy;
  /** Mirrors unused for this long are removed by sweep(); 0 removes each mirror right after its job. Default 1 hour. */
  readonly maxIdleMs?: number;
  /** Longest wait for another job's hold on the same mirror before failing with MIRROR_BUSY (retried). Default 1 hour. */
  readonly lockWaitMs?: number;
}

/** What to bring up to date before use: every ref (history scans), or one pushed ref plus objects that must be present. */
export type MirrorUpdate =
  | { readonly kind: 'all' }
  | { readonly kind: 'ref'; readonly ref: string; readonly want: readonly string[] };

export interface MirrorUse {
  readonly gitDir: string;
  /** `clone`: made for this job; `fetch`: an existing mirror brought up to date. */
  readonly how: 'clone' | 'fetch';
}

export interface UseOptions {
  readonly update: MirrorUpdate;
  readonly credentials?: GitCredentials;
  readonly signal?: AbortSignal;
}

export const DEFAULT_MAX_IDLE_MS = 60 * 60 * 1000;
const DEFAULT_LOCK_WAIT_MS = 60 * 60 * 1000;
const LOCK_POLL_MS = 100;
/** A lock held by another machine (a work root that should not be shared) counts as abandoned after this. */
const FOREIGN_LOCK_STALE_MS = 6 * 60 * 60 * 1000;
/** Tells this process's locks from those of an earlier process that had the same pid (pid 1 in containers). */
const PROCESS_ID = randomBytes(8).toString('hex');
const HOST = hostname();

const DROP_MIRROR_ON = new Set(['REPOSITORY_NOT_FOUND', 'FETCH_FAILED', 'REPOSITORY_CORRUPT', 'NOT_A_REPOSITORY']);

/**
 * What a failed clone or fetch tells the job, in our words: git's stderr
 * carries bytes the remote sent (`remote:` lines, a banner from whatever
 * answered on the port), and job errors are readable by API clients, so
 * none of it is echoed. First match wins.
 */
const FETCH_FAILURES: readonly (readonly [RegExp, QueueErrorCode, string])[] = [
  [/transport '[^']*' not allowed|unsupported protocol/i, 'REPOSITORY_NOT_ALLOWED', 'the transport is not allowed for this repository'],
  [/redirect|returned error: 30\d/i, 'REPOSITORY_NOT_ALLOWED', 'the server answered with a redirect, which pushgate does not follow (give the final URL)'],
  [/could not read Username|Authentication failed|HTTP Basic: Access denied|Permission denied \(publickey|access denied|returned error: 40[13]/i, 'REPOSITORY_NOT_FOUND', 'authentication failed or access denied'],
  [/Host key verification failed/i, 'FETCH_FAILED', 'ssh host key verification failed (add the host key to the worker\'s known_hosts)'],
  [/couldn't find remote ref/i, 'FETCH_FAILED', "couldn't find remote ref"],
  [/does not exist|not found|does not appear to be a git repository|not a git repository|returned error: 404/i, 'REPOSITORY_NOT_FOUND', 'repository not found'],
  [/Could not resolve host|Name or service not known|Temporary failure in name resolution/i, 'FETCH_FAILED', 'the host name did not resolve'],
  [/Connection refused/i, 'FETCH_FAILED', 'connection refused'],
  [/timed out|Timeout was reached/i, 'FETCH_FAILED', 'the connection timed out'],
  [/SSL|TLS|certificate/i, 'FETCH_FAILED', 'the TLS handshake or certificate check failed'],
  [/returned error: 5\d\d/i, 'FETCH_FAILED', 'the server answered with an HTTP 5xx error'],
  [/early EOF|unexpected disconnect|hung up|Connection reset|the remote end/i, 'FETCH_FAILED', 'the connection closed before the transfer finished'],
];

/** The code and our own description of a clone or fetch failure, from git's stderr. */
function classifyFetchFailure(stderr: string): { code: QueueErrorCode; reason: string } {
  for (const [pattern, code, reason] of FETCH_FAILURES) if (pattern.test(stderr)) return { code, reason };
  return { code: 'FETCH_FAILED', reason: 'git failed (details are not shown: they come from the remote)' };
}

export class MirrorCache {
  readonly root: string;
  private readonly mirrors: string;
  private readonly tmp: string;
  private readonly maxIdleMs: number;
  private readonly lockWaitMs: number;
  private readonly policy: RepositoryPolicy;

  constructor(options: MirrorCacheOptions) {
    this.policy = options.policy;
    this.root = options.root;
    this.mirrors = join(options.root, 'mirrors');
    this.tmp = join(options.root, 'tmp');
    this.maxIdleMs = options.maxIdleMs ?? DEFAULT_MAX_IDLE_MS;
    this.lockWaitMs = options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS;
  }

  /**
   * Runs `fn` on an up-to-date mirror of `source`, holding the mirror's lock
   * throughout. Fetch failures are QueueErrors: REPOSITORY_NOT_FOUND
   * (permanent) or FETCH_FAILED (retried).
   */
  async use<T>(source: RepositorySource, options: UseOptions, fn: (mirror: MirrorUse) => Promise<T>): Promise<T> {
    await mkdir(this.mirrors, { recursive: true });
    const name = mirrorName(source);
    const gitDir = join(this.mirrors, `${name}.git`);
    const release = await this.lock(name, options.signal);
    let keep = this.maxIdleMs > 0;
    try {
      const how = await this.update(source, gitDir, options);
      const now = new Date();
      await utimes(gitDir, now, now).catch(() => {});
      return await fn({ gitDir, how });
    } catch (err) {
      // After a failed fetch, or a scan that found the mirror unreadable, the retry starts from a fresh clone;
      // failures elsewhere (storing, reporting) keep the healthy mirror.
      if (DROP_MIRROR_ON.has((err as { code?: string }).code ?? '')) keep = false;
      throw err;
    } finally {
      if (!keep) await rm(gitDir, { recursive: true, force: true }).catch(() => {});
      await release();
    }
  }

  /** Removes mirrors idle longer than maxIdleMs and clones and locks left by dead processes. Returns how many mirrors went. */
  async sweep(): Promise<number> {
    let removed = 0;
    for (const entry of await readdir(this.tmp).catch(() => [] as string[])) {
      const dir = join(this.tmp, entry);
      if (await this.abandoned(join(dir, 'owner'), dir)) await rm(dir, { recursive: true, force: true }).catch(() => {});
    }
    const entries = await readdir(this.mirrors).catch(() => [] as string[]);
    for (const entry of entries) {
      if (entry.endsWith('.lock')) {
        const dir = join(this.mirrors, entry);
        if (await this.abandoned(join(dir, 'owner'), dir)) await rm(dir, { recursive: true, force: true }).catch(() => {});
      }
    }
    const cutoff = Date.now() - this.maxIdleMs;
    for (const entry of entries) {
      if (!entry.endsWith('.git')) continue;
      const gitDir = join(this.mirrors, entry);
      const info = await stat(gitDir).catch(() => undefined);
      if (!info || info.mtimeMs > cutoff) continue;
      const release = await this.tryLock(entry.slice(0, -'.git'.length));
      if (!release) continue;
      try {
        await rm(gitDir, { recursive: true, force: true });
        removed++;
      } finally {
        await release();
      }
    }
    return removed;
  }

  private async update(source: RepositorySource, gitDir: string, options: UseOptions): Promise<'clone' | 'fetch'> {
    const target = await this.policy.check(source);
    const env = fetchEnvironment(source, target, options.credentials);
    const existing = await stat(join(gitDir, 'HEAD')).catch(() => undefined);
    if (existing) {
      const at: GitInvocation = { cwd: gitDir, env: { ...env, GIT_DIR: gitDir } };
      try {
        if (options.update.kind === 'all') await this.git(['fetch', '--prune', '--quiet', 'origin'], at, source, options.signal);
        else await this.fetchRef(at, source, options.update, options.signal);
        return 'fetch';
      } catch (err) {
        if (err instanceof QueueError && err.code === 'REPOSITORY_NOT_FOUND') throw err;
        if (options.signal?.aborted) throw err;
        // The mirror may be damaged (a killed fetch, a full disk): clone afresh once.
        await rm(gitDir, { recursive: true, force: true });
      }
    }
    await this.clone(source, gitDir, env, options.signal);
    if (options.update.kind === 'ref') {
      const at: GitInvocation = { cwd: gitDir, env: { ...env, GIT_DIR: gitDir } };
      await this.fetchMissing(at, source, options.update.want, options.signal);
    }
    return 'clone';
  }

  private async clone(source: RepositorySource, gitDir: string, env: NodeJS.ProcessEnv, signal: AbortSignal | undefined): Promise<void> {
    await mkdir(this.tmp, { recursive: true });
    const dir = join(this.tmp, randomBytes(8).toString('hex'));
    await mkdir(dir);
    try {
      await writeFile(join(dir, 'owner'), ownerLine());
      const target = join(dir, 'mirror.git');
      // `--` ends the options: the location cannot be read as one (it is checked not to start with `-` too).
      await this.git(['clone', '--mirror', '--quiet', '--', source.location, target], { cwd: dir, env }, source, signal);
      // Fetches run in the foreground, under the lock: a detached gc could outlive the mirror's removal.
      await this.git(['config', 'gc.autoDetach', 'false'], { cwd: target, env: { ...env, GIT_DIR: target } }, source, signal);
      await rename(target, gitDir);
    } finally {
      await rm(dir, { recursive: true, force: true }).catch(() => {});
    }
  }

  private async fetchRef(at: GitInvocation, source: RepositorySource, update: { ref: string; want: readonly string[] }, signal: AbortSignal | undefined): Promise<void> {
    await this.git(['fetch', '--quiet', 'origin', `+${update.ref}:${update.ref}`], at, source, signal).catch((err: unknown) => {
      // A ref deleted again since the push is not an error here: the objects may still be fetched by id below.
      if (err instanceof QueueError && err.code === 'FETCH_FAILED' && /couldn't find remote ref/i.test(err.message)) return;
      throw err;
    });
    await this.fetchMissing(at, source, update.want, signal);
  }

  /** Fetches wanted objects the mirror lacks by id (servers that allow it do; others fail and the caller reports what is missing). */
  private async fetchMissing(at: GitInvocation, source: RepositorySource, want: readonly string[], signal: AbortSignal | undefined): Promise<void> {
    for (const oid of want) {
      if (await hasObject(at, oid)) continue;
      await this.git(['fetch', '--quiet', 'origin', oid], at, source, signal).catch(() => {});
    }
  }

  private async git(args: string[], at: GitInvocation, source: RepositorySource, signal: AbortSignal | undefined): Promise<Buffer> {
    try {
      return await runGit(args, at, { repoPath: source.location, ...(signal ? { signal } : {}) });
    } catch (err) {
      if (signal?.aborted) throw err;
      const detail = (err as { detail?: string }).detail ?? (err instanceof Error ? err.message : String(err));
      const { code, reason } = classifyFetchFailure(detail);
      // No `cause`: BullMQ and loggers would carry git's stderr along with it.
      throw new QueueError(code, `git ${args[0]} of ${source.location} failed: ${reason}`);
    }
  }

  private async lock(name: string, signal: AbortSignal | undefined): Promise<() => Promise<void>> {
    const deadline = Date.now() + this.lockWaitMs;
    for (;;) {
      const release = await this.tryLock(name);
      if (release) return release;
      signal?.throwIfAborted();
      if (Date.now() > deadline) throw new QueueError('MIRROR_BUSY', `another job has held the mirror ${name} for over ${Math.round(this.lockWaitMs / 1000)} s`);
      await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
    }
  }

  private async tryLock(name: string): Promise<(() => Promise<void>) | undefined> {
    const dir = join(this.mirrors, `${name}.lock`);
    try {
      await mkdir(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (!(await this.abandoned(join(dir, 'owner'), dir))) return undefined;
      await rm(dir, { recursive: true, force: true });
      return this.tryLock(name);
    }
    await writeFile(join(dir, 'owner'), ownerLine());
    return () => rm(dir, { recursive: true, force: true });
  }

  /** Whether the process that wrote `ownerFile` is gone (or the file was never written and the directory is old). */
  private async abandoned(ownerFile: string, dir: string): Promise<boolean> {
    const text = await readFile(ownerFile, 'utf8').catch(() => undefined);
    if (text === undefined) {
      // Between mkdir and writing the owner: give the owner a moment.
      const info = await stat(dir).catch(() => undefined);
      return !info || Date.now() - info.mtimeMs > 10_000;
    }
    const [host, pidText, processId] = text.trim().split(' ');
    const pid = Number(pidText);
    if (host !== HOST) {
      const info = await stat(ownerFile).catch(() => undefined);
      return !info || Date.now() - info.mtimeMs > FOREIGN_LOCK_STALE_MS;
    }
    if (pid === process.pid) return processId !== PROCESS_ID;
    return !processAlive(pid);
  }
}

function ownerLine(): string {
  return `${HOST} ${process.pid} ${PROCESS_ID}\n`;
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function hasObject(at: GitInvocation, oid: string): Promise<boolean> {
  try {
    await runGit(['cat-file', '-e', oid], at, { repoPath: at.cwd });
    return true;
  } catch {
    return false;
  }
}

/** Variables that would point git at another repository or object store than the one we name. */
const LOCATION_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_COMMON_DIR',
  'GIT_INDEX_FILE',
  'GIT_PREFIX',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_QUARANTINE_PATH',
  'GIT_NAMESPACE',
];

/**
 * The environment of clone and fetch: the one transport the policy allowed,
 * connecting to the address it checked (curl's resolve list for http(s),
 * ssh's HostName, the host name kept for TLS and known_hosts), no HTTP
 * redirects (they could lead anywhere), never a prompt (a job must fail, not
 * hang), messages in English for classification, and the credentials, if
 * any, as an extra HTTP header scoped to the origin.
 */
export function fetchEnvironment(source: RepositorySource, target: FetchTarget, credentials?: GitCredentials): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of LOCATION_VARIABLES) delete env[name];
  for (const name of Object.keys(env)) if (/^GIT_CONFIG_(COUNT|KEY_\d+|VALUE_\d+)$/.test(name)) delete env[name];
  env['LC_ALL'] = 'C';
  env['GIT_TERMINAL_PROMPT'] = '0';
  env['GCM_INTERACTIVE'] = 'never';
  env['GIT_ALLOW_PROTOCOL'] = target.protocol;
  const pin = target.pin;
  const ssh = env['GIT_SSH_COMMAND'] ?? 'ssh -o BatchMode=yes';
  // Both values were checked to be an IP address and a plain host name: nothing the shell running this would interpret.
  env['GIT_SSH_COMMAND'] = pin && target.protocol === 'ssh' ? `${ssh} -o HostName=${pin.address} -o HostKeyAlias=${pin.host}` : ssh;
  const settings: [string, string][] = [];
  if (target.protocol === 'https' || target.protocol === 'http') {
    settings.push(['http.followRedirects', 'false']);
    if (pin) settings.push(['http.curloptResolve', `${pin.host}:${pin.port}:${pin.address.includes(':') ? `[${pin.address}]` : pin.address}`]);
  }
  if (credentials && source.http) {
    const origin = new URL(source.location).origin;
    const basic = Buffer.from(`${credentials.username}:${credentials.password.reveal()}`, 'utf8').toString('base64');
    settings.push([`http.${origin}/.extraHeader`, `Authorization: Basic ${basic}`]);
  }
  if (settings.length > 0) {
    env['GIT_CONFIG_COUNT'] = String(settings.length);
    for (const [i, [key, value]] of settings.entries()) {
      env[`GIT_CONFIG_KEY_${i}`] = key;
      env[`GIT_CONFIG_VALUE_${i}`] = value;
    }
  }
  return env;
}
