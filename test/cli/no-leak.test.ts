import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_DETECTORS } from '../../detectors/registry.js';
import type { DetectorExamples } from '../../detectors/examples-types.js';
import { redact } from '../../detectors/engine/redact.js';
import { TokenFactory } from '../support/token-factory.js';
import { ensureBuilt, runCli } from './built-cli.js';
import { GitFixture } from './git-fixture.js';

/**
 * Secrets never leave pushgate in full: every detector's own positive examples
 * (generated at test time) are planted in a real git repository, in history
 * and in the working tree, and the real CLI runs in every format, to stdout
 * and to --output. No secret or companion value may appear in stdout, stderr
 * or the written file; every one must be reported (redacted), so the check
 * is not vacuous.
 */
interface Planted {
  readonly detector: string;
  readonly secret: string;
  readonly companion?: string;
  readonly inWorkingTree: boolean;
}

const planted: Planted[] = [];
let repo: GitFixture;
let outDir: string;

beforeAll(async () => {
  await ensureBuilt();
  repo = new GitFixture('pushgate-noleak-');
  outDir = mkdtempSync(join(tmpdir(), 'pushgate-noleak-out-'));
  const historyOnly: string[] = [];
  for (const d of ALL_DETECTORS) {
    const { examples } = (await import(`../../detectors/${d.id}/examples.ts`)) as { examples: DetectorExamples };
    examples.positives(new TokenFactory(`noleak-${d.id}`)).forEach((p, i) => {
      const path = `plant/${d.id}/${i}.txt`;
      repo.write(path, p.text);
      planted.push({ detector: d.id, secret: p.secret, inWorkingTree: i % 2 === 0, ...(p.companion ? { companion: p.companion } : {}) });
      if (i % 2 === 1) historyOnly.push(path);
    });
  }
  repo.commit('plant every positive example');
  // Every other one is deleted again: those live in history only.
  for (const path of historyOnly) repo.remove(path);
  repo.commit('remove half of them');
}, 120_000);

afterAll(() => {
  repo?.cleanup();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

function leaks(text: string): string[] {
  const out: string[] = [];
  for (const p of planted) {
    if (text.includes(p.secret)) out.push(`${p.detector}: secret`);
    if (p.companion && text.includes(p.companion)) out.push(`${p.detector}: companion`);
  }
  return out;
}

describe('no secret appears in full in any output', () => {
  it('plants at least one example of every detector', () => {
    expect(new Set(planted.map((p) => p.detector))).toEqual(new Set(ALL_DETECTORS.map((d) => d.id)));
  });

  // Working-tree scans print to stdout; history scans write --output (and print a note): six runs cover both paths.
  for (const history of [false, true]) {
    for (const format of ['text', 'json', 'sarif'] as const) {
      const mode = history ? '--history to --output' : 'working tree to stdout';
      it(`${mode}, --format ${format}`, async () => {
        const file = join(outDir, `report.${format}`);
        const args = ['scan', repo.dir, '--format', format, ...(history ? ['--history', '--output', file] : [])];
        const run = await runCli(args);
        expect(run.code, run.stderr).toBe(1);
        const report = history ? readFileSync(file, 'utf8') : run.stdout;
        expect(leaks(run.stdout + run.stderr + report)).toEqual([]);
        // Reported, redacted: every planted secret in history, the ones kept in the working tree.
        const expected = planted.filter((p) => history || p.inWorkingTree);
        expect(expected.length).toBeGreaterThan(ALL_DETECTORS.length / 2);
        expect(expected.filter((p) => !report.includes(redact(p.secret))).map((p) => p.detector)).toEqual([]);
      });
    }
  }
});
