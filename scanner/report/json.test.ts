import { describe, expect, it } from 'vitest';
import { detector as ghp } from '../../detectors/github-pat-classic/detector.js';
import { makeCrc32Token } from '../../detectors/builders/crc32-token-examples.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { TEST_FINGERPRINTS } from '../../test/support/findings.js';
import { LEGACY_DETECTOR, reportOf } from '../../test/fixtures/reports.js';
import { HOSTILE_ALL, UNSAFE_FOR_TERMINAL, withoutLineEnds } from '../../test/fixtures/hostile-text.js';
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
    expect(Object.keys(doc)).toEqual(['version', 'scan', 'fingerprints', 'findings', 'stats']);
    expect(doc.version).toBe(1);
    expect(doc.fingerprints).toEqual({ scheme: 'keyed-v2', keyId: TEST_FINGERPRINTS.keyId });
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
        { kind: 'blob', commit: 'c'.repeat(40), path: 'a.env', line: 3, column: 7, author: 'Ada', email: 'ada@example.com', date: '2024-01-02T03:04:05Z' },
        { kind: 'blob', commit: 'd'.repeat(40), path: 'b.env', line: 1, column: 1, author: 'Ada', email: 'ada@example.com', date: '2024-01-03T03:04:05Z' },
      ],
    });
    // Version 1 keys, in their order, with `kind` in front: readers of file locations see what they saw before.
    expect(Object.keys(first.locations[0])).toEqual(['kind', 'commit', 'path', 'line', 'column', 'author', 'email', 'date']);
    expect(second.tier).toBe('legacy');
    expect(second.companion).toEqual({ name: 'user', redacted: report.findings[1]!.companion!.value.redacted });
    // Working-tree locations keep the keys, as null.
    expect(second.locations).toEqual([{ kind: 'blob', commit: null, path: 'db.ini', line: 9, column: 12, author: null, email: null, date: null }]);
  });

  it('names the kind of every location, with path null outside files and paths, and tag, ref and encoding when known', () => {
    const commit = '3f2a1b4c5d6e7f8091a2b3c4d5e6f708192a3b4c';
    const tag = '9ab0123456789abcdef0123456789abcdef01234';
    const kinds = reportOf([
      {
        detector: ghp,
        secret: token,
        at: [
          { path: 'k8s/secret.yml', line: 4, column: 9, commit, author: 'Ada', email: 'ada@example.com', date: '2024-01-02T03:04:05Z', encoding: 'base64' },
          { kind: 'path', path: 'dir/ghp_ab***', line: 1, column: 5, commit, author: 'Ada', email: 'ada@example.com', date: '2024-01-02T03:04:05Z' },
          { kind: 'commit-message', line: 2, column: 7, commit, author: 'Ada', email: 'ada@example.com', date: '2024-01-02T03:04:05Z' },
          { kind: 'tag-message', line: 3, column: 1, tag, tagName: 'v1.0', ref: 'refs/tags/v1.0', author: 'Tagger', email: 'tag@example.com', date: '2024-02-01T00:00:00Z' },
          { kind: 'ref-name', line: 1, column: 12, ref: 'refs/heads/ghp_ab***', encoding: 'percent' },
        ],
      },
    ]);
    const out = JSON.parse(renderJson(kinds, 'history'));
    expect(out.findings[0].locations).toEqual([
      { kind: 'blob', commit, path: 'k8s/secret.yml', line: 4, column: 9, author: 'Ada', email: 'ada@example.com', date: '2024-01-02T03:04:05Z', encoding: 'base64' },
      { kind: 'path', commit, path: 'dir/ghp_ab***', line: 1, column: 5, author: 'Ada', email: 'ada@example.com', date: '2024-01-02T03:04:05Z' },
      { kind: 'commit-message', commit, path: null, line: 2, column: 7, author: 'Ada', email: 'ada@example.com', date: '2024-01-02T03:04:05Z' },
      { kind: 'tag-message', commit: null, path: null, line: 3, column: 1, author: 'Tagger', email: 'tag@example.com', date: '2024-02-01T00:00:00Z', tag, tagName: 'v1.0', ref: 'refs/tags/v1.0' },
      { kind: 'ref-name', commit: null, path: null, line: 1, column: 12, author: null, email: null, date: null, ref: 'refs/heads/ghp_ab***', encoding: 'percent' },
    ]);
  });

  it('writes characters a terminal acts on as JSON escapes, so the report can be printed safely', () => {
    const hostile = reportOf([{ detector: ghp, secret: token, at: [{ path: `a/${HOSTILE_ALL}`, line: 1, column: 1, author: HOSTILE_ALL }] }]);
    const text = renderJson(hostile, 'working-tree');
    expect(withoutLineEnds(text)).not.toMatch(UNSAFE_FOR_TERMINAL);
    const [loc] = JSON.parse(text).findings[0].locations;
    expect(loc.path).toBe(`a/${HOSTILE_ALL}`);
    expect(loc.author).toBe(HOSTILE_ALL);
  });

  it('never contains a secret or companion in full', () => {
    for (const s of [token, password, companion]) expect(text).not.toContain(s);
    expect(doc.findings[0].redacted).toMatch(/^ghp_.{1,8}\*\*\*$/);
  });
});
