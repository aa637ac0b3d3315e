import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import * as fs from 'node:fs';
import type { Writable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import git from 'isomorphic-git';
import { createEngine } from '../detectors/engine/engine.js';
import { ALL_DETECTORS } from '../detectors/registry.js';
import { scanHistory } from '../scanner/history.js';
import { builtWorkerUrl, EnginePool, engineThreads } from '../scanner/engine-pool.js';
import { readBlobs } from '../scanner/git/object-reader.js';
import { openRepository } from '../scanner/git/repository.js';
import { TokenFactory } from '../test/support/token-factory.js';
import { fmt, mbPerSecond } from './measure.js';
import type { BenchContext, BenchModule } from './types.js';

/**
 * History scan benchmark (the issue's speed target): wall time and MB/s of
 * scanHistory, as a ratio to `git cat-file --batch-all-objects --batch >
 * /dev/null` on the same repository (target: within 2x on 2 cores), beside
 * the two readers it could be built on: the git binary (what scanner/git
 * uses) and isomorphic-git.
 *
 * The repository is built at bench time in a temp dir from the shared corpus
 * (real source text with planted tokens): thousands of small commits that
 * add files and edit them progressively, topic branches merged back, tags.
 * `--repo PATH` measures an existing repository instead (read only).
 * Options: `--commits N` (default 3000), `--mb N` of corpus text (default 24),
 * `--no-isomorphic` to skip the slow isomorphic-git run, `--keep` to keep
 * the built repository (its path is printed).
 */
export const bench: BenchModule = {
  name: 'history',
  title: 'whole-history scan vs git cat-file --batch-all-objects; git binary vs isomorphic-git readers',
  run,
};

interface Options {
  repo: string | undefined;
  commits: number;
  mb: number;
  isomorphic: boolean;
  keep: boolean;
}

function parseArgs(args: readonly string[]): Options {
  const opts: Options = { repo: undefined, commits: 3000, mb: 24, isomorphic: true, keep: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--repo') opts.repo = resolve(args[++i] ?? '.');
    else if (a === '--commits') opts.commits = Number(args[++i]);
    else if (a === '--mb') opts.mb = Number(args[++i]);
    else if (a === '--no-isomorphic') opts.isomorphic = false;
    else if (a === '--keep') opts.keep = true;
  }
  return opts;
}

async function run(ctx: BenchContext): Promise<void> {
  const opts = parseArgs(ctx.args);
  let dir: string | undefined;
  let repoPath = opts.repo;
  let planted: readonly string[] | undefined;
  try {
    if (!repoPath) {
      dir = mkdtempSync(join(tmpdir(), 'pushgate-bench-history-'));
      repoPath = dir;
      const t0 = performance.now();
      const corpus = await ctx.corpus();
      const text = corpus.bytes.subarray(0, Math.min(corpus.bytes.length, opts.mb * 1e6));
      const built = await buildRepository(dir, text, opts.commits);
      // Tokens inside one file (a multi-line key may be cut where the text is split into files).
      planted = corpus.planted.filter((p) => built.files.some((f) => f.includes(p.secret))).map((p) => p.secret);
      ctx.log(
        `built ${dir}: ${fmt(built.commits)} commits, ${fmt(built.files.length)} files, ${fmt(built.blobBytes / 1e6, 1)} MB of blob versions, ` +
          `pack ${fmt(built.packBytes / 1e6, 1)} MB, in ${fmt((performance.now() - t0) / 1000, 1)} s (${built.timings})`,
      );
    }
    await measure(ctx, repoPath, opts, planted);
  } finally {
    if (dir && !opts.keep) rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(ctx: BenchContext, repoPath: string, opts: Options, planted: readonly string[] | undefined): Promise<void> {
  const engine = createEngine(ALL_DETECTORS);
  // The engine in worker threads as `parallel: true` runs it where there are cores enough (on 2 it does not, see
  // engine-pool.ts): one thread, or PUSHGATE_ENGINE_THREADS.
  const workerUrl = builtWorkerUrl();
  if (!workerUrl) throw new Error('scanner/engine-worker.js not found next to scanner/engine-pool.js: run the compiled bench (npm run bench)');
  const threads = engineThreads() || 1;
  const pool = new EnginePool(engine.detectors.map((d) => d.id), { workerUrl, threads });
  const repo = await openRepository(repoPath);
  const reps = Math.max(1, ctx.reps);
  const baseline: number[] = [];
  const reader: number[] = [];
  const revList: number[] = [];
  const scan: number[] = [];
  const scanPool: number[] = [];
  const engineOnly: number[] = [];
  const baselineCpu: number[] = [];
  const scanCpu: number[] = [];
  const scanPoolCpu: number[] = [];
  let readBytes = 0;
  let last: Awaited<ReturnType<typeof scanHistory>> | undefined;
  let lastPool: Awaited<ReturnType<typeof scanHistory>> | undefined;

  // One warm-up of each (page cache, JIT, lazy RE2 compiles), then interleaved timed runs: the machine is shared and noisy.
  await catFileAll(repo.gitDir);
  await scanHistory(repoPath, { engine });
  // The pool's thread keeps its engine between scans (as in a long-lived service): warm it the same way.
  await scanHistory(repoPath, { engine, parallel: pool });
  for (let i = 0; i < reps; i++) {
    let cpu = childCpuSeconds();
    let t0 = performance.now();
    await catFileAll(repo.gitDir);
    baseline.push(performance.now() - t0);
    baselineCpu.push(childCpuSeconds() - cpu);

    t0 = performance.now();
    readBytes = 0;
    await readBlobs(repo, {}, {
      open: () => ({
        write: (chunk) => {
          readBytes += chunk.length;
        },
        end: () => undefined,
      }),
      place() {},
      skipped() {},
    });
    reader.push(performance.now() - t0);

    t0 = performance.now();
    await revListCatFile(repo.gitDir);
    revList.push(performance.now() - t0);

    cpu = childCpuSeconds() + selfCpuSeconds();
    t0 = performance.now();
    last = await scanHistory(repoPath, { engine });
    scan.push(performance.now() - t0);
    scanCpu.push(childCpuSeconds() + selfCpuSeconds() - cpu);

    cpu = childCpuSeconds() + selfCpuSeconds();
    t0 = performance.now();
    lastPool = await scanHistory(repoPath, { engine, parallel: pool });
    scanPool.push(performance.now() - t0);
    // process.cpuUsage counts every thread of the process, the worker's included.
    scanPoolCpu.push(childCpuSeconds() + selfCpuSeconds() - cpu);
  }
  // The engine alone over the same blobs, already in memory: what the scan costs without git.
  const contents: Buffer[] = [];
  await readBlobs(repo, {}, {
    open: () => {
      const parts: Buffer[] = [];
      return {
        write: (chunk) => void parts.push(Buffer.from(chunk)),
        end: () => void contents.push(Buffer.concat(parts)),
      };
    },
    place() {},
    skipped() {},
  });
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    for (const c of contents) engine.scan(c);
    engineOnly.push(performance.now() - t0);
  }
  contents.length = 0;
  const report = last!;
  const bytes = report.stats.bytes;
  const base = median(baseline);

  let isoMs: number | undefined;
  let isoBytes = 0;
  if (opts.isomorphic) {
    const t0 = performance.now();
    isoBytes = await isomorphicReadAll(repo.gitDir);
    isoMs = performance.now() - t0;
  }
  await pool.close();
  const rss = await peakRssOfScan(repoPath, 0);
  const rssPool = await peakRssOfScan(repoPath, threads);
  const same = JSON.stringify(comparableFindings(report)) === JSON.stringify(comparableFindings(lastPool!));

  const row = (name: string, ms: number, b: number, cpu?: number): string[] => [
    name,
    fmt(ms / 1000, 2),
    fmt(mbPerSecond(b, ms)),
    `${fmt(ms / base, 2)}x`,
    cpu === undefined ? '-' : fmt(cpu, 2),
  ];
  ctx.table(
    `history: ${fmt(report.stats.blobs)} distinct blobs, ${fmt(bytes / 1e6, 1)} MB, ${report.findings.length} findings` +
      `${planted !== undefined ? ` (${plantedFound(report, planted)} of ${new Set(planted).size} planted tokens)` : ''}, ` +
      `${report.stats.skipped.count} skipped; median of ${reps}`,
    ['what', 'wall s', 'MB/s', 'vs cat-file', 'cpu s'],
    [
      row('git cat-file --batch-all-objects --batch > /dev/null', base, bytes, median(baselineCpu)),
      row('reader: git log --raw + cat-file --batch, parsed (no scan)', median(reader), readBytes),
      row('rev-list --objects | cat-file --batch into node (no attribution)', median(revList), readBytes),
      ...(isoMs !== undefined ? [row('reader: isomorphic-git, every reachable blob once (1 run)', isoMs, isoBytes)] : []),
      row('engine alone over the same blobs in memory (no git)', median(engineOnly), bytes),
      row('scanHistory (reader + engine + attribution)', median(scan), bytes, median(scanCpu)),
      row(`scanHistory, engine in ${threads} worker thread${threads > 1 ? 's' : ''} (parallel)`, median(scanPool), bytes, median(scanPoolCpu)),
    ],
  );
  ctx.log(
    `scanHistory: ${fmt(median(scan) / base, 2)}x the cat-file read cost (best runs: ${fmt(Math.min(...scan) / Math.min(...baseline), 2)}x; target <= 2x), ` +
      `engine in worker threads: ${fmt(median(scanPool) / base, 2)}x (best runs: ${fmt(Math.min(...scanPool) / Math.min(...baseline), 2)}x), ` +
      `findings ${same ? 'identical' : 'DIFFERENT (a bug)'}; ` +
      `peak RSS of a scan process ${fmt(rss, 0)} MiB, with worker threads ${fmt(rssPool, 0)} MiB` +
      (isoMs !== undefined ? `; isomorphic-git reader ${fmt(isoMs / median(reader), 1)}x slower than the git binary reader` : ''),
  );
}

function comparableFindings(report: Awaited<ReturnType<typeof scanHistory>>): unknown[] {
  return report.findings.map((f) => ({ ...f, secret: f.secret.reveal(), companion: f.companion?.value.reveal() }));
}

function plantedFound(report: Awaited<ReturnType<typeof scanHistory>>, planted: readonly string[]): number {
  const found = new Set(report.findings.map((f) => f.secret.reveal()));
  return new Set(planted.filter((p) => found.has(p))).size;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** CPU seconds of finished child processes (git), from /proc: Node reports only its own. */
function childCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat (cutime, cstime) are at 13 and 14 after the command name.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

function selfCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** The issue's reference read cost: every object of the repository, output discarded. */
function catFileAll(gitDir: string): Promise<void> {
  return new Promise((done, fail) => {
    const devNull = openSync('/dev/null', 'w');
    const child = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch-all-objects', '--batch'], { stdio: ['ignore', devNull, 'inherit'] });
    closeSync(devNull);
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`git cat-file exited ${code}`))));
  });
}

