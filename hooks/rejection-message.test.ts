import { describe, expect, it } from 'vitest';
import { detector as ghp } from '../detectors/github-pat-classic/detector.js';
import { makeCrc32Token } from '../detectors/builders/crc32-token-examples.js';
import { reportOf, type PlantedMatch } from '../test/fixtures/reports.js';
import { HOSTILE_ALL, HOSTILE_TEXT, UNSAFE_FOR_TERMINAL, withoutLineEnds } from '../test/fixtures/hostile-text.js';
import { TokenFactory } from '../test/support/token-factory.js';
import { failClosedMessage, rejectionMessage } from './rejection-message.js';

const t = new TokenFactory('rejection-message');
const token = makeCrc32Token(t, 'ghp_');
const commit = '3f2a1b4c5d6e7f8091a2b3c4d5e6f708192a3b4c';
const older = '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567';
const tag = '9ab0123456789abcdef0123456789abcdef01234';

function message(at: PlantedMatch['at'], subjects: Record<string, string> = { [commit]: 'Add deploy config' }): string {
  const { findings } = reportOf([{ detector: ghp, secret: token, at }]);
  return rejectionMessage(findings, { subjects: new Map(Object.entries(subjects)), source: 'pushgate' });
}

describe('rejectionMessage', () => {
  it('shows a secret in a file as before: commit, subject, file and line, and how to amend or rebase', () => {
    const out = message([{ path: 'config/deploy.env', line: 2, column: 5, commit }]);
    expect(out).toContain('PUSH REJECTED by pushgate: 1 secret found in 1 commit\n');
    expect(out).toContain(`    commit  3f2a1b4c5d  Add deploy config\n`);
    expect(out).toContain('    file    config/deploy.env:2\n');
    expect(out).toContain('How to remove a secret from your unpushed commits:');
    expect(out).toContain('`git rebase -i 3f2a1b4c5d^`');
    expect(out).toContain('`git commit --amend`');
    expect(out).not.toContain(token);
  });

  it('names the encoding a secret was found in', () => {
    const out = message([{ path: 'k8s/secret.yml', line: 4, column: 9, commit, encoding: 'base64' }]);
    expect(out).toContain('    file    k8s/secret.yml:4 (base64-encoded)\n');
  });

  it('says a file name holds it, and to rename the file', () => {
    const out = message([{ kind: 'path', path: 'keys/ghp_ab***.txt', line: 1, column: 6, commit }]);
    expect(out).toContain('    commit  3f2a1b4c5d  Add deploy config\n');
    expect(out).toContain('    path    keys/ghp_ab***.txt  (the file name holds it)\n');
    expect(out).toContain('rename the file');
    expect(out).toContain('`git mv <old path> <new path>`');
    expect(out).toContain('`git rebase -i 3f2a1b4c5d^`');
    expect(out).not.toContain('delete it from the file');
  });

  it('says a commit message holds it, and to amend or reword', () => {
    const out = message([{ kind: 'commit-message', line: 3, column: 7, commit: older }], { [older]: 'Fix login' });
    expect(out).toContain('    commit  0a1b2c3d4e  Fix login\n');
    expect(out).toContain('    where   commit message, line 3\n');
    expect(out).toContain('`git commit --amend`, edit the message');
    expect(out).toContain('`git rebase -i 0a1b2c3d4e^`, mark that commit\n                        `reword`');
  });

  it('says an author or committer holds it, and to fix the identity and reset the author', () => {
    const out = message([{ kind: 'commit-identity', line: 2, column: 10, commit }]);
    expect(out).toContain('    where   author or committer name/e-mail, header line 2\n');
    expect(out).toContain('git config user.email');
    expect(out).toContain('`git commit --amend --reset-author`');
    expect(out).toContain('--author=');
    expect(out).toContain('`git rebase -i 3f2a1b4c5d^`, mark that commit\n                        `edit`');
  });

  it('says a commit header holds it, and to re-create the commit', () => {
    const out = message([{ kind: 'commit-header', line: 5, column: 1, commit }]);
    expect(out).toContain('    where   commit header, line 5\n');
    expect(out).toContain('`git commit --amend --no-gpg-sign`');
  });

  it('says which annotated tag holds it, and to delete and re-create the tag', () => {
    const out = message([
      { kind: 'tag-message', line: 3, column: 1, tag, tagName: 'v1.0', ref: 'refs/tags/v1.0' },
      { kind: 'tag-identity', line: 4, column: 8, tag, tagName: 'v1.0' },
    ]);
    expect(out).toContain('PUSH REJECTED by pushgate: 1 secret found in 1 tag\n');
    expect(out).toContain('    tag     v1.0 (9ab0123456)\n    where   tag message, line 3\n');
    expect(out).toContain('    also    tagger of tag v1.0 (9ab0123456), header line 4\n');
    expect(out).toContain('The annotated tag v1.0 (9ab0123456) holds a secret (message, tagger):\n  a tag cannot be edited');
    expect(out).toContain('`git tag -d v1.0`');
    expect(out).toContain('`git tag -a v1.0 <that commit>`');
    expect(out).toContain('`git rev-parse v1.0^{}`');
    expect(out).toContain('fixing your identity');
    expect(out).toContain('`git push origin v1.0`');
  });

  it('quotes a tag name for the shell, and uses a placeholder for one that holds a secret', () => {
    const quoted = message([{ kind: 'tag-message', line: 1, column: 1, tag, tagName: "v1;rm$x'" }]);
    expect(quoted).toContain("`git tag -d 'v1;rm$x'\\'''`");
    const masked = message([{ kind: 'tag-header', line: 1, column: 5, tag, tagName: 'ghp_ab***' }]);
    expect(masked).toContain('`git tag -d <tag>`');
  });

  it('says a branch name holds it, and to push under another name', () => {
    const out = message([{ kind: 'ref-name', line: 1, column: 12, ref: 'refs/heads/ghp_ab***' }]);
    expect(out).toContain('PUSH REJECTED by pushgate: 1 secret found in 1 ref name\n');
    expect(out).toContain('    ref     refs/heads/ghp_ab***\n');
    expect(out).toContain('A branch name holds a secret');
    expect(out).toContain('`git branch -m <old name> <new name>`');
    expect(out).toContain('`git push origin <new name>`');
    expect(out).not.toContain('A tag:');
    const tagRef = message([{ kind: 'ref-name', line: 1, column: 11, ref: 'refs/tags/ghp_ab***' }]);
    expect(tagRef).toContain('A tag name holds a secret');
    expect(tagRef).toContain('`git tag <new name> <old name>`, then `git tag -d <old name>`');
  });

  it('gives the fix for each kind of place a push used, and counts commits, tags and refs', () => {
    const out = message([
      { path: 'a.env', line: 1, column: 1, commit: older },
      { kind: 'commit-message', line: 2, column: 1, commit },
      { kind: 'tag-message', line: 1, column: 1, tag, tagName: 'v2' },
      { kind: 'ref-name', line: 1, column: 12, ref: 'refs/heads/x' },
    ]);
    expect(out).toContain('1 secret found in 2 commits, 1 tag and 1 ref name\n');
    expect(out).toContain('    also    commit message of 3f2a1b4c5d, line 2\n');
    expect(out).toContain('A secret in a file: remove it from your unpushed commits.');
    expect(out).toContain('`git rebase -i 0a1b2c3d4e^`');
    expect(out).toContain('`git rebase -i 3f2a1b4c5d^`, mark that commit\n                        `reword`');
    expect(out).toContain('`git tag -d v2`');
    expect(out).toContain('`git branch -m <old name> <new name>`');
  });

  it('escapes pusher text everywhere: no escape sequence, no line of the pusher own', () => {
    for (const [what, evil] of Object.entries({ ...HOSTILE_TEXT, all: HOSTILE_ALL })) {
      const { findings } = reportOf([
        {
          detector: ghp,
          secret: token,
          at: [
            { path: `dir/${evil}.env`, line: 1, column: 1, commit, author: evil, email: `${evil}@x` },
            { kind: 'path', path: `p/${evil}`, line: 1, column: 3, commit: older },
            { kind: 'tag-message', line: 1, column: 1, tag, tagName: `v${evil}`, ref: `refs/tags/v${evil}` },
            { kind: 'ref-name', line: 1, column: 12, ref: `refs/heads/${evil}` },
            { kind: 'commit-message', line: 1, column: 1, commit: older },
          ],
        },
      ]);
      const out = rejectionMessage(findings, { subjects: new Map([[commit, `Subject ${evil}`], [older, evil]]), source: 'pushgate' });
      expect({ what, unsafe: UNSAFE_FOR_TERMINAL.test(withoutLineEnds(out)) }).toEqual({ what, unsafe: false });
      // Each of our lines starts with our own text: none with the pusher's.
      expect({ what, injected: out.split('\n').filter((l) => /^(remote:|fake|b\b)/.test(l)) }).toEqual({ what, injected: [] });
    }
  });

  it('escapes a hostile redacted value (the leading characters of a binary secret)', () => {
    const { findings } = reportOf([{ detector: ghp, secret: token, at: [{ path: 'a', line: 1, column: 1, commit }] }]);
    const hostile = [{ ...findings[0]!, redacted: '\x1b]0;x\x07***' }];
    const out = rejectionMessage(hostile, { subjects: new Map() });
    expect(out).toContain('\\x1b]0;x\\x07***');
    expect(withoutLineEnds(out)).not.toMatch(UNSAFE_FOR_TERMINAL);
  });

  it('cuts long subjects by characters, never splitting a surrogate pair', () => {
    const subject = `${'x'.repeat(48)}😀😀😀`;
    const out = message([{ path: 'a', line: 1, column: 1, commit }], { [commit]: subject });
    expect(out).toContain(`${'x'.repeat(48)}😀…`);
    expect(out).not.toMatch(/\\ud[89a-f]/);
  });
});

describe('failClosedMessage', () => {
  it('escapes the reason, which may quote what the push held', () => {
    const out = failClosedMessage(`cannot read refs/heads/${HOSTILE_ALL}`);
    expect(out).toContain('PUSH REJECTED by pushgate: the secret scan could not finish (cannot read refs/heads/\\x1b[2J');
    expect(withoutLineEnds(out)).not.toMatch(UNSAFE_FOR_TERMINAL);
    expect(out.split('\n').filter((l) => l.startsWith('remote:'))).toEqual([]);
  });
});
