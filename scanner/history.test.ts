import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../detectors/engine/engine.js';
import { ALL_DETECTORS } from '../detectors/registry.js';
import { examples as patExamples } from '../detectors/github-pat-classic/examples.js';
import { examples as oauthExamples } from '../detectors/github-oauth-token/examples.js';
import { GitRepo } from '../test/support/git-repo.js';
import { TokenFactory } from '../test/support/token-factory.js';
import { scanHistory } from './history.js';
import { readBlobs } from './git/object-reader.js';
import { openRepository } from './git/repository.js';
import type { Finding, ScanReport } from './types.js';

const engine = createEngine(ALL_DETECTORS);
const t = new TokenFactory('history-test');
const pat = (): string => patExamples.generate!(t);
const oauth = (): string => oauthExamples.generate!(t);

const repos: GitRepo[] = [];
function newRepo(options: Parameters<typeof GitRepo.create>[0] = {}): GitRepo {
  const repo = GitRepo.create(options);
  repos.push(repo);
  return repo;
}
afterEach(() => {
  for (const r of repos.splice(0)) r.dispose();
});

/**
 * An engine that counts the blobs it is given, to prove each is scanned once.
 * The engine also scans paths, commit objects and ref names: a whole-buffer
 * scan counts as a blob's when its bytes are one of the repository's blobs.
 */
function countingEngine(blobContents: ReadonlySet<string>): { engine: Engine; streams: () => number; rescans: () => number } {
  let streams = 0;
  const scanned = new Set<string>();
  let rescans = 0;
  return {
    engine: {
      ...engine,
      // A blob that fits in one piece is scanned whole; larger ones are streamed.
      scan(buf) {
        const key = Buffer.from(buf).toString('latin1');
        if (blobContents.has(key)) {
          streams++;
          if (scanned.has(key)) rescans++;
          scanned.add(key);
        }
        return engine.scan(buf);
      },
      stream() {
        streams++;
        return engine.stream();
      },
    },
    streams: () => streams,
    rescans: () => rescans,
  };
}

/** Every reachable blob's content, as latin1 strings. */
function blobContents(repo: GitRepo): Set<string> {
  const oids = execFileSync('sh', ['-c', 'git rev-list --objects --all --no-object-names | git cat-file --batch-check="%(objecttype) %(objectname)"'], { cwd: repo.path })
    .toString()
    .split('\n')
    .filter((l) => l.startsWith('blob '))
    .map((l) => l.slice(5));
  return new Set(oids.map((oid) => execFileSync('git', ['cat-file', 'blob', oid], { cwd: repo.path }).toString('latin1')));
}

/** Distinct reachable blobs and their total size, according to git itself. */
function gitBlobCount(repo: GitRepo): { blobs: number; bytes: number } {
  const out = execFileSync(
    'sh',
    ['-c', 'git rev-list --objects --all --no-object-names | git cat-file --batch-check="%(objecttype) %(objectsize)"'],
    { cwd: repo.path },
  ).toString();
  let blobs = 0;
  let bytes = 0;
  for (const line of out.split('\n')) {
    const [type, size] = line.split(' ');
    if (type === 'blob') {
      blobs++;
      bytes += Number(size);
    }
  }
  return { blobs, bytes };
}

function findingFor(report: ScanReport, secret: string): Finding {
  const found = report.findings.filter((f) => f.secret.reveal() === secret);
  expect(found, `one finding for ${found[0]?.redacted ?? 'the secret'}`).toHaveLength(1);
  return found[0]!;
}

function places(f: Finding): string[] {
  return f.locations.map((l) => `${l.commit?.slice(0, 12) ?? '-'} ${l.path}:${l.line}:${l.column}`);
}

