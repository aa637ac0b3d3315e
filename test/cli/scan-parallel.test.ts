import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCrc32Token } from '../../detectors/builders/crc32-token-examples.js';
import { TokenFactory } from '../support/token-factory.js';
import { cleanEnv, ensureBuilt, runCli, type CliRun } from './built-cli.js';
import { GitFixture } from './git-fixture.js';

/**
 * `pushgate scan --history` from dist/ with the engine in worker threads
 * (PUSHGATE_ENGINE_THREADS forces them; on 2 cores `parallel: true` alone
 * scans in one thread) reports exactly what the one-thread scan reports.
 */
const t = new TokenFactory('cli-scan-parallel');
let repo: GitFixture;

beforeAll(async () => {
  await ensureBuilt();
  repo = new GitFixture('pushgate-cli-parallel-');
  const big = Buffer.alloc(3 * 1024 * 1024 + 5000, 'log line without secrets\n');
  // Straddles the engine's 1 MiB piece boundary.
  big.write(` ${makeCrc32Token(t, 'ghp_')} `, 1024 * 1024 - 20, 'latin1');
  repo.write('deploy/ci.env', `GITHUB_TOKEN=${makeCrc32Token(t, 'ghp_')}\n`).write('logs/big.log', big);
  repo.commit('config and logs');
  repo.write('win.ini', `[auth]\r\ntoken = ${makeCrc32Token(t, 'gho_')}\r\n`).remove('deploy/ci.env');
  for (let i = 0; i < 40; i++) repo.write(`src/f${i}.txt`, `line ${i}\n`.repeat(i * 50));
  repo.commit('more files');
});

afterAll(() => repo?.cleanup());

function scan(threads: string): Promise<CliRun> {
  return runCli(['scan', repo.dir, '--history', '--format', 'json'], { env: cleanEnv({ PUSHGATE_ENGINE_THREADS: threads }) });
}

/** The JSON report without its timing. */
function report(run: CliRun): unknown {
  expect(run.stderr).toBe('');
  const doc = JSON.parse(run.stdout) as { stats: Record<string, unknown> };
  return { ...doc, stats: { ...doc.stats, seconds: 0 } };
}

describe('pushgate scan --history with engine threads', () => {
  it('reports the same findings with 0, 1 and 2 engine threads', async () => {
    const one = await scan('0');
    expect(one.code).toBe(1);
    const expected = report(one);
    expect((expected as { findings: unknown[] }).findings).toHaveLength(3);
    for (const threads of ['1', '2']) {
      const run = await scan(threads);
      expect(run.code, run.stderr).toBe(1);
      expect(report(run)).toEqual(expected);
    }
  });

  it('rejects a PUSHGATE_ENGINE_THREADS that is not a number', async () => {
    const run = await scan('many');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/PUSHGATE_ENGINE_THREADS .*\[ENGINE_THREADS_INVALID\]\n$/);
  });
});
