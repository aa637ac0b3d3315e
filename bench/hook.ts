import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installPreReceive } from '../hooks/install.js';
import { createEngine } from '../detectors/engine/engine.js';
import { IDENTIFIABLE_DETECTORS } from '../detectors/registry.js';
import { fmt, percentile } from './measure.js';
import type { BenchContext, BenchModule } from './types.js';

/**
 * Added latency of the pre-receive hook on real pushes through git (local
 * path transport): each scenario is pushed into a fresh bare repository with
 * the hook and into one without, alternating, and we report median and p99
 * of both and of the difference. Targets (issue): the 100 MB push finishes
 * inside the 4 s budget; the small push adds under 150 ms.
 * Options: `--reps N` (small scenarios; the 100 MB one uses fewer).
 */
export const bench: BenchModule = {
  name: 'hook',
  title: 'pre-receive hook latency on real pushes, with vs without the hook',
  run,
};

const BIN = resolve(fileURLToPath(new URL('../../bin/pushgate.js', import.meta.url)));

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_') && !k.startsWith('PUSHGATE_')) e[k] = v;
  return {
    ...e,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
  };
}

function git(cwd: string, args: string[], input?: string): string {
  return execFileSync('git', args, { cwd, env: env(), maxBuffer: 1 << 30, ...(input !== undefined ? { input } : {}) }).toString();
}

function pushMs(client: string, url: string, refspec: string): Promise<{ ms: number; code: number; stderr: string }> {
  return new Promise((res) => {
    const t0 = process.hrtime.bigint();
    const child = spawn('git', ['push', '-q', url, refspec], { cwd: client, env: env(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code) => res({ ms: Number(process.hrtime.bigint() - t0) / 1e6, code: code ?? -1, stderr }));
  });
}

interface Scenario {
  readonly name: string;
  readonly reps: number;
  /** Builds the client's commits; returns the refspec to push and a setup for each fresh server. */
  prepare(client: string, text: Buffer): { refspec: string; seed?: string };
}

/** Real source text cut into files of roughly `size` bytes. */
function slices(text: Buffer, size: number, count: number, offset: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const start = (offset + i * size) % Math.max(1, text.length - size);
    out.push(text.subarray(start, start + size));
  }
  return out;
}

function commitFiles(client: string, files: Array<[string, Buffer]>, message: string): string {
  for (const [path, content] of files) {
    mkdirSync(join(client, path, '..'), { recursive: true });
    writeFileSync(join(client, path), content);
  }
  git(client, ['add', '-A']);
  git(client, ['commit', '-q', '--no-verify', '-m', message]);
  return git(client, ['rev-parse', 'HEAD']).trim();
}

const SCENARIOS: Scenario[] = [
  {
    name: '1 commit, 10 KB',
    reps: 0,
    prepare(client, text) {
      git(client, ['checkout', '-q', '-b', 'small', 'base']);
      const files = slices(text, 2000, 5, 1000).map((b, i): [string, Buffer] => [`small/f${i}.js`, b]);
      commitFiles(client, files, 'small change');
      return { refspec: 'small:refs/heads/small' };
    },
  },
  {
    name: '100 commits, 10 MB',
    reps: 0,
    prepare(client, text) {
      git(client, ['checkout', '-q', '-b', 'hundred', 'base']);
      for (let c = 0; c < 100; c++) {
        const files = slices(text, 20_000, 5, 50_000 + c * 100_000).map((b, i): [string, Buffer] => [`h/d${c % 10}/f${c}-${i}.js`, b]);
        commitFiles(client, files, `commit ${c}`);
      }
      return { refspec: 'hundred:refs/heads/hundred' };
    },
  },
  {
    name: '1 commit, 100 MB blob',
    reps: 3,
    prepare(client, text) {
      git(client, ['checkout', '-q', '-b', 'huge', 'base']);
      const parts: Buffer[] = [];
      let size = 0;
      while (size < 100 * 1024 * 1024) {
        parts.push(text);
        size += text.length;
      }
      commitFiles(client, [['huge/bundle.js', Buffer.concat(parts).subarray(0, 100 * 1024 * 1024)]], 'huge blob');
      return { refspec: 'huge:refs/heads/huge' };
    },
  },
  {
    name: 'new branch, commits already there',
    reps: 0,
    prepare() {
      return { refspec: 'base:refs/heads/copy-of-base', seed: 'base:refs/heads/main' };
    },
  },
];