/** The reader PERF-NOTES.md measured: reachable objects piped to cat-file, output read by Node (not parsed). */
function revListCatFile(gitDir: string): Promise<void> {
  return new Promise((done, fail) => {
    const script = 'git --git-dir "$1" rev-list --objects --all --filter=object:type=blob --no-object-names | git --git-dir "$1" cat-file --batch --buffer';
    const child = spawn('sh', ['-c', script, 'sh', gitDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', () => {});
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`rev-list | cat-file exited ${code}`))));
  });
}

/**
 * The same job with isomorphic-git: every commit reachable from every ref,
 * every tree once, every distinct blob read once. Returns the blob bytes read.
 */
async function isomorphicReadAll(gitdir: string): Promise<number> {
  const cache = {};
  const refs = await git.listRefs({ fs, gitdir, filepath: 'refs' });
  const commits: string[] = [];
  const seenCommits = new Set<string>();
  const seenTrees = new Set<string>();
  const blobs = new Set<string>();
  const enqueueCommit = (oid: string): void => {
    if (!seenCommits.has(oid)) {
      seenCommits.add(oid);
      commits.push(oid);
    }
  };
  for (const ref of refs) {
    let oid = await git.resolveRef({ fs, gitdir, ref: `refs/${ref}` });
    for (;;) {
      const obj = await git.readObject({ fs, gitdir, oid, cache });
      if (obj.type === 'tag') {
        oid = (await git.readTag({ fs, gitdir, oid, cache })).tag.object;
        continue;
      }
      if (obj.type === 'commit') enqueueCommit(oid);
      else if (obj.type === 'tree') await walkTree(oid);
      else if (obj.type === 'blob') blobs.add(oid);
      break;
    }
  }
  async function walkTree(oid: string): Promise<void> {
    if (seenTrees.has(oid)) return;
    seenTrees.add(oid);
    const { tree } = await git.readTree({ fs, gitdir, oid, cache });
    for (const e of tree) {
      if (e.type === 'blob') blobs.add(e.oid);
      else if (e.type === 'tree') await walkTree(e.oid);
    }
  }
  for (let i = 0; i < commits.length; i++) {
    const { commit } = await git.readCommit({ fs, gitdir, oid: commits[i]!, cache });
    await walkTree(commit.tree);
    for (const p of commit.parent) enqueueCommit(p);
  }
  let bytes = 0;
  for (const oid of blobs) bytes += (await git.readBlob({ fs, gitdir, oid, cache })).blob.length;
  return bytes;
}

