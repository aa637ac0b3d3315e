#!/usr/bin/env node
// Builds dist/: `tsc` for every module, then one esbuild bundle of the hook
// entry, because git starts the hook on every push and loading one file is
// cheaper than resolving dozens of modules. `--if-stale` skips the work when
// dist/ is newer than every source (so `npx pushgate` on a fresh clone, which
// runs `prepare` again when it links the package, does not compile twice).
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const stamp = join(root, 'dist', '.build-stamp');
const SOURCE_DIRS = ['detectors', 'hooks', 'services', 'liveness', 'scanner', 'cli', 'bench', 'test/support'];

function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else if ((e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) || e.name.endsWith('.json')) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of SOURCE_DIRS) visit(join(root, d));
  for (const f of ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'scripts/build.mjs']) newest = Math.max(newest, statSync(join(root, f)).mtimeMs);
  return newest;
}

if (process.argv.includes('--if-stale')) {
  let built = 0;
  try {
    built = statSync(stamp).mtimeMs;
  } catch {
    // never built
  }
  if (built >= newestSource()) process.exit(0);
}

execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });

const esbuild = await import('esbuild');
await esbuild.build({
  entryPoints: [join(root, 'dist/hooks/hook-command.js')],
  outfile: join(root, 'dist/hook-bundle.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // re2-wasm locates its .wasm file next to its own module; yaml is loaded only when a custom config is given.
  external: ['re2-wasm', 'yaml'],
  logLevel: 'warning',
});
writeFileSync(stamp, new Date().toISOString() + '\n');
