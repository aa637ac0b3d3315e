import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

export class HookInstallError extends Error {
  constructor(readonly code: 'HOOK_NOT_A_REPOSITORY' | 'HOOK_CHAIN_CONFLICT' | 'HOOK_INSTALL_NOT_BARE' | 'HOOK_INSTALL_BARE', message: string) {
    super(message);
  }
}

/** Whether `repo` is a bare repository (git's own answer); throws HOOK_NOT_A_REPOSITORY outside one. */
function isBare(repo: string): boolean {
  try {
    return execFileSync('git', ['rev-parse', '--is-bare-repository'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim() === 'true';
  } catch {
    throw new HookInstallError('HOOK_NOT_A_REPOSITORY', `not a git repository: ${repo}`);
  }
}

const MARKER = '# pushgate pre-receive hook';
/** The hook that was there before pushgate; it runs after pushgate, with the same input. */
export const CHAINED_NAME = 'pre-receive.pushgate-chained';

export interface InstallResult {
  readonly hookPath: string;
  /** Path of the previous hook that is now chained, if there was one. */
  readonly chained: string | null;
  readonly updated: boolean;
}

function hooksDir(repo: string): string {
  let out: string;
  try {
    out = execFileSync('git', ['rev-parse', '--git-path', 'hooks'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    throw new HookInstallError('HOOK_NOT_A_REPOSITORY', `not a git repository: ${repo}`);
  }
  return isAbsolute(out) ? out : resolve(repo, out);
}

/** The script git runs. Absolute paths, so the server's PATH does not matter. */
export function hookScript(nodePath: string, pushgateBin: string, options: HookScriptOptions = {}): string {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const inProcess = `${q(nodePath)} ${q(pushgateBin)} hook pre-receive`;
  // With a scanner daemon, a small Perl client hands it the push (no Node start-up per push) and falls
  // back to the in-process scan when no daemon is there; without Perl, the in-process scan runs.
  const scan = options.socket
    ? `if command -v perl >/dev/null 2>&1; then
  printf '%s\\n' "$input" | perl ${q(join(dirname(pushgateBin), CLIENT_NAME))} ${q(resolve(options.socket))} ${q(nodePath)} ${q(pushgateBin)} || exit $?
else
  printf '%s\\n' "$input" | ${inProcess} || exit $?
fi`
    : `printf '%s\\n' "$input" | ${inProcess} || exit $?`;
  return `#!/bin/sh
${MARKER} (installed by \`pushgate hook install\`).
# pushgate scans every object this push introduces and rejects the push if it
# carries a secret or if the scan cannot finish. A hook that was here before is
# kept as ${CHAINED_NAME} and runs afterwards with the same input.
input=$(cat)
${scan}
chained="\${0%/*}/${CHAINED_NAME}"
if [ -x "$chained" ]; then
  printf '%s\\n' "$input" | "$chained" "$@" || exit $?
fi
exit 0
`;
}

export interface HookScriptOptions {
  /** Unix socket of a running `pushgate hook daemon`; the hook uses it when it can. */
  readonly socket?: string;
}

/** The Perl client beside bin/pushgate.js. */
export const CLIENT_NAME = 'pushgate-hook-client.pl';

export function installPreReceive(repo: string, pushgateBin: string, nodePath = process.execPath, options: HookScriptOptions = {}): InstallResult {
  // git runs pre-receive only where pushes arrive: in a work tree it would sit there unused and look like protection.
  if (!isBare(repo)) {
    throw new HookInstallError(
      'HOOK_INSTALL_NOT_BARE',
      `${repo} is a work tree, where git never runs a pre-receive hook: install the server hook in the bare repository on the git server, or run \`pushgate hook install --client\` here for early warnings before commit and push`,
    );
  }
  const dir = hooksDir(repo);
  mkdirSync(dir, { recursive: true });
  const hookPath = join(dir, 'pre-receive');
  const chainedPath = join(dir, CHAINED_NAME);
  let chained: string | null = existsSync(chainedPath) ? chainedPath : null;
  let updated = false;
  if (existsSync(hookPath)) {
    const current = readFileSync(hookPath, 'utf8');
    if (current.includes(MARKER)) {
      updated = true;
    } else {
      if (existsSync(chainedPath)) {
        // Never overwrite a hook someone else put there.
        throw new HookInstallError(
          'HOOK_CHAIN_CONFLICT',
          `both ${hookPath} and ${chainedPath} exist; merge them by hand, then run install again`,
        );
      }
      renameSync(hookPath, chainedPath);
      chained = chainedPath;
    }
  }
  writeFileSync(hookPath, hookScript(nodePath, resolve(pushgateBin), options));
  chmodSync(hookPath, 0o755);
  return { hookPath, chained, updated };
}

const CLIENT_MARKER = '# pushgate client hook';
export const CLIENT_HOOKS = ['pre-commit', 'pre-push'] as const;
export type ClientHookName = (typeof CLIENT_HOOKS)[number];

export interface ClientInstallResult {
  readonly hooks: ReadonlyArray<InstallResult & { readonly name: ClientHookName }>;
}

/**
 * The developer's hooks in a work tree (`pushgate hook install --client`):
 * pre-commit scans what is staged, pre-push what the push sends. A hook that
 * was there (another tool's) is kept beside it as `<name>.pushgate-chained`
 * and runs after pushgate with the same arguments and input; running the
 * installer again only refreshes pushgate's script. Hooks go where git looks
 * for them (`core.hooksPath` included).
 */
export function installClientHooks(workTree: string, pushgateBin: string, nodePath = process.execPath): ClientInstallResult {
  if (isBare(workTree)) {
    throw new HookInstallError('HOOK_INSTALL_BARE', `${workTree} is a bare repository: nobody commits there; install the server hook with \`pushgate hook install ${workTree}\``);
  }
  const dir = hooksDir(workTree);
  mkdirSync(dir, { recursive: true });
  const hooks = CLIENT_HOOKS.map((name) => {
    const hookPath = join(dir, name);
    const chainedPath = join(dir, `${name}.pushgate-chained`);
    let chained: string | null = existsSync(chainedPath) ? chainedPath : null;
    let updated = false;
    if (existsSync(hookPath)) {
      if (readFileSync(hookPath, 'utf8').includes(CLIENT_MARKER)) updated = true;
      else {
        if (chained) throw new HookInstallError('HOOK_CHAIN_CONFLICT', `both ${hookPath} and ${chainedPath} exist; merge them by hand, then run install again`);
        renameSync(hookPath, chainedPath);
        chained = chainedPath;
      }
    }
    writeFileSync(hookPath, clientHookScript(name, nodePath, resolve(pushgateBin)));
    chmodSync(hookPath, 0o755);
    return { name, hookPath, chained, updated };
  });
  return { hooks };
}

function clientHookScript(name: ClientHookName, nodePath: string, pushgateBin: string): string {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  // pre-push reads the refs on standard input: both pushgate and a chained hook need it.
  const run =
    name === 'pre-push'
      ? `input=$(cat)
printf '%s\\n' "$input" | ${q(nodePath)} ${q(pushgateBin)} hook pre-push "$@" || exit $?
chained="\${0%/*}/pre-push.pushgate-chained"
if [ -x "$chained" ]; then
  printf '%s\\n' "$input" | "$chained" "$@" || exit $?
fi`
      : `${q(nodePath)} ${q(pushgateBin)} hook pre-commit "$@" || exit $?
chained="\${0%/*}/pre-commit.pushgate-chained"
if [ -x "$chained" ]; then
  "$chained" "$@" || exit $?
fi`;
  return `#!/bin/sh
${CLIENT_MARKER} (installed by \`pushgate hook install --client\`).
# An early warning on this machine: it stops a ${name === 'pre-push' ? 'push' : 'commit'} that carries a secret.
# \`--no-verify\` skips it; the server's pre-receive hook is the control.
${run}
exit 0
`;
}
