import { describe, expect, it } from 'vitest';
import { detector as ghp } from '../../detectors/github-pat-classic/detector.js';
import { makeCrc32Token } from '../../detectors/builders/crc32-token-examples.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { LEGACY_DETECTOR, reportOf } from '../../test/fixtures/reports.js';
import { HOSTILE_ALL, UNSAFE_FOR_TERMINAL, withoutLineEnds } from '../../test/fixtures/hostile-text.js';
import { terminalText } from './terminal-text.js';
import { renderText } from './text.js';

describe('renderText', () => {
  const t = new TokenFactory('text');
  const token = makeCrc32Token(t, 'ghp_');
  const password = t.chars('abcdefghijkmnpqrstuvwxyz23456789', 18);
  const commit = '0123456789abcdef0123456789abcdef01234567';
  // The legacy match is added first: the renderer must still list it last.
  const report = reportOf([
    { detector: LEGACY_DETECTOR, secret: password, at: [{ path: 'db.ini', line: 9, column: 12 }] },
    {
      detector: ghp,
      secret: token,
      at: [{ path: 'src/app.env', line: 3, column: 7, commit, author: 'Ada Lovelace', email: 'ada@example.com', date: '2024-01-02T03:04:05Z' }],
    },
  ]);

  it('shows identifiable findings first, then legacy ones under a heading, each with revoke help', () => {
    const out = renderText(report, { scan: 'history' });
    expect(out).toContain(`1. ${ghp.title}\n`);
    expect(out).toContain(`2. [legacy] ${LEGACY_DETECTOR.title}\n`);
    const heading = out.indexOf('Legacy findings');
    expect(heading).toBeGreaterThan(out.indexOf(ghp.title));
    expect(heading).toBeLessThan(out.indexOf(LEGACY_DETECTOR.title));
    expect(out).toContain(`secret     ${report.findings[0]!.redacted}\n`);
    expect(out).toContain('severity   critical, tier identifiable, confidence high\n');
    expect(out).toContain('severity   medium, tier legacy, confidence medium (assignment to a password variable, 3.9 bits/char)\n');
    expect(out).toContain('found at   0123456789  src/app.env:3:7  Ada Lovelace <ada@example.com>  2024-01-02T03:04:05Z\n');
    expect(out).toContain('found at   db.ini:9:12\n');
    expect(out).toContain(`revoke     ${ghp.revoke}\n             ${ghp.docs}\n`);
    expect(out).toContain(`revoke     ${LEGACY_DETECTOR.revoke}\n`);
    expect(out.trimEnd().split('\n').at(-1)).toBe(
      '2 secrets found (1 identifiable, 1 legacy) in history: 12 blobs, 33.8 KB, 0.25 s; 1 skipped (symlink 1).',
    );
    expect(out).not.toContain(token);
    expect(out).not.toContain(password);
  });

  it('caps long location lists and reports baseline suppressions', () => {
    const many = reportOf([{ detector: ghp, secret: token, at: Array.from({ length: 25 }, (_, i) => ({ path: `f${i}`, line: 1, column: 1 })) }]);
    const out = renderText(many, { scan: 'working-tree', suppressed: 3, maxLocations: 20 });
    expect(out).toContain('f19:1:1\n');
    expect(out).not.toContain('f20:1:1');
    expect(out).toContain('... and 5 more locations\n');
    expect(out).toContain('1 secret found (1 identifiable, 0 legacy) in working tree: 12 files, 33.8 KB, 0.25 s; 1 skipped (symlink 1); 3 known from the baseline not shown.\n');
  });

  it('says so when nothing was found', () => {
    expect(renderText(reportOf([], { skipped: { count: 0, bytes: 0, reasons: {} } }), { scan: 'working-tree' })).toBe(
      'No secrets found in working tree: 12 files, 33.8 KB, 0.25 s.\n',
    );
  });

  it('escapes control characters from scanned data, so a repository cannot drive the terminal', () => {
    const binarySecret = `\x1b]0;pwned\x07${t.chars('abcdefghijkmnpqrstuvwxyz', 30)}`;
    const hostile = reportOf([{ detector: LEGACY_DETECTOR, secret: binarySecret, at: [{ path: 'a\x1b[2Jb.txt', line: 1, column: 1, author: 'x\ry' }] }]);
    const out = renderText(hostile, { scan: 'history' });
    expect(out).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    expect(out).toContain('secret     \\x1b]0;pwne***\n');
    expect(out).toContain('found at   a\\x1b[2Jb.txt:1:1  x\\x0dy\n');
    expect(terminalText('ok\ttab\u0085')).toBe('ok\\x09tab\\x85');
  });

  it('escapes hostile paths, author names, e-mails, ref and tag names in every kind of location', () => {
    const commit = 'ab'.repeat(20);
    const tag = 'cd'.repeat(20);
    const hostile = reportOf([
      {
        detector: ghp,
        secret: token,
        at: [
          { path: `dir/${HOSTILE_ALL}.env`, line: 1, column: 1, commit, author: `Eve ${HOSTILE_ALL}`, email: `e${HOSTILE_ALL}@x`, date: '2024-01-02T03:04:05Z' },
          { kind: 'path', path: `dir/${HOSTILE_ALL}`, line: 1, column: 5, commit },
          { kind: 'commit-message', line: 2, column: 1, commit, author: HOSTILE_ALL },
          { kind: 'tag-message', line: 3, column: 1, tag, tagName: `v1${HOSTILE_ALL}`, ref: `refs/tags/v1${HOSTILE_ALL}` },
          { kind: 'ref-name', line: 1, column: 12, ref: `refs/heads/${HOSTILE_ALL}` },
        ],
      },
    ]);
    const out = renderText(hostile, { scan: 'history' });
    expect(withoutLineEnds(out)).not.toMatch(UNSAFE_FOR_TERMINAL);
    expect(out).toContain('\\x1b[2J');
    expect(out).toContain('\\x1b]0;title\\x07');
    expect(out).toContain('a\\x0aremote: fake');
    expect(out).toContain('a\\u2028b');
    expect(out).toContain('a\\u202eb');
    // Every line of the report is one of ours: none starts with the planted text.
    expect(out.split('\n').filter((l) => l.startsWith('remote:'))).toEqual([]);
  });
});