/**
 * Peak RSS of a fresh process that runs one scan and nothing else (this
 * process also holds the corpus and isomorphic-git's caches). It imports the
 * modules next to this one, so it works from the compiled bench only (and
 * reads /proc, so on Linux only). `engineThreads` > 0: the engine runs in
 * that many worker threads (their memory counts: threads share the process).
 */
function peakRssOfScan(repoPath: string, engineThreads: number): Promise<number> {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.js')) return Promise.resolve(Number.NaN);
  const script = [
    `const { scanHistory } = await import(${JSON.stringify(new URL('../scanner/history.js', import.meta.url).href)});`,
    `const { createEngine } = await import(${JSON.stringify(new URL('../detectors/engine/engine.js', import.meta.url).href)});`,
    `const { ALL_DETECTORS } = await import(${JSON.stringify(new URL('../detectors/registry.js', import.meta.url).href)});`,
    `await scanHistory(${JSON.stringify(repoPath)}, { engine: createEngine(ALL_DETECTORS), parallel: true });`,
    // VmHWM, not resourceUsage().maxRSS: Linux carries maxrss over from the forked parent (this bench, with its corpus) across exec.
    "const status = (await import('node:fs')).readFileSync('/proc/self/status', 'latin1');",
    "const hwm = /VmHWM:\\s*(\\d+) kB/.exec(status);",
    'process.stdout.write(String(hwm ? Number(hwm[1]) / 1024 : Number.NaN));',
  ].join('\n');
  return new Promise((done) => {
    const env = { ...process.env, PUSHGATE_ENGINE_THREADS: String(engineThreads) };
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', () => done(Number.NaN));
    child.on('close', (code) => done(code === 0 ? Number(out) : Number.NaN));
  });
}

