import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPO_ROOT } from '../test/cli/built-cli.js';
import { GitRepo } from '../test/support/git-repo.js';
import { TokenFactory } from '../test/support/token-factory.js';
import { examples as patExamples } from '../detectors/github-pat-classic/examples.js';
import type * as EngineModule from '../detectors/engine/engine.js';
import type * as RegistryModule from '../detectors/registry.js';
import type * as PoolModule from './scan-pool.js';
import type * as HistoryModule from './history.js';
import type { Match } from '../detectors/types.js';

/**
 * Worker threads run compiled JavaScript, so these tests run the compiled
 * dist/ (built when older than the sources), the way the CLI and the service do.
 */
let engineMod: typeof EngineModule;
let registry: typeof RegistryModule;
let poolMod: typeof PoolModule;
let history: typeof HistoryModule;

const load = async <T>(rel: string): Promise<T> => (await import(pathToFileURL(join(REPO_ROOT, 'dist', rel)).href)) as T;

beforeAll(async () => {
  await ensureBuilt();
  engineMod = await load('detectors/engine/engine.js');
  registry = await load('detectors/registry.js');
  poolMod = await load('scanner/scan-pool.js');
  history = await load('scanner/history.js');
}, 300_000);

const t = new TokenFactory('scan-pool-test');

async function readyPool(engine: EngineModule.Engine, threads: number): Promise<PoolModule.ScanPool> {
  const pool = poolMod.ScanPool.create(engine, threads);
  expect(pool).toBeDefined();
  for (let i = 0; i < 500 && !pool!.ready; i++) await new Promise((r) => setTimeout(r, 20));
  expect(pool!.ready).toBe(true);
  return pool!;
}

const key = (m: Match): string => `${m.detector.id} ${m.secret} ${m.start}-${m.end} ${m.line}:${m.column}`;

describe('ScanPool', () => {
  it('finds exactly what the engine finds in its own thread, for blobs of any size in any chunks', async () => {
    const engine = engineMod.createEngine(registry.ALL_DETECTORS);
    const pool = await readyPool(engine, 2);
    try {
      const blobs: Buffer[] = [];
      for (let i = 0; i < 300; i++) {
        const parts: Buffer[] = [];
        const lines = t.int(400);
        for (let l = 0; l < lines; l++) {
          parts.push(t.int(50) === 0 ? Buffer.from(`token = "${patExamples.generate!(t)}"\r\n`) : Buffer.from(`line ${l} of blob ${i}\n`));
        }
        if (i % 50 === 0) parts.push(Buffer.from(t.bytes(300_000)), Buffer.from(` ${patExamples.generate!(t)} `));
        blobs.push(Buffer.concat(parts));
      }
      blobs.push(Buffer.alloc(0));
      const pending: Array<Promise<Match[]>> = [];
      for (const [i, b] of blobs.entries()) {
        // The pool takes a blob only while a worker has room; the scanner would scan it itself otherwise.
        let blob = pool.tryOpen();
        for (let wait = 0; !blob && wait < 1000; wait++) {
          await new Promise((r) => setTimeout(r, 5));
          blob = pool.tryOpen();
        }
        expect(blob).toBeDefined();
        // Odd blobs arrive in uneven pieces, as pipe chunks do.
        const step = i % 2 ? 1 + t.int(9000) : Math.max(1, b.length);
        for (let at = 0; at < b.length; at += step) blob!.write(b.subarray(at, at + step));
        pending.push(blob!.end());
      }
      const results = await Promise.all(pending);
      let found = 0;
      results.forEach((matches, i) => {
        const expected = engine.scan(blobs[i]!).map(key);
        expect(matches.map(key)).toEqual(expected);
        found += expected.length;
      });
      expect(found).toBeGreaterThan(100);
    } finally {
      await pool.close();
    }
  });

  it('is not used for an engine whose detectors a worker cannot rebuild', () => {
    const custom = { ...registry.ALL_DETECTORS[0]!, id: 'custom-detector' };
    expect(poolMod.ScanPool.create(engineMod.createEngine([custom]), 2)).toBeUndefined();
    expect(poolMod.ScanPool.create(engineMod.createEngine(registry.ALL_DETECTORS), 0)).toBeUndefined();
  });
});

describe('scanHistory with scan workers', () => {
  const repo = GitRepo.create();
  afterAll(() => repo.dispose());

  it('reports the same findings and stats as a scan in one thread', async () => {
    // More than the size at which workers start, with tokens spread over many blobs and commits.
    for (let c = 0; c < 6; c++) {
      const files: Record<string, string> = {};
      for (let f = 0; f < 40; f++) {
        const body = Array.from({ length: 1500 }, (_, l) => `commit ${c} file ${f} line ${l} some ordinary text here`).join('\n');
        files[`dir${f % 7}/file${f}.txt`] = f % 9 === 0 ? `${body}\nGITHUB_TOKEN=${patExamples.generate!(t)}\n` : `${body}\n`;
      }
      repo.commit({ files });
    }
    const engine = engineMod.createEngine(registry.ALL_DETECTORS);
    const one = await history.scanHistory(repo.path, { engine, threads: 0 });
    const many = await history.scanHistory(repo.path, { engine, threads: 2 });
    expect(one.stats.bytes).toBeGreaterThan(8 * 1024 * 1024);
    const shape = (r: typeof one): unknown => ({ findings: JSON.parse(JSON.stringify(r.findings)), blobs: r.stats.blobs, bytes: r.stats.bytes, skipped: r.stats.skipped });
    expect(shape(many)).toEqual(shape(one));
    expect(one.findings.length).toBeGreaterThan(20);
  }, 120_000);
});