describe('scanHistory', () => {
  it('scans each distinct blob once and reports one finding per secret with every place it was introduced', async () => {
    const repo = newRepo();
    const token = pat();
    const shared = `GITHUB_TOKEN=${token}\n`;
    const c1 = repo.commit({ files: { 'a/config.env': shared, 'README.md': 'readme\n' } });
    const c2 = repo.commit({ files: { 'b/config.env': shared } });
    // Ten commits that do not touch the shared blob, and one more path with the same content.
    for (let i = 0; i < 10; i++) repo.commit({ files: { 'counter.txt': `count ${i}\n` } });
    const c13 = repo.commit({ files: { 'c/config.env': shared } });
    // The same content on another branch: the same blob, one more place.
    const side = repo.commit({ branch: 'side', parents: [c1], files: { 'side.env': shared } });

    const counting = countingEngine(blobContents(repo));
    const report = await scanHistory(repo.path, { engine: counting.engine });

    const truth = gitBlobCount(repo);
    expect(report.stats.blobs).toBe(truth.blobs);
    expect(report.stats.bytes).toBe(truth.bytes);
    expect(counting.streams()).toBe(truth.blobs);
    expect(counting.rescans()).toBe(0);
    expect(report.stats.skipped).toEqual({ count: 0, bytes: 0, reasons: {} });

    expect(report.findings).toHaveLength(1);
    const f = findingFor(report, token);
    expect(f.detector).toBe('github-pat-classic');
    expect(f.locations.map((l) => [l.commit, l.path, l.line, l.column])).toEqual([
      [c1, 'a/config.env', 1, 14],
      [c2, 'b/config.env', 1, 14],
      [c13, 'c/config.env', 1, 14],
      [side, 'side.env', 1, 14],
    ]);
    // The report never carries the secret in clear.
    expect(JSON.stringify(report)).not.toContain(token);
  });

  it('with collapseMoved, keeps one location per file a secret stayed in, first introduction first, later commits counted', async () => {
    const repo = newRepo();
    const token = pat();
    const day = (n: number): string => `2024-01-0${n}T10:00:00Z`;
    repo.commit({ files: { 'app.env': `T=${token}\n` }, date: day(1) });
    // The line moves twice, then the token is also copied into a second file.
    repo.commit({ files: { 'app.env': `# header\nT=${token}\n` }, date: day(2) });
    repo.commit({ files: { 'app.env': `# header\n\n\nT=${token}\n` }, date: day(3) });
    repo.commit({ files: { 'copy.env': `T=${token}\n` }, date: day(4) });
    const every = await scanHistory(repo.path, { engine });
    expect(every.findings[0]!.locations.map((l) => l.path)).toEqual(['app.env', 'app.env', 'app.env', 'copy.env']);
    const folded = await scanHistory(repo.path, { engine, collapseMoved: true });
    expect(folded.findings).toHaveLength(1);
    expect(folded.findings[0]!.locations.map((l) => [l.path, l.line, l.laterCommits])).toEqual([
      ['app.env', 1, 2],
      ['copy.env', 1, undefined],
    ]);
    expect(folded.findings[0]!.locations[0]!.date).toBe('2024-01-01T10:00:00+00:00');
  });

  it('attributes a secret to the commit that introduced it, with author, email and date', async () => {
    const repo = newRepo();
    const token = pat();
    const alice = { name: 'Alice Example', email: 'alice@example.com' };
    const bob = { name: 'Bob Example', email: 'bob@example.org' };
    repo.commit({ files: { 'app.js': 'console.log(1);\n' }, author: bob, date: '2020-01-01T10:00:00Z' });
    const intro = repo.commit({
      files: { 'deploy/settings.yml': `name: deploy\nauth:\n  token: ${token}\n` },
      author: alice,
      date: '2020-02-03T04:05:06+02:00',
    });
    // Later commits keep the blob unchanged: they did not introduce it.
    repo.commit({ files: { 'app.js': 'console.log(2);\n' }, author: bob });
    repo.commit({ files: { 'other.txt': 'x\n' }, author: bob });

    const report = await scanHistory(repo.path, { engine });
    const f = findingFor(report, token);
    expect(f.locations).toHaveLength(1);
    expect(f.locations[0]).toMatchObject({
      commit: intro,
      author: 'Alice Example',
      email: 'alice@example.com',
      path: 'deploy/settings.yml',
      line: 3,
      column: 10,
      offset: `name: deploy\nauth:\n  token: `.length,
    });
    expect(Date.parse(f.locations[0]!.date!)).toBe(Date.parse('2020-02-03T04:05:06+02:00'));
    expect(f.locations[0]!.blob).toBe(repo.git(['rev-parse', `${intro}:deploy/settings.yml`]).toString().trim());
  });

  it('scans commits reachable only from tags, remote-tracking refs and notes', async () => {
    const repo = newRepo();
    const base = repo.commit({ files: { 'a.txt': 'a\n' } });
    const annotatedOnly = pat();
    const lightOnly = oauth();
    const remoteOnly = pat();
    const notesOnly = pat();
    // Commits that no branch reaches.
    const c1 = repo.commit({ branch: null, parents: [base], files: { 'release.env': `TOKEN=${annotatedOnly}\n` } });
    repo.tag('v1.0.0', c1, 'release 1.0.0');
    const c2 = repo.commit({ branch: null, parents: [base], files: { 'light.env': `TOKEN=${lightOnly}\n` } });
    repo.tag('light', c2);
    const c3 = repo.commit({ branch: null, parents: [base], files: { 'remote.env': `TOKEN=${remoteOnly}\n` } });
    repo.ref('refs/remotes/origin/feature', c3);
    repo.git(['notes', 'add', '-m', `deploy token ${notesOnly}`, base], {
      env: { GIT_AUTHOR_NAME: 'N', GIT_AUTHOR_EMAIL: 'n@example.com', GIT_COMMITTER_NAME: 'N', GIT_COMMITTER_EMAIL: 'n@example.com' },
    });

    const report = await scanHistory(repo.path, { engine });
    expect(findingFor(report, annotatedOnly).locations.map((l) => [l.commit, l.path])).toEqual([[c1, 'release.env']]);
    expect(findingFor(report, lightOnly).locations.map((l) => [l.commit, l.path])).toEqual([[c2, 'light.env']]);
    expect(findingFor(report, remoteOnly).locations.map((l) => [l.commit, l.path])).toEqual([[c3, 'remote.env']]);
    const note = findingFor(report, notesOnly).locations;
    expect(note).toHaveLength(1);
    expect(note[0]!.path).toBe(base);
    expect(note[0]!.commit).toBe(repo.git(['rev-parse', 'refs/notes/commits']).toString().trim());
  });

  it('scans blobs that a ref reaches without any commit (a tag of a tree or of a blob)', async () => {
    const repo = newRepo();
    repo.commit({ files: { 'a.txt': 'a\n' } });
    const inTree = pat();
    const bare = pat();
    const tree = repo.treeOid(repo.commit({ branch: 'tmp', files: { 'dir/key.txt': `k=${inTree}\n` } }));
    repo.deleteRef('refs/heads/tmp');
    repo.tag('tree-snapshot', tree, 'a tree');
    repo.tag('public-key', repo.blob(`token ${bare}\n`));

    const report = await scanHistory(repo.path, { engine });
    expect(places(findingFor(report, inTree))).toEqual(['- refs/tags/tree-snapshot:dir/key.txt:1:3']);
    expect(places(findingFor(report, bare))).toEqual(['- refs/tags/public-key:1:7']);
    expect(report.stats.blobs).toBe(gitBlobCount(repo).blobs);
  });

  it("attributes blobs that only a merge's conflict resolution introduced to the merge commit", async () => {
    const repo = newRepo();
    const resolved = pat();
    const fromBranch = pat();
    const base = repo.commit({ files: { 'settings.ini': 'token=\n' } });
    const ours = repo.commit({ files: { 'settings.ini': 'token=ours\n' } });
    const theirs = repo.commit({
      branch: 'feature',
      parents: [base],
      files: { 'settings.ini': 'token=theirs\n', 'feature.env': `FEATURE_TOKEN=${fromBranch}\n` },
    });
    // The resolution is neither side's content; the branch's other file is taken as is.
    const merge = repo.commit({ parents: [ours, theirs], files: { 'settings.ini': `token=${resolved}\n`, 'feature.env': `FEATURE_TOKEN=${fromBranch}\n` } });

    const report = await scanHistory(repo.path, { engine });
    expect(findingFor(report, resolved).locations.map((l) => [l.commit, l.path, l.line, l.column])).toEqual([[merge, 'settings.ini', 1, 7]]);
    // Taken unchanged from a parent: introduced by that parent, not by the merge.
    expect(findingFor(report, fromBranch).locations.map((l) => l.commit)).toEqual([theirs]);
  });

  it('reports a renamed file at its new path in the renaming commit', async () => {
    const repo = newRepo();
    const token = pat();
    const c1 = repo.commit({ files: { 'old/name.env': `T=${token}\n` } });
    const c2 = repo.commit({ renames: { 'old/name.env': 'new/name.env' } });
    const report = await scanHistory(repo.path, { engine });
    const f = findingFor(report, token);
    expect(f.locations.map((l) => [l.commit, l.path])).toEqual([
      [c1, 'old/name.env'],
      [c2, 'new/name.env'],
    ]);
    expect(report.stats.blobs).toBe(1);
  });

  it('finds tokens in binary, NUL-containing, non-UTF-8 and CRLF blobs, with byte columns', async () => {
    const repo = newRepo();
    const inBinary = pat();
    const inLatin1 = oauth();
    const inCrlf = pat();
    const binary = Buffer.concat([Buffer.from(t.bytes(3000)), Buffer.from([0, 0, 0x0a]), Buffer.from(inBinary), Buffer.from([0, 0xff, 0xfe])]);
    const latin1 = Buffer.concat([Buffer.from('caf\xe9 cr\xe8me = "', 'latin1'), Buffer.from(inLatin1), Buffer.from('"\n\xff\n', 'latin1')]);
    const crlf = Buffer.from(`[auth]\r\nuser = deploy\r\ntoken = ${inCrlf}\r\n`);
    repo.commit({ files: { 'bin/app.exe': binary, 'doc/latin1.txt': latin1, 'conf/win.ini': crlf } });

    const report = await scanHistory(repo.path, { engine });
    const b = findingFor(report, inBinary).locations[0]!;
    expect(b.offset).toBe(3003);
    expect(binary.subarray(b.offset, b.offset + inBinary.length).toString('latin1')).toBe(inBinary);
    const l = findingFor(report, inLatin1).locations[0]!;
    expect([l.path, l.line, l.column, l.offset]).toEqual(['doc/latin1.txt', 1, 15, 14]);
    const c = findingFor(report, inCrlf).locations[0]!;
    expect([c.path, c.line, c.column]).toEqual(['conf/win.ini', 3, 9]);
  });

  it('scans symlink targets and passes over submodule entries', async () => {
    const repo = newRepo();
    const token = pat();
    const c = repo.commit({
      files: {
        'link-to-nowhere': { content: `/etc/${token}`, mode: '120000' },
        'vendor/lib': { submodule: '1234567890123456789012345678901234567890' },
      },
    });
    const report = await scanHistory(repo.path, { engine });
    expect(places(findingFor(report, token))).toEqual([`${c.slice(0, 12)} link-to-nowhere:1:6`]);
    expect(report.stats.blobs).toBe(1);
    expect(report.stats.skipped.count).toBe(0);
  });

  it('reports an empty repository as empty', async () => {
    const repo = newRepo();
    const report = await scanHistory(repo.path, { engine });
    expect(report.findings).toEqual([]);
    expect(report.stats).toMatchObject({ blobs: 0, bytes: 0, skipped: { count: 0, bytes: 0, reasons: {} } });
  });

  it('scans a bare repository and a SHA-256 repository', async () => {
    for (const options of [{ bare: true }, { objectFormat: 'sha256' as const }]) {
      const repo = newRepo(options);
      const token = pat();
      const c = repo.commit({ files: { 'k.env': `K=${token}\n` } });
      const report = await scanHistory(repo.path, { engine });
      expect(findingFor(report, token).locations.map((l) => l.commit)).toEqual([c]);
    }
  });

  it('rejects a path that is not a repository with NOT_A_REPOSITORY', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pushgate-not-a-repo-'));
    try {
      await expect(scanHistory(dir, { engine })).rejects.toMatchObject({ code: 'NOT_A_REPOSITORY' });
      await expect(scanHistory(join(dir, 'missing'), { engine })).rejects.toMatchObject({ code: 'NOT_A_REPOSITORY' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with GIT_NOT_FOUND when git cannot be started', async () => {
    const repo = newRepo();
    await expect(scanHistory(repo.path, { engine, env: { PATH: '/nonexistent' } })).rejects.toMatchObject({ code: 'GIT_NOT_FOUND' });
  });

  it('counts a corrupt blob in stats.skipped and still scans the others', async () => {
    const repo = newRepo();
    const before = pat();
    const after = pat();
    repo.commit({ files: { 'a.env': `A=${before}\n` } });
    const c2 = repo.commit({ files: { 'broken.txt': 'this blob will be damaged\n'.repeat(2000) } });
    repo.commit({ files: { 'z.env': `Z=${after}\n` } });
    const broken = repo.git(['rev-parse', `${c2}:broken.txt`]).toString().trim();
    const file = repo.objectFile(broken);
    chmodSync(file, 0o644);
    writeFileSync(file, 'not zlib at all');

    const report = await scanHistory(repo.path, { engine });
    expect(report.stats.skipped.count).toBe(1);
    expect(report.stats.skipped.reasons).toEqual({ 'corrupt-object': 1 });
    expect(report.stats.blobs).toBe(gitBlobCountOf(repo, [broken]));
    findingFor(report, before);
    findingFor(report, after);
  });

  it('counts a blob whose content breaks off mid-stream as corrupt and keeps scanning', async () => {
    const repo = newRepo();
    const later = pat();
    const c1 = repo.commit({ files: { 'big.txt': Array.from({ length: 50_000 }, (_, i) => `line ${i}\n`).join('') } });
    repo.commit({ files: { 'later.env': `L=${later}\n` } });
    const oid = repo.git(['rev-parse', `${c1}:big.txt`]).toString().trim();
    const file = repo.objectFile(oid);
    chmodSync(file, 0o644);
    const data = Buffer.from(execFileSync('cat', [file]));
    for (let i = 2000; i < 2100; i++) data[i] = data[i]! ^ 0x55;
    writeFileSync(file, data);

    const report = await scanHistory(repo.path, { engine });
    expect(report.stats.skipped.reasons).toEqual({ 'corrupt-object': 1 });
    expect(report.stats.blobs).toBe(1);
    findingFor(report, later);
  });

  it('fails with REPOSITORY_CORRUPT when a tree cannot be read', async () => {
    const repo = newRepo();
    const c = repo.commit({ files: { 'a.txt': 'a\n' } });
    repo.commit({ files: { 'b.txt': 'b\n' } });
    const file = repo.objectFile(repo.treeOid(c));
    chmodSync(file, 0o644);
    writeFileSync(file, 'garbage');
    await expect(scanHistory(repo.path, { engine })).rejects.toMatchObject({ code: 'REPOSITORY_CORRUPT' });
  });

  it('counts blobs missing from a partial clone without fetching them', async () => {
    const source = newRepo();
    const token = pat();
    source.commit({ files: { 'one.txt': 'one\n', 'two.txt': 'two\n' } });
    source.commit({ files: { 'secret.env': `S=${token}\n` } });
    source.git(['config', 'uploadpack.allowFilter', 'true']);
    const clone = mkdtempSync(join(tmpdir(), 'pushgate-partial-'));
    try {
      execFileSync('git', ['clone', '-q', '--bare', '--filter=blob:none', `file://${source.path}`, clone], {
        env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
      });
      // Fetch one blob on purpose, so the clone holds some blobs and lacks others.
      execFileSync('git', ['cat-file', '-p', 'HEAD:secret.env'], { cwd: clone });

      const report = await scanHistory(clone, { engine });
      expect(report.stats.blobs).toBe(1);
      expect(report.stats.skipped.reasons).toEqual({ 'missing-object': 2 });
      findingFor(report, token);
      // Still missing: the scan did not fetch them.
      expect(() =>
        execFileSync('git', ['cat-file', '-e', 'HEAD:one.txt'], { cwd: clone, env: { ...process.env, GIT_NO_LAZY_FETCH: '1', GIT_ALLOW_PROTOCOL: 'none' }, stdio: 'ignore' }),
      ).toThrow();
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  it('scans only what a push adds when given push revisions', async () => {
    const repo = newRepo();
    const old = pat();
    const pushed = pat();
    const base = repo.commit({ files: { 'old.env': `O=${old}\n` } });
    const n1 = repo.commit({ branch: null, parents: [base], files: { 'new.env': `N=${pushed}\n` } });
    const n2 = repo.commit({ branch: null, parents: [n1], files: { 'more.txt': 'more\n' } });

    const report = await scanHistory(repo.path, { engine, revisions: [n2, '--not', '--all'] });
    expect(report.findings.map((f) => f.secret.reveal())).toEqual([pushed]);
    // A push that only deletes refs has no revisions: nothing to scan (not HEAD's history).
    expect((await scanHistory(repo.path, { engine, revisions: [] })).stats.blobs).toBe(0);
    expect(findingFor(report, pushed).locations.map((l) => l.commit)).toEqual([n1]);
    expect(report.stats.blobs).toBe(2);
  });

  it("reads a push's objects from git's quarantine when given the hook's environment", async () => {
    const repo = newRepo({ bare: true });
    const base = repo.commit({ files: { 'a.txt': 'a\n' } });
    const token = pat();
    // What receive-pack does: new objects go to a quarantine directory, the repository's objects are an alternate.
    const quarantine = join(repo.path, 'objects', 'tmp_objdir-incoming-test');
    const env = {
      GIT_OBJECT_DIRECTORY: quarantine,
      GIT_ALTERNATE_OBJECT_DIRECTORIES: join(repo.path, 'objects'),
      GIT_QUARANTINE_PATH: quarantine,
    };
    execFileSync('mkdir', ['-p', quarantine]);
    const blob = repo.git(['hash-object', '-w', '--stdin'], { input: `T=${token}\n`, env }).toString().trim();
    const tree = repo.git(['mktree'], { input: `100644 blob ${blob}\tpushed.env\n`, env }).toString().trim();
    const commit = repo.git(['commit-tree', tree, '-p', base, '-m', 'push'], {
      env: { ...env, GIT_AUTHOR_NAME: 'P', GIT_AUTHOR_EMAIL: 'p@example.com', GIT_COMMITTER_NAME: 'P', GIT_COMMITTER_EMAIL: 'p@example.com' },
    })
      .toString()
      .trim();

    const report = await scanHistory(repo.path, { engine, revisions: [commit, '--not', '--all'], env: { ...process.env, ...env } });
    expect(findingFor(report, token).locations.map((l) => [l.commit, l.path])).toEqual([[commit, 'pushed.env']]);
    // Outside the quarantine the pushed commit does not exist.
    await expect(scanHistory(repo.path, { engine, revisions: [commit, '--not', '--all'] })).rejects.toMatchObject({
      code: expect.stringMatching(/^(INVALID_REVISION|REPOSITORY_CORRUPT)$/),
    });
  });

  it('rejects revision arguments that are options', async () => {
    const repo = newRepo();
    repo.commit({ files: { 'a.txt': 'a\n' } });
    for (const bad of ['--output=/tmp/pushgate-pwned', '-p', '']) {
      await expect(scanHistory(repo.path, { engine, revisions: [bad] })).rejects.toMatchObject({ code: 'INVALID_REVISION' });
    }
    await expect(scanHistory(repo.path, { engine, revisions: ['no-such-branch'] })).rejects.toMatchObject({ code: 'INVALID_REVISION' });
  });

  it('stops when aborted and hands back the partial report', async () => {
    const repo = newRepo();
    repo.commit({ files: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, `file ${i}\n`.repeat(1000)])) });
    await expect(scanHistory(repo.path, { engine, signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'SCAN_ABORTED' });

    const controller = new AbortController();
    let calls = 0;
    const engineThatAborts: Engine = {
      ...engine,
      scan(buf) {
        // Blobs only (paths, commits and ref names are scanned too, and are small).
        if (buf.length > 1000 && ++calls === 5) controller.abort();
        return engine.scan(buf);
      },
      stream() {
        if (++calls === 5) controller.abort();
        return engine.stream();
      },
    };
    const err = await scanHistory(repo.path, { engine: engineThatAborts, signal: controller.signal }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'SCAN_ABORTED' });
    const partial = (err as { partial: ScanReport }).partial;
    expect(partial.stats.blobs).toBeGreaterThanOrEqual(4);
    expect(partial.stats.blobs).toBeLessThan(30);
  });

  it('reports progress up to the total', async () => {
    const repo = newRepo();
    for (let i = 0; i < 5; i++) repo.commit({ files: { [`f${i}.txt`]: `file ${i}\n` } });
    const seen: Array<{ blobsDone: number; blobsTotal: number | undefined }> = [];
    await scanHistory(repo.path, { engine, onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toMatchObject({ blobsDone: 5, blobsTotal: 5 });
  });
});

describe('scanHistory on a large blob', () => {
  it('streams a 64 MiB blob in bounded chunks and finds tokens across chunk boundaries', async () => {
    const repo = newRepo();
    const size = 64 * 1024 * 1024;
    // Compressible text (fast to write and inflate), with tokens straddling 64 KiB and 1 MiB boundaries.
    const line = Buffer.from('the quick brown fox jumps over the lazy dog 0123456789\n');
    const data = Buffer.alloc(size);
    for (let i = 0; i < size; i += line.length) line.copy(data, i);
    const tokens: Array<{ token: string; at: number }> = [];
    for (const boundary of [65_536, 7 * 65_536, 1024 * 1024, 33 * 1024 * 1024, size - 65_536]) {
      const token = pat();
      const at = boundary - 17;
      data.write(` ${token} `, at - 1, 'latin1');
      tokens.push({ token, at });
    }
    const c = repo.commit({ files: { 'huge.log': data } });

    // The reader hands the content over in pieces, never the whole blob.
    const repository = await openRepository(repo.path);
    let largest = 0;
    let pieces = 0;
    let total = 0;
    await readBlobs(repository, {}, {
      open: () => ({
        write(chunk) {
          largest = Math.max(largest, chunk.length);
          pieces++;
          total += chunk.length;
        },
        end: () => undefined,
      }),
      place() {},
      skipped() {},
    });
    expect(total).toBe(size);
    expect(pieces).toBeGreaterThan(64);
    expect(largest).toBeLessThanOrEqual(1024 * 1024);

    const report = await scanHistory(repo.path, { engine });
    expect(report.stats.bytes).toBe(size);
    for (const { token, at } of tokens) {
      const loc = findingFor(report, token).locations;
      expect(loc.map((l) => [l.commit, l.path, l.offset])).toEqual([[c, 'huge.log', at]]);
      expect(loc[0]!.line).toBe(newlinesBefore(data, at) + 1);
    }
  }, 120_000);
});

function newlinesBefore(data: Buffer, end: number): number {
  let n = 0;
  for (let i = data.indexOf(10); i !== -1 && i < end; i = data.indexOf(10, i + 1)) n++;
  return n;
}

function gitBlobCountOf(repo: GitRepo, excluding: string[]): number {
  const out = execFileSync('sh', ['-c', 'git rev-list --objects --all --no-object-names'], { cwd: repo.path }).toString();
  const oids = out.split('\n').filter(Boolean);
  let n = 0;
  for (const oid of oids) {
    if (excluding.includes(oid)) continue;
    const type = execFileSync('git', ['cat-file', '-t', oid], { cwd: repo.path }).toString().trim();
    if (type === 'blob') n++;
  }
  return n;
}