// ---- building the repository -------------------------------------------------

interface Built {
  timings: string;
  commits: number;
  /** The initial version of every file. */
  files: Buffer[];
  blobBytes: number;
  packBytes: number;
}

/** Splits text into files of 1 to 16 kB at line ends. */
function splitFiles(text: Buffer, t: TokenFactory): Buffer[] {
  const files: Buffer[] = [];
  let at = 0;
  while (at < text.length) {
    const want = 1000 + t.int(15_000);
    let end = text.indexOf(10, Math.min(text.length, at + want));
    end = end === -1 ? text.length : end + 1;
    files.push(text.subarray(at, end));
    at = end;
  }
  return files;
}

/** An edit like a developer's: some lines replaced by lines from elsewhere, or appended, or deleted. */
function edit(content: Buffer, donor: Buffer, t: TokenFactory): Buffer {
  const lines = content.toString('latin1').split('\n');
  const donorLines = donor.toString('latin1').split('\n');
  const at = t.int(lines.length);
  const count = 1 + t.int(8);
  const from = t.int(Math.max(1, donorLines.length - count));
  const inserted = donorLines.slice(from, from + count);
  switch (t.int(3)) {
    case 0:
      lines.splice(at, count, ...inserted);
      break;
    case 1:
      lines.push(...inserted);
      break;
    default:
      lines.splice(at, Math.min(count, Math.max(0, lines.length - 2)));
  }
  return Buffer.from(lines.join('\n'), 'latin1');
}

