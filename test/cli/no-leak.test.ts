import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_DETECTORS } from '../../detectors/registry.js';
import { examplesOf } from '../support/detector-examples.js';
import { redact } from '../../detectors/engine/redact.js';
import { terminalText } from '../../scanner/report/terminal-text.js';
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
    (await examplesOf(d.id)).positives(new TokenFactory(`noleak-${d.id}`)).forEach((p, i) => {
      const path = `plant/${d.id}/${i}.txt`;
      // Example texts are byte strings (one latin1 character per byte), as the engine reads them.
      repo.write(path, Buffer.from(p.text, 'latin1'));
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

/** Planted values found in `text`, raw or as the text report escapes control characters. */
function leaks(text: string): string[] {
  const out: string[] = [];
  const has = (value: string): boolean => text.includes(value) || text.includes(terminalText(value));
  for (const p of planted) {
    if (has(p.secret)) out.push(`${p.detector}: secret`);
    if (p.companion && has(p.companion)) out.push(`${p.detector}: companion`);
  }
  return out;
}

/** Every string value of a JSON document, decoded (JSON escapes control characters, so its text alone would hide them). */
function jsonStrings(text: string): string {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        out.push(k);
        visit(x);
      }
    }
  };
  visit(JSON.parse(text));
  return out.join('\n');
}

/** Whether a report shows a given redacted form: JSON formats are parsed (they escape control characters), text is searched. */
function redactedForms(format: 'text' | 'json' | 'sarif', report: string): (redacted: string) => boolean {
  if (format === 'text') return (r) => report.includes(terminalText(r));
  const doc = JSON.parse(report);
  const forms = new Set<string>(
    format === 'json'
      ? doc.findings.map((f: { redacted: string }) => f.redacted)
      : doc.runs[0].results.map((r: { properties: { redacted: string } }) => r.properties.redacted),
  );
  return (r) => forms.has(r);
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
        if (format !== 'text') expect(leaks(jsonStrings(report))).toEqual([]);
        // Reported, redacted: every planted secret in history, the ones kept in the working tree.
        const expected = planted.filter((p) => history || p.inWorkingTree);
        expect(expected.length).toBeGreaterThan(ALL_DETECTORS.length / 2);
        const shown = redactedForms(format, report);
        expect(expected.filter((p) => !shown(redact(p.secret))).map((p) => p.detector)).toEqual([]);
      });
    }
  }
});
