import { afterAll, describe, expect, it } from 'vitest';
import { GitRepo } from '../../test/support/git-repo.js';
import { LOG_FORMAT, LogRawParser } from './log-raw-parser.js';

/** The same arguments the reader uses (object-reader.ts). */
const LOG_ARGS = ['log', '-z', '--raw', '-c', '--no-renames', '--root', '--no-abbrev', '--no-color', '--no-show-signature', '--no-relative', `--format=${LOG_FORMAT}`, '--all'];

function introductions(output: Buffer, chunkSize: number): string[] {
  const out: string[] = [];
  const parser = new LogRawParser({
    introduced(commit, blob, path) {
      out.push(`${commit.oid.slice(0, 8)} ${commit.author} <${commit.email}> ${commit.date} ${blob.slice(0, 8)} ${JSON.stringify(path)}`);
    },
  });
  for (let i = 0; i < output.length; i += chunkSize) parser.push(output.subarray(i, i + chunkSize));
  parser.end();
  return out.sort();
}

describe('LogRawParser', () => {
  const repo = GitRepo.create();
  afterAll(() => repo.dispose());
  const rev = (spec: string): string => repo.git(['rev-parse', spec]).toString().trim().slice(0, 8);

  const odd = ['with space.txt', 'tab\there.txt', 'new\nline.txt', 'ünïcode/文件.md', ':colon:.txt', '\u0001marker.txt'];
  const c1 = repo.commit({
    files: Object.fromEntries([...odd.map((p) => [p, `content of ${p}\n`]), ['run.sh', { content: '#!/bin/sh\n', mode: '100644' }]]),
    author: { name: 'Zoë Ünicode', email: 'zoe@example.com' },
    date: '2022-01-02T03:04:05+01:00',
  });
  // Mode change only (same blob), a symlink, a submodule, a deletion.
  const c2 = repo.commit({
    files: {
      'run.sh': { content: '#!/bin/sh\n', mode: '100755' },
      'link': { content: 'with space.txt', mode: '120000' },
      'vendor/lib': { submodule: '1234567890123456789012345678901234567890' },
      'tab\there.txt': null,
    },
  });
  const side = repo.commit({ branch: 'side', parents: [c1], files: { 'side.txt': 'side\n', 'both.txt': 'side version\n' } });
  const main2 = repo.commit({ files: { 'both.txt': 'main version\n' } });
  const merge = repo.commit({ parents: [main2, side], files: { 'both.txt': 'merged\n', 'side.txt': 'side\n' } });
  // A commit with no changes at all.
  repo.commit({ parents: [merge] });

  const output = repo.git(LOG_ARGS);

  it('lists every blob each commit introduces, with paths as they are, at any chunk size', () => {
    const expected = introductions(output, output.length);
    for (const size of [1, 2, 5, 64, 4096]) expect(introductions(output, size)).toEqual(expected);

    const blob = (commit: string, path: string): string => rev(`${commit}:${path}`);
    const line = (commit: string, path: string, who = 'Ada Tester <ada@example.com>', date?: string): string => {
      const d = date ?? repo.git(['log', '-1', '--format=%aI', commit]).toString().trim();
      return `${commit.slice(0, 8)} ${who} ${d} ${blob(commit, path)} ${JSON.stringify(path)}`;
    };
    const zoe = 'Zoë Ünicode <zoe@example.com>';
    expect(expected).toEqual(
      [
        ...odd.map((p) => line(c1, p, zoe, '2022-01-02T03:04:05+01:00')),
        line(c1, 'run.sh', zoe, '2022-01-02T03:04:05+01:00'),
        // The mode change shows the same blob again (the reader reads it once); the submodule and the deletion show nothing.
        line(c2, 'run.sh'),
        line(c2, 'link'),
        line(side, 'side.txt'),
        line(side, 'both.txt'),
        line(main2, 'both.txt'),
        // Only the resolution: side.txt equals the side parent's.
        line(merge, 'both.txt'),
      ].sort(),
    );
  });

  it('rejects output it does not understand with a stable code', () => {
    const parser = new LogRawParser({ introduced() {} });
    expect(() => parser.push(Buffer.from('commit 1234\0'))).toThrow(expect.objectContaining({ code: 'GIT_OUTPUT_UNEXPECTED' }));
  });
});
