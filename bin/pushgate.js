#!/usr/bin/env node
// The package's command. Runs the compiled code (dist/, built by `npm run build`,
// which `npm ci` and `npm install` run as `prepare`): no TypeScript at start-up.
// `pushgate hook ...` runs on every push, so it skips the CLI framework entirely.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const isHook = args[0] === 'hook';
// The hook runs from one pre-bundled file (see scripts/build.mjs): fewer modules to load on every push.
const entry = new URL(isHook ? '../dist/hook-bundle.mjs' : '../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(`pushgate: ${fileURLToPath(entry)} is missing; run \`npm run build\` first [CLI_NOT_BUILT]\n`);
  // A hook that cannot run must reject the push: any non-zero status does.
  process.exitCode = 2;
} else if (isHook) {
  const { runHookCommand } = await import(entry.href);
  process.exitCode = await runHookCommand(args.slice(1), fileURLToPath(import.meta.url));
} else {
  const { main } = await import(entry.href);
  process.exitCode = await main(process.argv);
}