/** `pushgate hook daemon` as its own process, as a server would run it. */
async function startDaemon(socket: string): Promise<{ stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [BIN, 'hook', 'daemon', '--socket', socket], { env: env(), stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (c: Buffer) => (log += c.toString('utf8')));
  const exited = new Promise<void>((ok) => child.on('close', () => ok()));
  for (let waited = 0; !log.includes('"listening"'); waited += 20) {
    if (child.exitCode !== null || waited > 10_000) throw new Error(`hook daemon did not start: ${log}`);
    await new Promise((ok) => setTimeout(ok, 20));
  }
  return {
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function run(ctx: BenchContext): Promise<void> {
  const corpus = await ctx.corpus();
  // These pushes are meant to be accepted: blank out the planted tokens and whatever else the
  // blocking tier finds in the source text (test keys in node_modules, for instance).
  const text = Buffer.from(corpus.bytes);
  for (const m of createEngine(IDENTIFIABLE_DETECTORS).scan(text)) text.fill(0x78, m.start, m.end);
  const work = mkdtempSync(join(tmpdir(), 'pushgate-hook-bench-'));
  try {
    const client = join(work, 'client');
    git(work, ['init', '-q', '-b', 'main', client]);
    commitFiles(client, slices(text, 5000, 20, 0).map((b, i): [string, Buffer] => [`base/f${i}.js`, b]), 'base');
    git(client, ['branch', 'base']);
    const rows: string[][] = [];
    // The scan daemon (hooks/scan-daemon.ts) runs for the whole benchmark, as it would on a server.
    const socket = join(work, 'run', 'hook.sock');
    const daemon = await startDaemon(socket);
    const modes: ReadonlyArray<{ label: string; hook: 'none' | 'in-process' | 'daemon' }> = [
      { label: 'in process', hook: 'in-process' },
      { label: 'daemon', hook: 'daemon' },
    ];
    try {
      for (const s of SCENARIOS) {
        git(client, ['checkout', '-q', 'main']);
        const { refspec, seed } = s.prepare(client, text);
        const reps = s.reps || Math.max(5, ctx.reps * 4);
        const times = new Map<string, number[]>([['none', []], ['in-process', []], ['daemon', []]]);
        const outcomes = new Map<string, { rejected: number; reasons: Set<string> }>();
        for (let i = -1; i < reps; i++) {
          // Alternating, so load changes on this shared machine hit every variant alike.
          for (const hook of ['none', 'in-process', 'daemon'] as const) {
            const server = join(work, `srv-${hook}`);
            rmSync(server, { recursive: true, force: true });
            git(work, ['init', '-q', '--bare', server]);
            // Seed the server with the base history, then install the hook: only the push is measured.
            await pushMs(client, server, seed ?? 'base:refs/heads/main');
            if (hook !== 'none') installPreReceive(server, BIN, process.execPath, hook === 'daemon' ? { socket } : {});
            const r = await pushMs(client, server, refspec);
            const o = outcomes.get(hook) ?? { rejected: 0, reasons: new Set<string>() };
            outcomes.set(hook, o);
            if (r.code !== 0) {
              o.rejected++;
              const why = /could not finish \(([^)]*)\)|push rejected: ([^,]*)/.exec(r.stderr);
              o.reasons.add(why?.[1] ?? why?.[2] ?? (r.stderr.includes('secret') ? 'secret found' : 'unknown'));
            }
            if (i >= 0) times.get(hook)!.push(r.ms);
          }
        }
        const without = times.get('none')!;
        for (const m of modes) {
          const withHook = times.get(m.hook)!;
          const added = withHook.map((w, i) => w - without[i]!);
          const o = outcomes.get(m.hook)!;
          rows.push([
            s.name,
            m.label,
            String(reps),
            fmt(percentile(without, 50), 0),
            fmt(percentile(withHook, 50), 0),
            fmt(percentile(withHook, 99), 0),
            fmt(percentile(added, 50), 0),
            fmt(percentile(added, 99), 0),
            o.rejected ? `${o.rejected} rejected (${[...o.reasons].join('; ')})` : 'accepted',
          ]);
        }
      }
    } finally {
      await daemon.stop();
    }
    ctx.table(
      'Pre-receive hook: push wall time in ms (local-path transport, fresh bare repository per push)',
      ['scenario', 'hook', 'reps', 'no hook p50', 'hook p50', 'hook p99', 'added p50', 'added p99', 'outcome'],
      rows,
    );
    ctx.log(
      'Targets: 100 MB push inside the 4000 ms budget; small push adds < 150 ms. "in process": the hook starts Node for every push ' +
        '(about 110 ms of start-up alone here). "daemon": the hook hands the push to `pushgate hook daemon` through the Perl client.',
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
