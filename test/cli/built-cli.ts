import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Runs the real `bin/pushgate.js`, which imports the compiled dist/. CI builds
 * dist in `npm ci` (the `prepare` script); locally dist may be older than the
 * sources, so `ensureBuilt()` runs the same build with `--if-stale`, which
 * decides freshness itself (one definition of "stale", in scripts/build.mjs).
 * Test files run in parallel workers: a lock directory makes one of them build
 * while the others wait.
 */
export const REPO_ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(REPO_ROOT, 'bin/pushgate.js');

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
let built: Promise<void> | undefined;

export function ensureBuilt(): Promise<void> {
  built ??= buildUnderLock();
  return built;
}

async function buildUnderLock(): Promise<void> {
  const lock = join(tmpdir(), `pushgate-cli-build-${createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12)}.lock`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker builds; a lock older than 5 minutes belongs to a dead run.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // Removed meanwhile: try again.
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${lock}`);
      await sleep(200);
    }
  }
  try {
    // The same build as `npm run build` (tsc, then the hook bundle); type errors fail it.
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/build.mjs'), '--if-stale'], { cwd: REPO_ROOT, stdio: 'pipe' });
  } catch (err) {
    const out = `${(err as { stdout?: Buffer }).stdout?.toString() ?? ''}${(err as { stderr?: Buffer }).stderr?.toString() ?? String(err)}`;
    throw new Error(`npm run build failed:\n${out}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** An environment without the caller's pushgate and git settings, so runs are reproducible. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('PUSHGATE_') || k.startsWith('GIT_')) continue;
    env[k] = v;
  }
  return { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...extra };
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd ?? REPO_ROOT, env: options.env ?? cleanEnv(), maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (err as { code?: unknown }).code : 0;
        if (typeof code !== 'number') return reject(err ?? new Error('pushgate did not exit normally'));
        resolvePromise({ code, stdout, stderr });
      },
    );
  });
}
