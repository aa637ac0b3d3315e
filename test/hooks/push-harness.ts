import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitRepo } from '../support/git-repo.js';
import { REPO_ROOT, ensureBuilt } from '../cli/built-cli.js';
import { TokenFactory } from '../support/token-factory.js';
import { examples as ghp } from '../../detectors/github-pat-classic/examples.js';
import { examples as npm } from '../../detectors/npm-access-token/examples.js';

export const BIN = join(REPO_ROOT, 'bin/pushgate.js');

/** The environment of a pusher (and of the server's hook, for local-path pushes). */
export function pushEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_') && !k.startsWith('PUSHGATE_')) env[k] = v;
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Dev',
    GIT_AUTHOR_EMAIL: 'dev@example.com',
    GIT_COMMITTER_NAME: 'Dev',
    GIT_COMMITTER_EMAIL: 'dev@example.com',
    LC_ALL: 'C',
    ...extra,
  };
}

export interface PushResult {
  readonly code: number;
  readonly stderr: string;
  readonly stdout: string;
}

/** Asynchronous: the smart-HTTP server of a test runs in this process and must keep answering. */
export function push(client: GitRepo, url: string, refspecs: string[], options: { args?: string[]; env?: Record<string, string> } = {}): Promise<PushResult> {
  return new Promise((resolve) => {
    const child = spawn('git', ['push', '--porcelain', ...(options.args ?? []), url, ...refspecs], {
      cwd: client.path,
      env: pushEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** A bare server repository under its own root directory, with the pushgate hook installed. */
export async function serverRepo(name = 'server.git', options: { socket?: string } = {}): Promise<{ repo: GitRepo; root: string; name: string }> {
  await ensureBuilt();
  const root = mkdtempSync(join(tmpdir(), 'pushgate-srv-'));
  const created = GitRepo.create({ bare: true });
  const path = join(root, name);
  renameSync(created.path, path);
  const server = GitRepo.open(path, true);
  server.git(['config', 'receive.advertisePushOptions', 'true']);
  const r = spawnSync(process.execPath, [BIN, 'hook', 'install', path, ...(options.socket ? ['--socket', options.socket] : [])], { encoding: 'utf8', env: pushEnv() });
  if (r.status !== 0) throw new Error(`hook install failed: ${r.stderr}`);
  return { repo: server, root, name };
}


export const tokens = new TokenFactory('push-tests');
export function githubToken(): string {
  return ghp.generate!(tokens);
}
export function npmToken(): string {
  return npm.generate!(tokens);
}

export function refOf(repo: GitRepo, ref: string): string | undefined {
  const r = spawnSync('git', ['rev-parse', '--verify', '-q', ref], { cwd: repo.path, encoding: 'utf8', env: pushEnv() });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

export function hasObject(repo: GitRepo, oid: string): boolean {
  return spawnSync('git', ['cat-file', '-e', oid], { cwd: repo.path, env: pushEnv() }).status === 0;
}

export interface RunningDaemon {
  readonly log: () => string;
  stop(): Promise<number | null>;
}

/** `pushgate hook daemon` as its own process, ready once it logs that it listens. */
export async function startDaemonProcess(socket: string): Promise<RunningDaemon> {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'hook', 'daemon', '--socket', socket], { env: pushEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (c: Buffer) => (log += c.toString('utf8')));
  const exited = new Promise<number | null>((ok) => child.on('close', (code) => ok(code)));
  await new Promise<void>((ok, fail) => {
    const timer = setInterval(() => {
      if (log.includes('"listening"')) {
        clearInterval(timer);
        ok();
      }
    }, 20);
    void exited.then(() => {
      clearInterval(timer);
      fail(new Error(`daemon exited: ${log}`));
    });
  });
  // Stopping twice is harmless: the second call finds it gone.
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  return { log: () => log, stop };
}

