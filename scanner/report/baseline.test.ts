import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detector as ghp } from '../../detectors/github-pat-classic/detector.js';
import { makeCrc32Token } from '../../detectors/builders/crc32-token-examples.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { reportOf } from '../../test/fixtures/reports.js';
import { applyBaseline, parseBaseline, readBaseline } from './baseline.js';
import { renderJson } from './json.js';

const t = new TokenFactory('baseline');
const [old, fresh] = [makeCrc32Token(t, 'ghp_'), makeCrc32Token(t, 'ghp_')];
const earlier = reportOf([{ detector: ghp, secret: old, at: [{ path: 'a', line: 1, column: 1 }] }]);
const now = reportOf([
  { detector: ghp, secret: old, at: [{ path: 'a', line: 1, column: 1 }, { path: 'moved', line: 5, column: 2 }] },
  { detector: ghp, secret: fresh, at: [{ path: 'b', line: 2, column: 3 }] },
]);

const dir = mkdtempSync(join(tmpdir(), 'pushgate-baseline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('baseline', () => {
  it('suppresses findings whose fingerprint an earlier JSON report lists, wherever they now are', () => {
    const fps = parseBaseline(renderJson(earlier, 'working-tree'), 'b.json');
    const { report, suppressed } = applyBaseline(now, fps);
    expect(suppressed).toBe(1);
    expect(report.findings.map((f) => f.secret.reveal())).toEqual([fresh]);
    expect(report.stats).toEqual(now.stats);
  });

  it('accepts an empty report', () => {
    expect(parseBaseline(renderJson(reportOf([]), 'history'), 'b.json').size).toBe(0);
  });

  it('rejects malformed baselines with BASELINE_MALFORMED', () => {
    const bad = [
      'not json',
      '[]',
      'null',
      '{"results": []}',
      '{"findings": {}}',
      '{"findings": [{"redacted": "x"}]}',
      '{"findings": [{"fingerprint": "short"}]}',
      '{"findings": [{"fingerprint": 42}]}',
    ];
    for (const text of bad) {
      expect(() => parseBaseline(text, 'b.json'), text).toThrow(expect.objectContaining({ code: 'BASELINE_MALFORMED' }));
    }
  });

  it('reads a file, with BASELINE_NOT_FOUND for a missing one', async () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, renderJson(earlier, 'working-tree'));
    expect([...(await readBaseline(file))]).toEqual([earlier.findings[0]!.fingerprint]);
    await expect(readBaseline(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 'BASELINE_NOT_FOUND' });
    await expect(readBaseline(dir)).rejects.toMatchObject({ code: 'BASELINE_UNREADABLE' });
  });
});
