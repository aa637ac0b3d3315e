import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { githubTokens, TEST_FINGERPRINTS, testEngine } from '../../test/support/findings.js';
import { scanDiff } from './scan-content.js';
import { DiffParseError, parseUnifiedDiff } from './unified-diff.js';

const dir = mkdtempSync(join(tmpdir(), 'pushgate-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: dir };
function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: join(dir, 'repo'), env: gitEnv, encoding: 'utf8' });
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return (err as DiffParseError).code;
  }
  return undefined;
}

describe('unified diff scanning', () => {
  const [oldToken, newToken, renamedToken, quotedToken] = githubTokens('diff', 4);

  it('scans only added lines of real git diffs, with new paths and line numbers', () => {
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, 'config'), { recursive: true });
    git('init', '-q', '-b', 'main');
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
    lines[4] = `OLD_TOKEN=${oldToken}`;
    writeFileSync(join(repo, 'config/app.env'), `${lines.join('\n')}\n`);
    writeFileSync(join(repo, 'moved.txt'), 'a\nb\nc\nd\ne\nf\ng\nh\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'first');

    // Remove the old token, add a new one at line 20, rename a file and add a token to it,
    // add a file whose name git must quote.
    lines.splice(4, 1);
    lines.splice(19, 0, `NEW_TOKEN=${newToken}`);
    writeFileSync(join(repo, 'config/app.env'), `${lines.join('\n')}\n`);
    renameSync(join(repo, 'moved.txt'), join(repo, 'renamed.txt'));
    writeFileSync(join(repo, 'renamed.txt'), `a\nb\nc\nd\ne\nf\ng\nh\ntoken: "${renamedToken}"\n`);
    writeFileSync(join(repo, 'tab\there.txt'), `x=${quotedToken}\n`);
    git('add', '-A');
    git('commit', '-q', '-m', 'second');
    const head = git('rev-parse', 'HEAD').trim();

    for (const diff of [git('diff', 'HEAD~1', 'HEAD'), git('show', '--format=commit %H', 'HEAD'), git('log', '-p', '-1'), git('format-patch', '-1', '--stdout')]) {
      const { findings } = scanDiff(testEngine(), TEST_FINGERPRINTS, diff);
      const found = findings.map((f) => [f.secret.reveal(), f.locations.map((l) => [l.path, l.line])]);
      expect(found).toEqual(
        expect.arrayContaining([
          [newToken, [['config/app.env', 20]]],
          [renamedToken, [['renamed.txt', 9]]],
          [quotedToken, [['tab\there.txt', 1]]],
        ]),
      );
      expect(findings).toHaveLength(3);
      if (!diff.startsWith('diff --git')) expect(findings[0]!.locations[0]!.commit).toBe(head);
    }
    // With --no-prefix there are no a/ b/ prefixes to strip.
    const noPrefix = scanDiff(testEngine(), TEST_FINGERPRINTS, git('diff', '--no-prefix', 'HEAD~1', 'HEAD'));
    expect(noPrefix.findings.flatMap((f) => f.locations.map((l) => l.path)).sort()).toEqual(['config/app.env', 'renamed.txt', 'tab\there.txt']);
  });

  it('reads hunks by their counts: a removed line starting with "--- " is not a header', () => {
    const [t] = githubTokens('diff-dash', 1);
    const diff = ['--- a/x.txt', '+++ b/x.txt', '@@ -1,2 +1,2 @@', '--- old', '+++ b/' + t, ' tail', ''].join('\n');
    const files = parseUnifiedDiff(diff);
    expect(files).toEqual([{ path: 'x.txt', commit: null, added: [`++ b/${t}`], lineNumbers: [1] }]);
  });

  it('handles plain diff -u output (timestamps after the path) and missing counts', () => {
    const diff = ['--- a.txt\t2024-01-01 00:00:00.000000000 +0000', '+++ b.txt\t2024-01-01 00:00:01.000000000 +0000', '@@ -1 +1 @@', '-x', '+y', ''].join('\n');
    expect(parseUnifiedDiff(diff)).toEqual([{ path: 'b.txt', commit: null, added: ['y'], lineNumbers: [1] }]);
  });

  it('refuses truncated hunks, hunks without a file, and text that is no diff', () => {
    expect(codeOf(() => parseUnifiedDiff('--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n-b\n'))).toBe('SCAN_DIFF_MALFORMED');
    expect(codeOf(() => parseUnifiedDiff('@@ -1 +1 @@\n-a\n+b\n'))).toBe('SCAN_DIFF_MALFORMED');
    expect(codeOf(() => parseUnifiedDiff('just some text\n'))).toBe('SCAN_DIFF_MALFORMED');
    expect(codeOf(() => parseUnifiedDiff('--- a/x\n+++ b/x\n@@ -1,1 +1,1 @@\n-a\n+b\n+c\n'))).toBe('SCAN_DIFF_MALFORMED');
  });
});