/**
 * Writes the history with one `git fast-import` (thousands of commits in
 * seconds), then repacks it like `git gc` would, so reads see a normal pack.
 */
async function buildRepository(dir: string, text: Buffer, commits: number): Promise<Built> {
  const started = performance.now();
  let timings = '';
  const run = (args: string[], input?: FastImportStream): Promise<void> =>
    new Promise((done, fail) => {
      // fast-import's allocations made glibc grow and trim the heap ~60,000 times (8 s of brk calls); a trim threshold stops that.
      const env = { ...process.env, MALLOC_TOP_PAD_: String(64 << 20), MALLOC_TRIM_THRESHOLD_: String(256 << 20) };
      const child = spawn('git', args, { cwd: dir, env, stdio: [input ? 'pipe' : 'ignore', 'ignore', 'inherit'] });
      if (input && child.stdin) input.writeTo(child.stdin).catch(fail);
      child.on('error', fail);
      child.on('close', (code) => (code === 0 ? done() : fail(new Error(`git ${args[0]} exited ${code}`))));
    });
  await run(['init', '-q', '--bare', '-b', 'main']);

  const t = new TokenFactory('bench-history');
  const pool = splitFiles(text, t);
  const initial = Math.max(1, Math.floor(pool.length / 10));
  const perCommit = (pool.length - initial) / commits;
  const stream = new FastImportStream();
  const main = new Map<string, Buffer>();
  let next = 0;
  let blobBytes = 0;
  let clock = Date.parse('2015-01-01T00:00:00Z') / 1000;
  const pathOf = (i: number): string => `src/m${i % 97}/f${i}.js`;

  const blob = (content: Buffer): number => {
    blobBytes += content.length;
    return stream.blob(content);
  };
  const commit = (ref: string, from: number | undefined, merge: number | undefined, changes: Map<string, Buffer>, message: string): number => {
    clock += 600 + t.int(6000);
    const marks = [...changes].map(([path, content]) => [path, blob(content)] as const);
    return stream.commit(ref, from, merge, marks, `${message}\n`, clock, t.int(5));
  };

  // The first commit holds a tenth of the files; each later one adds a few and edits one or two.
  const first = new Map<string, Buffer>();
  for (; next < initial; next++) first.set(pathOf(next), pool[next]!);
  for (const [p, c] of first) main.set(p, c);
  let tip = commit('refs/heads/main', undefined, undefined, first, 'initial import');
  let made = 1;
  let owed = 0;
  while (made < commits) {
    const changes = new Map<string, Buffer>();
    owed += perCommit;
    for (; owed >= 1 && next < pool.length; owed--, next++) changes.set(pathOf(next), pool[next]!);
    const paths = [...main.keys()];
    for (let e = 1 + t.int(2); e > 0; e--) {
      const p = paths[t.int(paths.length)]!;
      changes.set(p, edit(changes.get(p) ?? main.get(p)!, pool[t.int(pool.length)]!, t));
    }
    for (const [p, c] of changes) main.set(p, c);
    // No `from` on a branch's next commit: fast-import continues from its in-memory tree (a `from` reloads it).
    tip = commit('refs/heads/main', undefined, undefined, changes, `change ${made}`);
    made++;

    if (made % 150 === 0 && made + 5 < commits) {
      // A topic branch of three commits, merged back; the merge also resolves one file its own way.
      const topic = new Map(main);
      const touched = new Map<string, Buffer>();
      let topicTip: number | undefined;
      for (let k = 0; k < 3; k++) {
        const p = paths[t.int(paths.length)]!;
        const c = edit(topic.get(p)!, pool[t.int(pool.length)]!, t);
        topic.set(p, c);
        touched.set(p, c);
        const ref = `refs/heads/topic/${made - k}`;
        topicTip = commit(ref, topicTip === undefined ? tip : undefined, undefined, new Map([[p, c]]), `topic ${made} step ${k}`);
        made++;
      }
      const resolution = new Map(touched);
      const p = paths[t.int(paths.length)]!;
      resolution.set(p, edit(main.get(p)!, pool[t.int(pool.length)]!, t));
      for (const [q, c] of resolution) main.set(q, c);
      tip = commit('refs/heads/main', undefined, topicTip, resolution, `merge topic ${made}`);
      made++;
    }
    if (made % 500 === 0) stream.tag(`v0.${made / 500}.0`, tip, clock);
  }
  // Topic commits use up the budget faster than files were spread over it: the rest go in one last commit.
  if (next < pool.length) {
    const rest = new Map<string, Buffer>();
    for (; next < pool.length; next++) rest.set(pathOf(next), pool[next]!);
    commit('refs/heads/main', undefined, undefined, rest, 'add the remaining files');
    made++;
  }
  const t0 = performance.now();
  await run(['fast-import', '--quiet'], stream);
  const t1 = performance.now();
  await run(['repack', '-a', '-d', '-q', '--window=10', '--depth=50']);
  const t2 = performance.now();
  timings = `generate ${fmt((t0 - started) / 1000, 1)} s, fast-import ${fmt((t1 - t0) / 1000, 1)} s, repack ${fmt((t2 - t1) / 1000, 1)} s`;
  const packDir = join(dir, 'objects', 'pack');
  const packBytes = fs
    .readdirSync(packDir)
    .filter((f) => f.endsWith('.pack'))
    .reduce((n, f) => n + fs.statSync(join(packDir, f)).size, 0);
  return { commits: made, files: pool, blobBytes, packBytes, timings };
}

