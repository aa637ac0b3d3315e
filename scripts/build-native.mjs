#!/usr/bin/env node
// Builds the optional native keyword prefilter (native/prefilter.c, see
// detectors/engine/teddy-native.ts) with node-gyp. The addon is only a faster
// kernel: without a compiler the WebAssembly kernel does the same work, so a
// failed build is one warning line and exit code 0, unless
// PUSHGATE_REQUIRE_NATIVE=1 (CI, benchmarks), which makes it an error.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const required = process.env.PUSHGATE_REQUIRE_NATIVE === '1';

/** How to run node-gyp: the one npm puts on PATH in lifecycle scripts, else the copy bundled with npm. */
function nodeGyp() {
  const exe = process.platform === 'win32' ? ['node-gyp.cmd', 'node-gyp.exe'] : ['node-gyp'];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of exe) {
      if (dir !== '' && existsSync(join(dir, name))) return { command: join(dir, name), args: [], shell: process.platform === 'win32' };
    }
  }
  const prefix = dirname(dirname(process.execPath));
  for (const p of [
    join(prefix, 'lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
    join(dirname(process.execPath), 'node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
  ]) {
    if (existsSync(p)) return { command: process.execPath, args: [p], shell: false };
  }
  return undefined;
}

function fail(reason, output = '') {
  if (required) {
    if (output.trim() !== '') process.stderr.write(output.trimEnd().split('\n').slice(-30).join('\n') + '\n');
    process.stderr.write(`pushgate: native prefilter not built (${reason}) and PUSHGATE_REQUIRE_NATIVE=1\n`);
    process.exit(1);
  }
  process.stderr.write(`pushgate: native prefilter not built (${reason}); using the WebAssembly kernel\n`);
  process.exit(0);
}

const gyp = nodeGyp();
if (gyp === undefined) fail('node-gyp not found');

const args = [...gyp.args, 'rebuild'];
// Outside npm, node-gyp does not read npm's config: use the headers installed next to this node when they exist,
// instead of downloading them.
const prefix = dirname(dirname(process.execPath));
if (process.env.npm_config_nodedir === undefined && existsSync(join(prefix, 'include/node/node_api.h'))) args.push(`--nodedir=${prefix}`);

const r = spawnSync(gyp.command, args, { cwd: root, encoding: 'utf8', shell: gyp.shell, stdio: ['ignore', 'pipe', 'pipe'] });
const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
if (r.error) fail(`could not run node-gyp: ${r.error.message}`);
if (r.status !== 0) {
  const lastError = output
    .split('\n')
    .filter((l) => /error/i.test(l))
    .at(0);
  fail(`node-gyp exited with ${r.status ?? r.signal}${lastError ? `: ${lastError.trim().slice(0, 160)}` : ''}`, output);
}
if (!existsSync(join(root, 'build/Release/pushgate_prefilter.node'))) fail('node-gyp gave no build/Release/pushgate_prefilter.node', output);
if (required || process.env.npm_config_loglevel === 'verbose') process.stderr.write('pushgate: native prefilter built\n');
