#!/usr/bin/env node
// The package's command. Runs the compiled CLI (dist/, built by `npm run build`,
// which `npm ci` and `npm install` run as `prepare`): no TypeScript at start-up.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('pushgate: dist/cli/main.js is missing; run `npm run build` first [CLI_NOT_BUILT]\n');
  process.exitCode = 2;
} else {
  const { main } = await import(entry.href);
  process.exitCode = await main(process.argv);
}
