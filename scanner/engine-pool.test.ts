import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../detectors/engine/engine.js';
import { examplesOf } from '../test/support/detector-examples.js';
import { examples as patExamples } from '../detectors/github-pat-classic/examples.js';
import { ALL_DETECTORS } from '../detectors/registry.js';
import type { Detector } from '../detectors/types.js';
import { GitRepo } from '../test/support/git-repo.js';
import { TokenFactory } from '../test/support/token-factory.js';
import { TEST_FINGERPRINTS } from '../test/support/findings.js';
import { EnginePool, PIECE_BYTES, PieceCutter, sharedEnginePool } from './engine-pool.js';
import { scanHistory } from './history.js';
import type { ScanReport } from './types.js';

/**
 * The engine in worker threads must give exactly the findings of the
 * in-thread scan. Tests run from TypeScript sources, so the worker module is
 * bundled here (dist/ has the compiled one that `parallel: true` finds).
 */
const engine = createEngine(ALL_DETECTORS);
const ids = ALL_DETECTORS.map((d) => d.id);
const t = new TokenFactory('engine-pool-test');
const pat = (): string => patExamples.generate!(t);

let dir: string;
let workerUrl: URL;
const repos: GitRepo[] = [];
const pools: EnginePool[] = [];

beforeAll(async () => {
  // Inside the project, so the bundle resolves re2-wasm from its node_modules.
  const cache = resolve(import.meta.dirname, '../node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  dir = mkdtempSync(join(cache, 'pushgate-engine-pool-test-'));
  const outfile = join(dir, 'engine-worker.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'engine-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  workerUrl = pathToFileURL(outfile);
});

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
  for (const r of repos) r.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function newPool(threads: number, url: URL = workerUrl): EnginePool {
  const pool = new EnginePool(ids, { workerUrl: url, threads });
  pools.push(pool);
  return pool;
}

// Shared by the tests: each thread pays the engine's lazy RE2 compiles once (seconds).
const warmPools = new Map<number, EnginePool>();
function realPool(threads: number): EnginePool {
  let pool = warmPools.get(threads);
  if (!pool) warmPools.set(threads, (pool = newPool(threads)));
  return pool;
}

/** A stand-in worker module, to make the thread misbehave on purpose. */
function fakeWorker(name: string, onMessage: string): URL {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, `import { parentPort } from 'node:worker_threads';\nlet n = 0;\nparentPort.on('message', (m) => {\n  n++;\n  ${onMessage}\n});\n`);
  return pathToFileURL(file);
}

/** Everything a report says, secrets revealed, time left out. */
function comparable(report: ScanReport): string {
  return JSON.stringify({
    findings: report.findings.map((f) => ({
      ...f,
      secret: f.secret.reveal(),
      companion: f.companion ? { name: f.companion.name, value: f.companion.value.reveal() } : undefined,
    })),
    stats: { ...report.stats, seconds: 0 },
  });
}

/** Every detector's positive examples: many formats, companions, legacy matches with context groups. */
async function positives(): Promise<Array<{ id: string; text: string; secret: string }>> {
  const out: Array<{ id: string; text: string; secret: string }> = [];
  for (const d of ALL_DETECTORS) {
    for (const p of (await examplesOf(d.id)).positives(t)) out.push({ id: d.id, text: p.text, secret: p.secret });
  }
  return out;
}

const FILLER = 'the quick brown fox jumps over the lazy dog 0123456789\n';

/**
 * A history with every kind of blob the engine and the batching must get
 * right: every detector's examples in small files (many batches), CRLF
 * copies, a binary blob, secrets repeated across files and commits, and a
 * 5 MiB blob with tokens straddling the 1 MiB piece boundaries.
 */
let rich: ReturnType<typeof buildRichRepository> | undefined;
function richRepository(): ReturnType<typeof buildRichRepository> {
  rich ??= buildRichRepository();
  return rich;
}

async function buildRichRepository(): Promise<{ repo: GitRepo; boundary: Array<{ token: string; at: number }>; large: Buffer }> {
  const repo = GitRepo.create();
  repos.push(repo);
  const examples = await positives();
  const files: Record<string, string | Buffer> = {};
  examples.forEach((e, i) => {
    files[`examples/${e.id}/${i}.txt`] = `# ${e.id}\n${FILLER.repeat(i % 7)}${e.text}\n${FILLER}`;
  });
  repo.commit({ files, message: 'examples' });

  const crlf: Record<string, Buffer> = {};
  examples.forEach((e, i) => {
    if (i % 3 === 0) crlf[`crlf/${e.id}-${i}.ini`] = Buffer.from(`[section]\r\n${e.text.replace(/\r?\n/g, '\r\n')}\r\nend = 1\r\n`);
  });
  const binary = Buffer.concat([
    Buffer.from(t.bytes(5000)),
    Buffer.from([0, 0, 0xff, 0x0a]),
    Buffer.from(examples.slice(0, 20).map((e) => e.text).join('\n\0'), 'latin1'),
    Buffer.from([0, 0xfe]),
  ]);
  repo.commit({ files: { ...crlf, 'bin/blob.dat': binary }, message: 'crlf and binary' });

  const size = 5 * 1024 * 1024 + 12_345;
  const large = Buffer.alloc(size);
  const line = Buffer.from(FILLER);
  for (let i = 0; i < size; i += line.length) line.copy(large, i);
  const boundary: Array<{ token: string; at: number }> = [];
  for (const b of [PIECE_BYTES, 2 * PIECE_BYTES, 4 * PIECE_BYTES]) {
    const token = pat();
    const at = b - 17;
    large.write(` ${token} `, at - 1, 'latin1');
    boundary.push({ token, at });
  }
  // A multi-line example across the 3 MiB boundary too.
  const multi = examples.find((e) => e.text.includes('\n') && e.text.length > 200) ?? examples[0]!;
  large.write(multi.text, 3 * PIECE_BYTES - Math.floor(multi.text.length / 2), 'latin1');
  repo.commit({ files: { 'data/large.log': large }, message: 'large' });

  // The same secrets again in other files and a later commit: more places per finding.
  const again: Record<string, string> = {};
  for (let i = 0; i < 300; i++) again[`again/f${i}.txt`] = `${FILLER.repeat(i % 5)}${examples[i % examples.length]!.text}\n`;
  repo.commit({ files: again, message: 'again' });
  repo.commit({ files: { 'data/large.log': Buffer.concat([large, Buffer.from(`tail ${boundary[0]!.token}\n`)]) }, message: 'append' });
  return { repo, boundary, large };
}

describe('scanHistory with the engine in worker threads', () => {
  it('reports exactly the findings, places, lines, columns and offsets of the in-thread scan', async () => {
    const { repo, boundary, large } = await richRepository();
    const single = await scanHistory(repo.path, { engine, fingerprints: TEST_FINGERPRINTS });
    expect(single.findings.length).toBeGreaterThan(150);
    for (const { token, at } of boundary) {
      const f = single.findings.find((x) => x.secret.reveal() === token)!;
      const loc = f.locations.find((l) => l.path === 'data/large.log' && l.offset === at);
      expect(loc, 'token across a piece boundary').toBeDefined();
      expect(large.subarray(at, at + token.length).toString('latin1')).toBe(token);
    }

    const expected = comparable(single);
    for (const threads of [1, 2]) {
      const pool = realPool(threads);
      const parallel = await scanHistory(repo.path, { engine, fingerprints: TEST_FINGERPRINTS, parallel: pool });
      expect(comparable(parallel), `${threads} thread(s)`).toBe(expected);
      // The pool's threads stay warm for the next scan, which must not see anything of the first.
      const again = await scanHistory(repo.path, { engine, fingerprints: TEST_FINGERPRINTS, parallel: pool });
      expect(comparable(again), `${threads} thread(s), second scan`).toBe(expected);
    }
  }, 120_000);

  it('keeps push scans (revisions) identical too, and runs concurrent scans on one pool apart', async () => {
    const { repo } = await richRepository();
    const log = repo.git(['rev-list', 'main']).toString().trim().split('\n');
    const revisions = [log[0]!, '--not', log[2]!];
    const pool = realPool(2);
    const [a, b, c] = await Promise.all([
      scanHistory(repo.path, { engine, fingerprints: TEST_FINGERPRINTS, parallel: pool }),
      scanHistory(repo.path, { engine, fingerprints: TEST_FINGERPRINTS, parallel: pool, revisions }),
      scanHistory(repo.path, { engine, fingerprints: TEST_FINGERPRINTS, parallel: pool }),
    ]);
    const whole = comparable(await scanHistory(repo.path, { engine, fingerprints: TEST_FINGERPRINTS }));
    expect(comparable(a)).toBe(whole);
    expect(comparable(c)).toBe(whole);
    expect(comparable(b)).toBe(comparable(await scanHistory(repo.path, { engine, fingerprints: TEST_FINGERPRINTS, revisions })));
  }, 120_000);

  it('stops when aborted, hands back the partial report, and leaves the pool usable', async () => {
    const { repo } = await richRepository();
    const pool = realPool(1);
    const controller = new AbortController();
    const err = await scanHistory(repo.path, {
      engine,
      fingerprints: TEST_FINGERPRINTS,
      parallel: pool,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.blobsDone >= 1) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'SCAN_ABORTED' });
    const partial = (err as { partial: ScanReport }).partial;
    expect(partial.stats.blobs).toBeGreaterThanOrEqual(1);
    const full = await scanHistory(repo.path, { engine, fingerprints: TEST_FINGERPRINTS, parallel: pool });
    expect(partial.stats.blobs).toBeLessThan(full.stats.blobs);
    expect(comparable(full)).toBe(comparable(await scanHistory(repo.path, { engine, fingerprints: TEST_FINGERPRINTS })));
  }, 120_000);

  it('fails the scan with ENGINE_WORKER_FAILED when the thread exits, throws or cannot start', async () => {
    const { repo } = await richRepository();
    const cases: Array<[URL, RegExp]> = [
      [fakeWorker('exits', 'process.exit(7);'), /exited \(code 7\)/],
      [fakeWorker('throws', "throw new Error('engine exploded');"), /engine exploded/],
      // Answers the first batch (nothing found), then dies: the blobs after it must not be lost silently.
      [fakeWorker('dies-later', "if (n === 1) parentPort.postMessage({ type: 'done', batch: m.batch, found: [] }); else process.exit(3);"), /exited \(code 3\)/],
      [fakeWorker('garbles', "parentPort.postMessage({ type: 'done', batch: m.batch, found: 42 });"), /answered something unreadable/],
      [pathToFileURL(join(dir, 'no-such-worker.mjs')), /engine worker thread failed/],
    ];
    for (const [url, message] of cases) {
      const err = await scanHistory(repo.path, { engine, fingerprints: TEST_FINGERPRINTS, parallel: newPool(1, url) }).catch((e: unknown) => e);
      expect(err, url.pathname).toBeInstanceOf(Error);
      expect(err).toMatchObject({ code: 'ENGINE_WORKER_FAILED' });
      expect((err as Error).message).toMatch(message);
    }
  }, 120_000);

  it("fails the scan with the engine's own error code when the engine throws in the thread", async () => {
    const { repo } = await richRepository();
    const url = fakeWorker(
      'pattern-error',
      "parentPort.postMessage({ type: 'failed', batch: m.batch, error: { code: 'PATTERN_INVALID', message: 'detector x: invalid RE2 pattern: missing )' } });",
    );
    const err = await scanHistory(repo.path, { engine, fingerprints: TEST_FINGERPRINTS, parallel: newPool(1, url) }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PATTERN_INVALID', message: 'detector x: invalid RE2 pattern: missing )' });
  }, 60_000);

  it('holds the reader back while 4 MiB wait to be scanned', async () => {
    const pool = newPool(1, fakeWorker('silent', '// never answers'));
    const scan = pool.scan(engine.detectors);
    const sink = scan.sink();
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let written = 0;
    while (!scan.saturated && written < 64 * 1024 * 1024) {
      sink.write(chunk);
      written += chunk.length;
    }
    expect(written).toBe(4 * 1024 * 1024);
    let resumed = false;
    scan.onDrain(() => (resumed = true));
    expect(resumed).toBe(false);
    scan.close();
    expect(resumed).toBe(true);
  });
});

describe('PieceCutter', () => {
  it('cuts pieces of exactly PIECE_BYTES whatever the chunk sizes', () => {
    const cutter = new PieceCutter();
    const pieces: number[] = [];
    const data = Buffer.from(t.bytes(3 * PIECE_BYTES + 999));
    const seen: Buffer[] = [];
    for (let at = 0, n = 1; at < data.length; at += n, n = (n * 7919) % 70_001 || 1) {
      cutter.write(data.subarray(at, at + n), (parts, length) => {
        pieces.push(length);
        seen.push(Buffer.concat(parts));
      });
    }
    const rest = cutter.rest();
    pieces.push(rest.length);
    seen.push(Buffer.concat(rest.parts));
    expect(pieces).toEqual([PIECE_BYTES, PIECE_BYTES, PIECE_BYTES, 999]);
    expect(Buffer.concat(seen).equals(data)).toBe(true);
  });
});

describe('sharedEnginePool', () => {
  it('is null for an engine with detectors the registry does not have (a worker could not rebuild it)', () => {
    const own: Detector = { ...ALL_DETECTORS[0]!, id: 'test-only-detector' };
    expect(sharedEnginePool(createEngine([own]))).toBeNull();
  });
});
