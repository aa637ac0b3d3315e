import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detector as ghp } from '../../detectors/github-pat-classic/detector.js';
import { makeCrc32Token } from '../../detectors/builders/crc32-token-examples.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { reportOf } from '../../test/fixtures/reports.js';
import { keyedFingerprinter, v1Fingerprint } from '../fingerprint.js';
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
    const { report, suppressed, notices } = applyBaseline(now, fps);
    expect(suppressed).toBe(1);
    expect(notices).toEqual([]);
    expect(report.findings.map((f) => f.secret.reveal())).toEqual([fresh]);
    expect(report.stats).toEqual(now.stats);
  });

  it('still matches a baseline written before v2 by its v1 fingerprints, and says to replace it', () => {
    const v1 = { findings: earlier.findings.map((f) => ({ fingerprint: v1Fingerprint(f.family, f.secret.reveal()) })) };
    const baseline = parseBaseline(JSON.stringify(v1), 'b.json');
    expect(baseline.scheme).toBeNull();
    const { report, suppressed, matchedByV1, notices } = applyBaseline(now, baseline, 'baseline old.json');
    expect([suppressed, matchedByV1]).toEqual([1, 1]);
    expect(report.findings.map((f) => f.secret.reveal())).toEqual([fresh]);
    expect(notices).toEqual([expect.stringMatching(/^baseline old\.json holds v1 fingerprints .*1 finding matched by them\. Write a new baseline/)]);
  });

  it('says when a baseline was written under another fingerprint key, since nothing in it can match', () => {
    const other = reportOf([{ detector: ghp, secret: old, at: [{ path: 'a', line: 1, column: 1 }] }], {}, keyedFingerprinter(Buffer.alloc(32, 1)));
    const baseline = parseBaseline(renderJson(other, 'history'), 'b.json');
    expect(baseline.scheme).toEqual({ scheme: 'keyed-v2', keyId: other.fingerprints.keyId });
    const { suppressed, notices } = applyBaseline(now, baseline, 'baseline b.json');
    expect(suppressed).toBe(0);
    expect(notices).toEqual([expect.stringMatching(/^baseline b\.json was written with keyed \(PUSHGATE_FINGERPRINT_KEY, key id [0-9a-f]{12}\) fingerprints, this scan uses keyed .*none of its entries can match/)]);
    // A v1 fingerprint is never tried against a v2 baseline.
    const v1Named = { fingerprints: { scheme: 'keyed-v2' }, findings: [{ fingerprint: v1Fingerprint(ghp.family, old) }] };
    expect(applyBaseline(now, parseBaseline(JSON.stringify(v1Named), 'b.json')).suppressed).toBe(0);
  });

  it('accepts an empty report', () => {
    expect(parseBaseline(renderJson(reportOf([]), 'history'), 'b.json').fingerprints.size).toBe(0);
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
      '{"fingerprints": {"scheme": "v9"}, "findings": []}',
      '{"fingerprints": {"scheme": "keyed-v2", "keyId": "../../x"}, "findings": []}',
      '{"fingerprints": null, "findings": []}',
    ];
    for (const text of bad) {
      expect(() => parseBaseline(text, 'b.json'), text).toThrow(expect.objectContaining({ code: 'BASELINE_MALFORMED' }));
    }
  });

  it('reads a file, with BASELINE_NOT_FOUND for a missing one', async () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, renderJson(earlier, 'working-tree'));
    expect([...(await readBaseline(file)).fingerprints]).toEqual([earlier.findings[0]!.fingerprint]);
    await expect(readBaseline(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 'BASELINE_NOT_FOUND' });
    await expect(readBaseline(dir)).rejects.toMatchObject({ code: 'BASELINE_UNREADABLE' });
  });
});
