import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { terminalLines, terminalText } from '../scanner/report/terminal-text.js';
import { scanCommand, EXIT_CLEAN, EXIT_ERROR } from './commands/scan.js';
import { pushgatePackage } from './version.js';

/** What the CLI talks to; the real process by default, swappable in tests. */
export interface CliIo {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

/**
 * Runs `pushgate` with `argv` (as in process.argv, node and script first) and
 * returns the exit status. Errors become one line on stderr with their code
 * and status 2; the stack only with --debug or PUSHGATE_DEBUG=1.
 *
 * Commands load their heavy modules (engine, RE2, git readers) lazily, so
 * `--help` and `--version` start fast.
 */
export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  const debug = argv.includes('--debug') || io.env['PUSHGATE_DEBUG'] === '1';
  // A reader that stops early (`| head`) closes the pipe: what it did not read is not an error, and the
  // status stays the scan's. Writes after that are dropped by the closed stream.
  io.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
  });
  let exitCode = EXIT_CLEAN;
  // Commander's usage errors quote the arguments (`unknown option '...'`): escaped like any text we did not write.
  const output = {
    writeOut: (s: string) => io.stdout.write(s),
    writeErr: (s: string) => io.stderr.write(terminalLines(s)),
    // Usage errors like every other error: one line with a code (commander's message is `error: ...`).
    outputError: (s: string, write: (s: string) => void) => write(`pushgate: ${s.trimEnd()} [CLI_USAGE]\n`),
  };
  const program = new Command('pushgate')
    .description('Git push protection and secret scanning')
    .version(pushgatePackage().version, '-V, --version')
    .option('--debug', 'print stack traces of errors')
    .exitOverride()
    .configureOutput(output)
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', '\n`pushgate <command> --help` describes a command; `pushgate serve --help` and\n`pushgate worker --help` list the service settings (environment variables).\n');
  const scan = scanCommand(io, (code) => (exitCode = code));
  scan.exitOverride().configureOutput(output);
  program.addCommand(scan);
  for (const command of await serviceCommands(argv, io, (code) => (exitCode = code))) {
    // Subcommands too (`token create --help`, a missing `--role`): their exits come back here as CommanderErrors.
    for (const c of [command, ...command.commands]) c.exitOverride().configureOutput(output);
    program.addCommand(command);
  }
  // `pushgate hook ...` is dispatched by bin/pushgate.js before this module loads; listed here for --help.
  program.addCommand(
    new Command('hook')
      .description('git hooks: pre-receive | pre-push | pre-commit | install [--client] | daemon (`pushgate hook --help`)')
      .allowUnknownOption()
      .helpOption(false),
  );

  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit 0; usage errors were already printed by commander.
      return err.exitCode === 0 ? EXIT_CLEAN : EXIT_ERROR;
    }
    io.stderr.write(describeError(err, debug));
    return EXIT_ERROR;
  }
}

/**
 * The service commands pull in fastify, BullMQ and ioredis, so only the one
 * being run is loaded; the others appear in --help as descriptions.
 */
const SERVICE_COMMANDS = {
  serve: ['run the service API (configured by environment variables)', async () => (await import('../services/cli/serve-command.js')).serveCommand],
  worker: ['run the BullMQ scan workers (configured by environment variables)', async () => (await import('../services/cli/worker-command.js')).workerCommand],
  token: ['create, list and revoke API tokens', async () => (await import('../services/cli/token-command.js')).tokenCommand],
  audit: ['verify the hash-chained audit log', async () => (await import('../services/cli/audit-command.js')).auditCommand],
  store: ['re-key fingerprints and re-seal secrets in the findings store', async () => (await import('../services/cli/store-command.js')).storeCommand],
} as const;

async function serviceCommands(argv: readonly string[], io: CliIo, setExitCode: (code: number) => void): Promise<Command[]> {
  const words = argv.slice(2).filter((a) => !a.startsWith('-'));
  // `pushgate help serve` shows the real command's help (its settings), as `pushgate serve --help` does.
  const requested = words[0] === 'help' ? words[1] : words[0];
  const out: Command[] = [];
  for (const [name, [description, load]] of Object.entries(SERVICE_COMMANDS)) {
    // The same one-line summary in `pushgate --help` whether or not the command was loaded.
    out.push(name === requested ? (await load())(io, setExitCode).summary(description) : new Command(name).description(description).allowUnknownOption());
  }
  return out;
}

/**
 * One line: the message can quote a path, a ref, git's stderr or a scanned
 * repository's data, so it goes through terminalText and cannot break the
 * line or drive the terminal (the stack, with --debug, line by line).
 */
function describeError(err: unknown, debug: boolean): string {
  const e = err instanceof Error ? err : new Error(String(err));
  const raw = (e as Error & { code?: unknown }).code;
  const code = typeof raw === 'string' ? terminalText(raw) : undefined;
  const message = terminalText(e.message);
  let s = code ? `pushgate: error: ${message} [${code}]\n` : `pushgate: internal error: ${message}\n`;
  if (debug) s += `${terminalLines(e.stack ?? '')}\n`;
  else if (!code) s += 'pushgate: run again with --debug (or PUSHGATE_DEBUG=1) for details\n';
  return s;
}

function defaultIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/** True when this module is the process entry (`node dist/cli/main.js`), not imported by bin/ or tests. */
function isEntry(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) process.exitCode = await main(process.argv);
