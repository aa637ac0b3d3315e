import { chmodSync, existsSync, lstatSync, mkdirSync, statSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { dirname, resolve } from 'node:path';
import { createEngine, type Engine } from '../detectors/engine/engine.js';
import { IDENTIFIABLE_DETECTORS } from '../detectors/registry.js';
import { hookDetectors } from '../scanner/custom-config.js';
import { terminalText } from '../scanner/report/terminal-text.js';
import { hookGitDir, runPreReceive, spawnDetachedDelivery } from './pre-receive.js';
import { failClosedMessage } from './rejection-message.js';

/**
 * `pushgate hook daemon --socket PATH`: a long-lived pre-receive scanner.
 *
 * Why: a hook that is a fresh Node process pays Node's start-up on every
 * push (about 110 ms on a 2-core server, before any work), plus module
 * loading and the first use of the engine. The daemon pays them once; the
 * installed hook hands each push to it through bin/pushgate-hook-client.pl,
 * a Perl client that starts in about 15 ms. The decision is the same code
 * (runPreReceive), in the daemon's process instead of the hook's: same
 * environment (the client sends the hook's), same quarantine, same time
 * budget, same rejection text. Nothing leaves the machine.
 *
 * Protocol, one push per connection: the client writes NUL-terminated fields
 * `pushgate-hook/1`, the hook's working directory, git's ref-update lines,
 * then one `NAME=value` field per environment variable, and half-closes. The
 * daemon answers `0\n` (accept) or `1\n` (reject) followed by the text for the
 * pusher, and closes. Anything else is no decision, and the client rejects.
 *
 * Security: the socket lives in a directory only its owner can write to,
 * with mode 0600, and the client uses it only if it and its directory pass
 * the same check; otherwise the client scans in process. Whoever can reach
 * the socket can already run the hook's own code as this user.
 */
export const PROTOCOL = 'pushgate-hook/1';

/** Ref-update lists of mirror pushes can be long; the environment is small. */
const MAX_REQUEST_BYTES = 64 * 1024 * 1024;

export class ScanDaemonError extends Error {
  constructor(readonly code: 'HOOK_DAEMON_UNSAFE_DIRECTORY' | 'HOOK_DAEMON_RUNNING', message: string) {
    super(message);
  }
}

export interface ScanDaemonOptions {
  readonly socketPath: string;
  /** bin/pushgate.js, for the detached delivery of block events. */
  readonly binPath: string;
  /** One line per push (never a secret: repository, decision, milliseconds); string values arrive escaped with terminalText. */
  readonly log?: (entry: Record<string, unknown>) => void;
}

export interface ScanDaemon {
  readonly socketPath: string;
  /** Stops accepting, lets pushes in progress finish, removes the socket. */
  close(): Promise<void>;
}

export async function startScanDaemon(options: ScanDaemonOptions): Promise<ScanDaemon> {
  const socketPath = resolve(options.socketPath);
  prepareDirectory(dirname(socketPath));
  await removeStaleSocket(socketPath);
  // One engine for every push: its prefilter and compiled patterns stay warm.
  // The daemon's own PUSHGATE_CONFIG: give it the same value as the hooks (a bad one stops the daemon at start).
  const engine = createEngine(await hookDetectors(process.env, IDENTIFIABLE_DETECTORS));
  const inFlight = new Set<Promise<void>>();
  // Half-open: the client ends its side after the request and still reads the answer.
  const server: Server = createServer({ allowHalfOpen: true }, (conn) => {
    const done = handle(conn, engine, options).finally(() => inFlight.delete(done));
    inFlight.add(done);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(socketPath, () => {
      server.off('error', fail);
      ok();
    });
  });
  chmodSync(socketPath, 0o600);
  return {
    socketPath,
    async close() {
      await new Promise<void>((ok) => server.close(() => ok()));
      await Promise.allSettled([...inFlight]);
      try {
        unlinkSync(socketPath);
      } catch {
        // Already gone.
      }
    },
  };
}

/** The directory must be ours and closed to others: whoever can write there could listen in our place. */
function prepareDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = statSync(dir);
  const uid = process.getuid?.();
  if ((uid !== undefined && st.uid !== uid && st.uid !== 0) || (st.mode & 0o022) !== 0) {
    throw new ScanDaemonError('HOOK_DAEMON_UNSAFE_DIRECTORY', `${dir} must belong to this user and not be writable by group or others (chmod 700)`);
  }
}

