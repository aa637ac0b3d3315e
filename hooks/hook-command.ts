import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hookGitDir, runPreReceive, spawnDetachedDelivery } from './pre-receive.js';
import { runPreCommit, runPrePush } from './client-hooks.js';
import { installClientHooks, installPreReceive, HookInstallError } from './install.js';
import { deliverSpooledEvents } from './deliver-events.js';
import { ScanDaemonError, startScanDaemon } from './scan-daemon.js';
import { terminalLines, terminalText } from '../scanner/report/terminal-text.js';
import { CustomConfigError } from '../detectors/custom/custom-detectors.js';

/**
 * `pushgate hook <name> ...`, dispatched by bin/pushgate.js before the rest of
 * the CLI loads: git runs the hook on every push, so its start-up must stay
 * small (no argument-parser framework, lazy RE2 compiles).
 */
/** `pushgate hook [NAME] --help`: what each hook command does, printed without running anything. */
export const HOOK_HELP: Readonly<Record<string, string>> = {
  '': `Usage: pushgate hook <command> [options]

git hooks that stop secrets on their way into a repository.

Commands:
  pre-receive                 the server hook: scans a push and rejects it if it carries a secret (git runs it)
  pre-push <remote> <url>     client hook: scans the commits a push sends (git runs it)
  pre-commit                  client hook: scans the staged changes (git runs it)
  install <bare-repository>   install the server hook [--socket <path> of a hook daemon]
  install --client [PATH]     install the pre-commit and pre-push hooks in a work tree (default: .)
  daemon --socket <path>      keep a warm scanner for the server hook on a Unix socket

Run \`pushgate hook <command> --help\` for one of them.
`,
  'pre-receive': `Usage: pushgate hook pre-receive

The server-side hook, run by git in the repository pushes arrive in, with the ref
updates on standard input. It scans every object the push introduces (files,
paths, commit and tag messages, ref names) and rejects the push when one carries a
secret, or when the scan cannot finish (fail closed). There is no bypass.
Install it with \`pushgate hook install <bare-repository>\`.
Settings: PUSHGATE_CONFIG (custom detectors), PUSHGATE_FINGERPRINT_KEY, PUSHGATE_SERVER and
PUSHGATE_TOKEN (block events), PUSHGATE_STATE_DIR, PUSHGATE_HOOK_TIMEOUT_MS, PUSHGATE_NATIVE,
PUSHGATE_DEBUG (the full list with defaults: README, "Service configuration", and \`pushgate serve --help\`).
`,
  'pre-push': `Usage: pushgate hook pre-push <remote> <url>

A client hook, run by git before a push with the refs on standard input: scans the
commits the push sends that the remote does not have. An early warning: \`git push
--no-verify\` skips it; the server's pre-receive hook is the control.
Install it with \`pushgate hook install --client\`.
`,
  'pre-commit': `Usage: pushgate hook pre-commit

A client hook, run by git before a commit: scans the staged content of every added
or changed file and its path. An early warning: \`git commit --no-verify\` skips it;
the server's pre-receive hook is the control.
Install it with \`pushgate hook install --client\`.
`,
  install: `Usage: pushgate hook install <bare-repository> [--socket <path>]
       pushgate hook install --client [work-tree]

The server hook goes into a bare repository (where pushes arrive; git never runs
pre-receive in a work tree, so a work tree is refused with HOOK_INSTALL_NOT_BARE).
--socket names a running \`pushgate hook daemon\` the hook hands pushes to.
--client installs pre-commit and pre-push in a work tree (default: the current
directory). A hook already there is kept and runs after pushgate; installing
again only refreshes pushgate's script.
`,
  daemon: `Usage: pushgate hook daemon --socket <path>

Keeps a scanner warm on a Unix socket, so the server hook does not start Node for
every push (its Perl client falls back to scanning in process without it).
`,
};

export async function runHookCommand(args: readonly string[], binPath: string): Promise<number> {
  const [name, ...rest] = args;
  const write = (s: string) => void process.stderr.write(s);
  const env = process.env;
  const cwd = process.cwd();
  // Help never runs a hook: `pre-receive --help` used to scan (and wait for) standard input.
  if (name === undefined || name === '--help' || name === '-h' || name === 'help' || rest.includes('--help') || rest.includes('-h')) {
    const topic = name === undefined || name.startsWith('-') || name === 'help' ? '' : name;
    const text = HOOK_HELP[topic];
    if (text === undefined) {
      write(`pushgate: error: unknown hook command ${JSON.stringify(terminalText(topic))} [CLI_USAGE]\n${HOOK_HELP['']}`);
      return 2;
    }
    process.stdout.write(text);
    return name === undefined ? 2 : 0;
  }
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
      const client = rest.includes('--client');
      const unknown = rest.find((a) => a.startsWith('-') && a !== '--socket' && a !== '--client');
      const repo = rest.find((a, i) => !a.startsWith('--') && (socketAt === -1 || i !== socketAt + 1));
      if (unknown !== undefined || (client ? socketAt !== -1 : !repo || (socketAt !== -1 && !socket))) {
        write(`pushgate: error: ${unknown !== undefined ? `unknown option ${JSON.stringify(terminalText(unknown))}` : 'missing or conflicting arguments'} [CLI_USAGE]\n${HOOK_HELP['install']}`);
        return 2;
      }
      try {
        if (client) {
          const r = installClientHooks(resolve(cwd, repo ?? '.'), binPath, process.execPath);
          for (const h of r.hooks) {
            process.stdout.write(`pushgate: ${h.updated ? 'updated' : 'installed'} ${h.hookPath}` + (h.chained ? ` (the existing hook runs after pushgate: ${h.chained})` : '') + '\n');
          }
          process.stdout.write('pushgate: these hooks are an early warning (--no-verify skips them); the server hook is the control\n');
          return 0;
        }
        const r = installPreReceive(repo!, binPath, process.execPath, socket ? { socket } : {});
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
      write(`pushgate: error: unknown hook command ${JSON.stringify(terminalText(name))} [CLI_USAGE]\n${HOOK_HELP['']}`);
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
    if (err instanceof ScanDaemonError || err instanceof CustomConfigError) {
      write(`pushgate: error: ${terminalText(err.message)} [${err.code}]\n`);
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