describe('renderText location kinds', () => {
  const t = new TokenFactory('text-kinds');
  const token = makeCrc32Token(t, 'ghp_');
  const commit = '3f2a1b4c5d6e7f8091a2b3c4d5e6f708192a3b4c';
  const tag = '9ab0123456789abcdef0123456789abcdef01234';
  const report = reportOf([
    {
      detector: ghp,
      secret: token,
      at: [
        { path: 'app.env', line: 2, column: 5, commit, author: 'Ada', email: 'ada@example.com', date: '2024-01-02T03:04:05Z', encoding: 'base64' },
        { kind: 'path', path: 'dir/fi***', line: 1, column: 5, commit, author: 'Ada', email: 'ada@example.com', date: '2024-01-02T03:04:05Z' },
        { kind: 'commit-message', line: 2, column: 7, commit, author: 'Ada', email: 'ada@example.com', date: '2024-01-02T03:04:05Z' },
        { kind: 'commit-identity', line: 3, column: 10, commit, author: 'gh***', email: 'ada@example.com' },
        { kind: 'commit-header', line: 6, column: 1, commit, encoding: 'percent' },
        { kind: 'tag-message', line: 3, column: 1, tag, tagName: 'v1.0', ref: 'refs/tags/v1.0', author: 'Tagger', email: 'tag@example.com' },
        { kind: 'tag-identity', line: 4, column: 8, tag, tagName: 'v1.0' },
        { kind: 'tag-header', line: 3, column: 5, tag },
        { kind: 'ref-name', line: 1, column: 12, ref: 'refs/heads/ghp_ab***' },
      ],
    },
  ]);
  const out = renderText(report, { scan: 'history' });

  it('names the kind and the object of each location, and the encoding', () => {
    const lines = out.split('\n').filter((l) => l.startsWith('  found at ') || l.startsWith('             '));
    expect(lines.slice(0, 9).map((l) => l.slice(13))).toEqual([
      '3f2a1b4c5d  app.env:2:5 (base64-encoded)  Ada <ada@example.com>  2024-01-02T03:04:05Z',
      'path of 3f2a1b4c5d: dir/fi***  Ada <ada@example.com>  2024-01-02T03:04:05Z',
      'commit message of 3f2a1b4c5d, line 2  Ada <ada@example.com>  2024-01-02T03:04:05Z',
      'author/committer of 3f2a1b4c5d, header line 3  gh*** <ada@example.com>',
      'commit header of 3f2a1b4c5d, line 6 (percent-encoded)',
      'tag v1.0 (9ab0123456) message, line 3  Tagger <tag@example.com>',
      'tagger of tag v1.0 (9ab0123456), header line 4',
      'tag 9ab0123456 header, line 3',
      'ref name refs/heads/ghp_ab***',
    ]);
    expect(out).not.toContain(token);
  });
});
