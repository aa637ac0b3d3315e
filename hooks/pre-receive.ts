import { CustomConfigError } from '../detectors/custom/custom-detectors.js';
import { hookDetectors } from '../scanner/custom-config.js';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createEngine, type Engine } from '../detectors/engine/engine.js';
import { IDENTIFIABLE_DETECTORS } from '../detectors/registry.js';
import { buildBlockEvent, recordBlockEvent, stateDir } from './block-event.js';
import { failClosedMessage, rejectionMessage } from './rejection-message.js';
import { parseRefUpdates } from './ref-updates.js';
import { IncompleteWalkError, pushRefs, pushRevisions, scanPush } from './push-scan.js';
import { openGitDirectory } from '../scanner/git/repository.js';
import { FingerprintKeyError, fingerprinterFromEnv } from '../scanner/fingerprint.js';

/** GitHub Enterprise Server gives all pre-receive hooks 5 s together; leave room for the others. */
export const DEFAULT_TIME_BUDGET_MS = 4000;

export interface PreReceiveIo {
  readonly stdin: string;
  readonly env: NodeJS.ProcessEnv;
  /** The repository's git directory (git runs hooks with GIT_DIR set, cwd inside it). */
  readonly gitDir: string;
  readonly write: (text: string) => void;
  readonly now: () => Date;
  /** Starts delivery of spooled block events without waiting for it. */
  readonly startDelivery?: (dir: string) => void;
  /** An engine of the identifiable detectors to reuse (the scan daemon keeps one warm); default: a new one. */
  readonly engine?: Engine;
}

/**
 * The pre-receive decision. Returns the exit code: 0 accepts the push, 1
 * rejects it. Only identifiable detectors run (legacy findings never block).
 * Everything the push adds is scanned: file contents, paths, commit
 * messages, identities and headers, annotated tags, and the names of the
 * refs it creates or moves (hooks/push-scan.ts, scanner/history.ts).
 * Nothing a pusher controls turns the scan off: no push option, environment
 * variable, commit message or inline comment is consulted. When the scan
 * cannot finish (error, corrupt object, time budget), the push is rejected.
 */
export async function runPreReceive(io: PreReceiveIo): Promise<number> {
  const startedAt = io.now();
  const budgetMs = timeBudget(io.env);
  const dir = stateDir(io.env, io.gitDir);
  const server = io.env['PUSHGATE_SERVER'];
  let updates;
  try {
    updates = parseRefUpdates(io.stdin);
  } catch (err) {
    io.write(failClosedMessage('unreadable ref update list'));
    return 1;
  }
  const revisions = pushRevisions(updates);
  if (revisions.length === 0) return 0; // deletions only: nothing new enters the repository

  const signal = AbortSignal.timeout(budgetMs);
  try {
    // No `git rev-parse`: git named the repository. A push that brings nothing new (a branch made at an
    // existing commit) costs the commit walk and the tip check, which find nothing, and no blob reads.
    const repo = await openGitDirectory(io.gitDir, { env: io.env });
    // PUSHGATE_CONFIG (set by the server's operator) adds custom identifiable detectors; a bad one rejects the push.
    const engine = io.engine ?? createEngine(await hookDetectors(io.env, IDENTIFIABLE_DETECTORS));
    const fingerprints = fingerprinterFromEnv(io.env);
    const { report, subjects, refLabels } = await scanPush(repo, revisions, { engine, fingerprints, signal, refs: pushRefs(updates) });
    // A ref name that holds a secret is recorded masked, like every other label.
    const recorded = refLabels.size === 0 ? updates : updates.map((u) => ({ ...u, ref: refLabels.get(u.ref) ?? u.ref }));
    if (report.stats.skipped.count > 0) {
      // An object we could not read might hold a secret: refuse rather than guess.
      const reasons = Object.entries(report.stats.skipped.reasons).map(([r, n]) => `${n} ${r}`).join(', ');
      return reject(io, dir, server, recorded, [], 'scan-incomplete', `${report.stats.skipped.count} objects could not be read (${reasons})`, startedAt);
    }
    if (report.findings.length === 0) {
      if (server && io.startDelivery && hasSpooled(dir)) io.startDelivery(dir);
      return 0;
    }
    io.write(rejectionMessage(report.findings, { subjects, color: wantsColor(io.env), source: 'pushgate' }));
    recordBlockEvent(dir, buildBlockEvent({ env: io.env, gitDir: io.gitDir, updates: recorded, findings: report.findings, reason: 'secrets', now: startedAt }), !!server);
    if (server && io.startDelivery) io.startDelivery(dir);
    return 1;
  } catch (err) {
    const detail = signal.aborted ? `time budget of ${budgetMs} ms exceeded` : describe(err);
    return reject(io, dir, server, updates, [], 'scan-incomplete', detail, startedAt);
  }
}