/** A socket file left by a daemon that died is removed; a live daemon is not replaced. */
async function removeStaleSocket(path: string): Promise<void> {
  if (!existsSync(path)) return;
  if (!lstatSync(path).isSocket()) throw new ScanDaemonError('HOOK_DAEMON_RUNNING', `${path} exists and is not a socket`);
  const alive = await new Promise<boolean>((ok) => {
    const probe = connect(path);
    probe.once('connect', () => {
      probe.destroy();
      ok(true);
    });
    probe.once('error', () => ok(false));
  });
  if (alive) throw new ScanDaemonError('HOOK_DAEMON_RUNNING', `a daemon is already listening on ${path}`);
  unlinkSync(path);
}

export interface HookRequest {
  readonly cwd: string;
  readonly stdin: string;
  readonly env: NodeJS.ProcessEnv;
}

/** Parses a request; null when it is not one (the connection then gets a rejection). */
export function parseRequest(raw: Buffer): HookRequest | null {
  const fields = raw.toString('latin1').split('\0');
  // NUL-terminated: the last split piece is the empty rest.
  if (fields.length < 4 || fields[0] !== PROTOCOL || fields[fields.length - 1] !== '') return null;
  const env: NodeJS.ProcessEnv = {};
  for (const entry of fields.slice(3, -1)) {
    const eq = entry.indexOf('=');
    if (eq <= 0) return null;
    env[entry.slice(0, eq)] = Buffer.from(entry.slice(eq + 1), 'latin1').toString('utf8');
  }
  return { cwd: Buffer.from(fields[1]!, 'latin1').toString('utf8'), stdin: fields[2]!, env };
}

async function handle(conn: Socket, engine: Engine, options: ScanDaemonOptions): Promise<void> {
  const started = performance.now();
  const chunks: Buffer[] = [];
  let size = 0;
  const ended = await new Promise<boolean>((ok) => {
    conn.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_REQUEST_BYTES) {
        conn.pause();
        ok(false);
        return;
      }
      chunks.push(c);
    });
    conn.once('end', () => ok(true));
    conn.once('error', () => ok(false));
    conn.once('close', () => ok(false));
  });
  const request = ended ? parseRequest(Buffer.concat(chunks)) : null;
  if (request === null) {
    logEntry(options, { msg: 'unreadable request', bytes: size });
    answer(conn, 1, failClosedMessage('the scanner could not read the push'));
    return;
  }
  let text = '';
  let code = 1;
  const gitDir = hookGitDir(request.env, request.cwd);
  try {
    code = await runPreReceive({
      stdin: request.stdin,
      env: request.env,
      gitDir,
      write: (s) => {
        text += s;
      },
      now: () => new Date(),
      startDelivery: (dir) => spawnDetachedDelivery(options.binPath, request.env)(dir),
      engine,
    });
  } catch {
    // runPreReceive turns its own failures into rejections; this is a last guard.
    code = 1;
    text = failClosedMessage('internal error');
  }
  logEntry(options, { msg: 'push scanned', repository: gitDir, decision: code === 0 ? 'accepted' : 'rejected', ms: Math.round(performance.now() - started) });
  answer(conn, code === 0 ? 0 : 1, text);
}

/**
 * The repository path comes from the client's request (its working directory
 * and GIT_DIR), so a crafted one must not drive the terminal that tails the
 * log: every string goes through terminalText (JSON escapes C0 controls, but
 * not C1 controls, U+2028 or bidi controls).
 */
function logEntry(options: ScanDaemonOptions, entry: Record<string, unknown>): void {
  if (!options.log) return;
  const safe: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entry)) safe[k] = typeof v === 'string' ? terminalText(v) : v;
  options.log(safe);
}

function answer(conn: Socket, code: 0 | 1, text: string): void {
  if (conn.destroyed) return;
  conn.end(`${code}\n${text}`);
}
