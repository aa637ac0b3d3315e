import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

export class HookInstallError extends Error {
  constructor(readonly code: 'HOOK_NOT_A_REPOSITORY' | 'HOOK_CHAIN_CONFLICT', message: string) {
    super(message);
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
