import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hookGitDir, runPreReceive, spawnDetachedDelivery } from './pre-receive.js';
import { runPreCommit, runPrePush } from './client-hooks.js';
import { installPreReceive, HookInstallError } from './install.js';
import { deliverSpooledEvents } from './deliver-events.js';
import { ScanDaemonError, startScanDaemon } from './scan-daemon.js';
import { terminalLines, terminalText } from '../scanner/report/terminal-text.js';

/**
 * `pushgate hook <name> ...`, dispatched by bin/pushgate.js before the rest of
 * the CLI loads: git runs the hook on every push, so its start-up must stay
 * small (no argument-parser framework, lazy RE2 compiles).
 */
export async function runHookCommand(args: readonly string[], binPath: string): Promise<number> {
  const [name, ...rest] = args;
  const write = (s: string) => void process.stderr.write(s);
  const env = process.env;
  const cwd = process.cwd();
  switch (name) {
    case 'pre-receive': {
      const stdin = readFileSync(0, 'latin1');
      return runPreReceive({
        stdin,
        env,
        gitDir: hookGitDir(env, cwd),
        write,
        now: () => new Date(),
        startDelivery: (dir) => spawnDetachedDelivery(binPath)(dir),
      });
    }
    case 'pre-push':
      return clientHook(() => runPrePush({ stdin: readFileSync(0, 'latin1'), args: rest, env, cwd, write }), env, write);
    case 'pre-commit':
      return clientHook(() => runPreCommit({ stdin: '', args: rest, env, cwd, write }), env, write);
    case 'install': {
      const socketAt = rest.indexOf('--socket');
      const socket = socketAt === -1 ? undefined : rest[socketAt + 1];
      const repo = rest.find((a, i) => !a.startsWith('--') && (socketAt === -1 || i !== socketAt + 1));
      if (!repo || (socketAt !== -1 && !socket)) {
        write('usage: pushgate hook install <bare-repository> [--socket <path of a pushgate hook daemon>]\n');
        return 2;
      }
      try {
        const r = installPreReceive(repo, binPath, process.execPath, socket ? { socket } : {});
        process.stdout.write(
          `pushgate: ${r.updated ? 'updated' : 'installed'} ${r.hookPath}` + (r.chained ? `\npushgate: the existing hook runs after pushgate: ${r.chained}` : '') + '\n',
        );
        return 0;
      } catch (err) {
        if (err instanceof HookInstallError) {
          write(`pushgate: error: ${err.message} [${err.code}]\n`);
          return 2;
        }
        throw err;
      }
    }
    case 'deliver': {
      // Internal: started detached by the pre-receive hook.
      const dir = rest[0];
      const server = env['PUSHGATE_SERVER'];
      if (!dir || !server) return 2;
      const r = await deliverSpooledEvents(resolve(dir), server, env['PUSHGATE_TOKEN']);
      return r.pending === 0 ? 0 : 1;
    }
    case 'daemon': {
      const at = rest.indexOf('--socket');
      const socketPath = at === -1 ? undefined : rest[at + 1];
      if (!socketPath) {
        write('usage: pushgate hook daemon --socket <path>\n');
        return 2;
      }
      return runDaemon(socketPath, binPath, write);
    }
    default:
      write('usage: pushgate hook pre-receive | pre-push <remote> <url> | pre-commit | install <bare-repository> [--socket <path>] | daemon --socket <path>\n');
      return 2;
  }
}

/**
 * A client hook that cannot finish stops the commit or push (exit 1) with one
 * line naming the problem and its code, not a stack trace; PUSHGATE_DEBUG=1
 * adds the stack.
 */
async function clientHook(run: () => Promise<number>, env: NodeJS.ProcessEnv, write: (s: string) => void): Promise<number> {
  try {
    return await run();
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const code = (e as Error & { code?: unknown }).code;
    write(
      typeof code === 'string'
        ? `pushgate: error: ${terminalText(e.message)} [${terminalText(code)}]\n`
        : `pushgate: internal error: ${terminalText(e.message)}\npushgate: run again with PUSHGATE_DEBUG=1 for details\n`,
    );
    if (env['PUSHGATE_DEBUG'] === '1') write(`${terminalLines(e.stack ?? '')}\n`);
    return 1;
  }
}

/** Runs the scan daemon until SIGTERM or SIGINT; logs one JSON line per push on stderr. */
async function runDaemon(socketPath: string, binPath: string, write: (s: string) => void): Promise<number> {
  const log = (entry: Record<string, unknown>) => write(JSON.stringify({ time: new Date().toISOString(), ...entry }) + '\n');
  let daemon;
  try {
    daemon = await startScanDaemon({ socketPath, binPath, log });
  } catch (err) {
    if (err instanceof ScanDaemonError) {
      write(`pushgate: error: ${err.message} [${err.code}]\n`);
      return 2;
    }
    throw err;
  }
  log({ msg: 'listening', socket: daemon.socketPath, pid: process.pid });
  await new Promise<void>((ok) => {
    process.once('SIGTERM', ok);
    process.once('SIGINT', ok);
  });
  await daemon.close();
  log({ msg: 'stopped' });
  return 0;
}