/** A git fast-import command stream (https://git-scm.com/docs/git-fast-import), held in memory until written. */
class FastImportStream {
  private readonly chunks: Buffer[] = [];
  private mark = 0;

  /** Writes the stream to fast-import's stdin, respecting back-pressure. */
  async writeTo(stdin: Writable): Promise<void> {
    for (const chunk of this.chunks) {
      if (!stdin.write(chunk)) await once(stdin, 'drain');
    }
    stdin.end();
  }

  blob(content: Buffer): number {
    const m = ++this.mark;
    this.chunks.push(Buffer.from(`blob\nmark :${m}\ndata ${content.length}\n`), content, Buffer.from('\n'));
    return m;
  }

  commit(
    ref: string,
    from: number | undefined,
    merge: number | undefined,
    files: ReadonlyArray<readonly [string, number]>,
    message: string,
    when: number,
    who: number,
  ): number {
    const m = ++this.mark;
    const person = `Dev ${who} <dev${who}@example.com> ${when} +0000`;
    let s = `commit ${ref}\nmark :${m}\nauthor ${person}\ncommitter ${person}\ndata ${Buffer.byteLength(message)}\n${message}`;
    if (from !== undefined) s += `from :${from}\n`;
    if (merge !== undefined) s += `merge :${merge}\n`;
    for (const [path, blob] of files) s += `M 100644 :${blob} ${path}\n`;
    this.chunks.push(Buffer.from(`${s}\n`));
    return m;
  }

  tag(name: string, commit: number, when: number): void {
    const message = `release ${name}\n`;
    this.chunks.push(
      Buffer.from(`tag ${name}\nfrom :${commit}\ntagger Release <release@example.com> ${when} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`),
    );
  }
}
