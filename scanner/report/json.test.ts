import { describe, expect, it } from 'vitest';
import { detector as ghp } from '../../detectors/github-pat-classic/detector.js';
import { makeCrc32Token } from '../../detectors/builders/crc32-token-examples.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { LEGACY_DETECTOR, reportOf } from '../../test/fixtures/reports.js';
import { renderJson } from './json.js';

describe('renderJson', () => {
  const t = new TokenFactory('json');
  const token = makeCrc32Token(t, 'ghp_');
  const password = t.chars('abcdefghijkmnpqrstuvwxyz23456789!#%', 20);
  const companion = t.chars('abcdef0123456789', 40);
  const report = reportOf([
    {
      detector: ghp,
      secret: token,
      at: [
        { path: 'a.env', line: 3, column: 7, commit: 'c'.repeat(40), author: 'Ada', email: 'ada@example.com', date: '2024-01-02T03:04:05Z' },
        { path: 'b.env', line: 1, column: 1, commit: 'd'.repeat(40), author: 'Ada', email: 'ada@example.com', date: '2024-01-03T03:04:05Z' },
      ],
    },
    { detector: LEGACY_DETECTOR, secret: password, companion: { name: 'user', value: companion }, at: [{ path: 'db.ini', line: 9, column: 12 }] },
  ]);
  const text = renderJson(report, 'history');
  const doc = JSON.parse(text);

  it('has exactly the documented shape', () => {
    expect(Object.keys(doc)).toEqual(['version', 'scan', 'findings', 'stats']);
    expect(doc.version).toBe(1);
    expect(doc.scan).toBe('history');
    expect(doc.stats).toEqual({ blobs: 12, bytes: 34_567, skipped: { count: 1, bytes: 10, reasons: { symlink: 1 } }, seconds: 0.25 });
    const [first, second] = doc.findings;
    expect(first).toEqual({
      detector: 'github-pat-classic',
      provider: 'GitHub',
      title: ghp.title,
      severity: 'critical',
      tier: 'identifiable',
      confidence: 'high',
      reason: 'format match',
      fingerprint: report.findings[0]!.fingerprint,
      redacted: report.findings[0]!.redacted,
      docs: ghp.docs,
      revoke: ghp.revoke,
      locations: [
        { commit: 'c'.repeat(40), path: 'a.env', line: 3, column: 7, author: 'Ada', email: 'ada@example.com', date: '2024-01-02T03:04:05Z' },
        { commit: 'd'.repeat(40), path: 'b.env', line: 1, column: 1, author: 'Ada', email: 'ada@example.com', date: '2024-01-03T03:04:05Z' },
      ],
    });
    expect(second.tier).toBe('legacy');
    expect(second.companion).toEqual({ name: 'user', redacted: report.findings[1]!.companion!.value.redacted });
    // Working-tree locations keep the keys, as null.
    expect(second.locations).toEqual([{ commit: null, path: 'db.ini', line: 9, column: 12, author: null, email: null, date: null }]);
  });

  it('never contains a secret or companion in full', () => {
    for (const s of [token, password, companion]) expect(text).not.toContain(s);
    expect(doc.findings[0].redacted).toMatch(/^ghp_.{1,8}\*\*\*$/);
  });
});