function reject(
  io: PreReceiveIo,
  dir: string,
  server: string | undefined,
  updates: ReturnType<typeof parseRefUpdates>,
  findings: [],
  reason: 'scan-incomplete',
  detail: string,
  now: Date,
): number {
  io.write(failClosedMessage(detail));
  try {
    recordBlockEvent(dir, buildBlockEvent({ env: io.env, gitDir: io.gitDir, updates, findings, reason, detail, now }), !!server);
    if (server && io.startDelivery) io.startDelivery(dir);
  } catch {
    // Recording is best effort; the rejection itself must not depend on it.
  }
  return 1;
}

/** Error text without stack traces or anything a secret could ride in on (messages of our own error classes only). */
function describe(err: unknown): string {
  if (err instanceof IncompleteWalkError || err instanceof FingerprintKeyError || err instanceof CustomConfigError) return `${err.message} [${err.code}]`;
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' ? `internal error ${code}` : 'internal error';
}

/**
 * Server-side setting (the hook's environment, set by the administrator); a
 * pusher cannot reach it over the network, and a smaller value only makes the
 * hook stricter.
 */
export function timeBudget(env: NodeJS.ProcessEnv): number {
  const raw = env['PUSHGATE_HOOK_TIMEOUT_MS'];
  const n = raw ? Number(raw) : NaN;
  return Number.isFinite(n) && n > 0 ? Math.min(n, 10 * 60_000) : DEFAULT_TIME_BUDGET_MS;
}

/** Color only when the client asked for it with `git push -o pushgate.color`. */
function wantsColor(env: NodeJS.ProcessEnv): boolean {
  const count = Number(env['GIT_PUSH_OPTION_COUNT'] ?? 0);
  for (let i = 0; i < count; i++) if (env[`GIT_PUSH_OPTION_${i}`] === 'pushgate.color') return true;
  return false;
}

function hasSpooled(dir: string): boolean {
  try {
    return readdirSync(join(dir, 'spool')).some((n) => n.endsWith('.json'));
  } catch {
    return false;
  }
}

/** The git directory of the repository the hook runs for. */
export function hookGitDir(env: NodeJS.ProcessEnv, cwd: string): string {
  const gitDir = env['GIT_DIR'];
  return gitDir ? resolve(cwd, gitDir) : cwd;
}

/**
 * Starts `node <pushgate bin> hook deliver <dir>` detached, so the push never waits for the network. `env` is the
 * hook's (PUSHGATE_SERVER, PUSHGATE_TOKEN): the scan daemon passes the one its client sent, not its own.
 */
export function spawnDetachedDelivery(binPath: string, env: NodeJS.ProcessEnv = process.env): (dir: string) => void {
  return (dir) => {
    if (!existsSync(binPath)) return;
    const child = spawn(process.execPath, [binPath, 'hook', 'deliver', dir], { detached: true, stdio: 'ignore', env });
    child.unref();
  };
}
