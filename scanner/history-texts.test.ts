import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../detectors/engine/engine.js';
import { ALL_DETECTORS, IDENTIFIABLE_DETECTORS } from '../detectors/registry.js';
import { examples as patExamples } from '../detectors/github-pat-classic/examples.js';
import { GitRepo } from '../test/support/git-repo.js';
import { TokenFactory } from '../test/support/token-factory.js';
import { scanHistory } from './history.js';
import type { Finding, Location, ScanReport } from './types.js';

/**
 * Everything a history adds besides file contents: paths, commit messages,
 * identities and headers, annotated tags, ref names. Each is scanned once
 * and reported with the kind of place it is.
 */

const engine = createEngine(ALL_DETECTORS);
const t = new TokenFactory('history-texts');
const pat = (): string => patExamples.generate!(t);

const repos: GitRepo[] = [];
function newRepo(): GitRepo {
  const repo = GitRepo.create();
  repos.push(repo);
  return repo;
}
afterEach(() => {
  for (const r of repos.splice(0)) r.dispose();
});

function findingFor(report: ScanReport, secret: string): Finding {
  const found = report.findings.filter((f) => f.secret.reveal() === secret);
  expect(found, 'one finding for the secret').toHaveLength(1);
  return found[0]!;
}

/** Every string a report could print about a location. */
function labels(l: Location): string {
  return [l.path, l.ref, l.tagName, l.author, l.email].filter((s) => s !== undefined).join('|');
}

function expectNoSecretIn(report: ScanReport, secret: string): void {
  for (const f of report.findings) for (const l of f.locations) expect(labels(l)).not.toContain(secret);
  for (const s of (report as { subjects?: Map<string, string> }).subjects?.values() ?? []) expect(s).not.toContain(secret);
}

describe('scanHistory beyond blobs', () => {
  it('finds a secret in a commit message, at its line, and masks the subject', async () => {
    const repo = newRepo();
    const token = pat();
    const base = repo.commit({ files: { 'a.txt': 'a\n' } });
    const bad = repo.commit({ files: { 'b.txt': 'b\n' }, message: `Deploy with ${token}\n\nThe token is\n${token}\n` });
    const report = await scanHistory(repo.path, { engine, subjects: true });
    const f = findingFor(report, token);
    expect(f.locations.map((l) => [l.kind, l.commit, l.line])).toEqual([
      ['commit-message', bad, 1],
      ['commit-message', bad, 4],
    ]);
    expect(f.locations[0]!.column).toBe('Deploy with '.length + 1);
    expect(report.subjects.get(bad)).toBe(`Deploy with ${token.slice(0, 8)}***`);
    expect(report.subjects.get(base)).toBe('change');
    expectNoSecretIn(report, token);
  });

  it('finds secrets in author and committer identities and in other commit headers, and masks the author it prints', async () => {
    const repo = newRepo();
    const inName = pat();
    const inEmail = pat();
    const inHeader = pat();
    const c1 = repo.commit({ files: { 'a.txt': 'a\n' }, author: { name: `Bot ${inName}`, email: 'bot@example.com' } });
    const c2 = repo.commit({ files: { 'b.txt': 'b\n' }, committer: { name: 'CI', email: `${inEmail}@ci.example.com` } });
    // A custom header, and a NUL in the message before a secret: only a raw read of the object sees both.
    const tree = repo.treeOid(c2);
    const raw = `tree ${tree}\nparent ${c2}\nauthor A <a@example.com> 1700000000 +0000\ncommitter A <a@example.com> 1700000000 +0000\nx-deploy-key ${inHeader}\n\nsubject\n\nbefore\0after ${inEmail}\n`;
    const c3 = repo.writeObject('commit', raw);
    repo.ref('refs/heads/main', c3);
    const report = await scanHistory(repo.path, { engine });
    const name = findingFor(report, inName);
    // Author and committer (the same person here): lines 1 and 2 of the identity text.
    expect(name.locations.map((l) => [l.kind, l.commit, l.line])).toEqual([
      ['commit-identity', c1, 1],
      ['commit-identity', c1, 2],
    ]);
    expect(name.locations[0]!.author).toBe(`Bot ${inName.slice(0, 8)}***`);
    const email = findingFor(report, inEmail);
    expect(email.locations.map((l) => [l.kind, l.commit, l.line]).sort()).toEqual(
      [
        ['commit-identity', c2, 2],
        ['commit-message', c3, 3],
      ].sort(),
    );
    const header = findingFor(report, inHeader);
    expect(header.locations).toEqual([expect.objectContaining({ kind: 'commit-header', commit: c3, line: 1 })]);
    expectNoSecretIn(report, inName);
  });

  it('finds a secret in a file path or directory name, once per commit that added the path, with the path masked', async () => {
    const repo = newRepo();
    const inFile = pat();
    const inDir = pat();
    const c1 = repo.commit({ files: { [`keys/${inFile}.txt`]: 'not a secret\n', [`${inDir}/x/a.txt`]: 'a\n' } });
    // Modified: the path is not new, so no second location.
    const c2 = repo.commit({ files: { [`keys/${inFile}.txt`]: 'changed\n' } });
    // Deleted, then added again on a side branch: a second introduction.
    repo.commit({ files: { [`keys/${inFile}.txt`]: null } });
    const side = repo.commit({ branch: 'side', parents: [c2], files: { 'other.txt': 'o\n' } });
    const readd = repo.commit({ files: { [`keys/${inFile}.txt`]: 'again\n' } });
    const report = await scanHistory(repo.path, { engine });
    const file = findingFor(report, inFile);
    expect(file.locations.map((l) => [l.kind, l.commit, l.path])).toEqual([
      ['path', c1, `keys/${inFile.slice(0, 8)}***.txt`],
      ['path', readd, `keys/${inFile.slice(0, 8)}***.txt`],
    ]);
    expect(file.locations[0]!.column).toBe('keys/'.length + 1);
    const dir = findingFor(report, inDir);
    expect(dir.locations.map((l) => [l.kind, l.commit, l.path])).toEqual([['path', c1, `${inDir.slice(0, 8)}***/x/a.txt`]]);
    expect(side).toBeTruthy();
    expectNoSecretIn(report, inFile);
    expectNoSecretIn(report, inDir);
  });

  it('masks a secret path in the blob locations at that path too', async () => {
    const repo = newRepo();
    const inPath = pat();
    const inContent = pat();
    repo.commit({ files: { [`cfg/${inPath}.env`]: `TOKEN=${inContent}\n` } });
    const report = await scanHistory(repo.path, { engine });
    const content = findingFor(report, inContent);
    expect(content.locations).toEqual([expect.objectContaining({ kind: 'blob', path: `cfg/${inPath.slice(0, 8)}***.env`, line: 1 })]);
    expectNoSecretIn(report, inPath);
  });

  it('finds a secret in a path of a tree that a ref points at without a commit', async () => {
    const repo = newRepo();
    const token = pat();
    const head = repo.commit({ files: { [`docs/${token}.md`]: 'text\n' }, branch: null });
    repo.ref('refs/tags/snapshot', repo.treeOid(head));
    const report = await scanHistory(repo.path, { engine });
    expect(findingFor(report, token).locations).toEqual([expect.objectContaining({ kind: 'path', path: `docs/${token.slice(0, 8)}***.md` })]);
  });

  it('finds a secret in ref names, masked', async () => {
    const repo = newRepo();
    const token = pat();
    const head = repo.commit({ files: { 'a.txt': 'a\n' } });
    repo.ref(`refs/heads/feature/${token}`, head);
    repo.ref(`refs/tags/${token}`, head);
    const report = await scanHistory(repo.path, { engine });
    const f = findingFor(report, token);
    expect(f.locations.map((l) => [l.kind, l.ref, l.column]).sort()).toEqual(
      [
        ['ref-name', `refs/heads/feature/${token.slice(0, 8)}***`, 'refs/heads/feature/'.length + 1],
        ['ref-name', `refs/tags/${token.slice(0, 8)}***`, 'refs/tags/'.length + 1],
      ].sort(),
    );
    expectNoSecretIn(report, token);
  });

  it('finds secrets in annotated tag messages and taggers, following tags of tags', async () => {
    const repo = newRepo();
    const inMessage = pat();
    const inTagger = pat();
    const inInner = pat();
    const head = repo.commit({ files: { 'a.txt': 'a\n' } });
    repo.tag('v1.0', head, `Release 1.0\n\nDeployed with ${inMessage}\n`);
    const v1 = repo.git(['rev-parse', 'refs/tags/v1.0']).toString().trim();
    repo.tag('v1.1', head, 'Release 1.1', { name: `Rel ${inTagger}`, email: 'rel@example.com' });
    // A tag that only another tag points at.
    const inner = repo.writeObject('tag', `object ${head}\ntype commit\ntag inner\ntagger T <t@example.com> 1700000000 +0000\n\ninner ${inInner}\n`);
    const outer = repo.writeObject('tag', `object ${inner}\ntype tag\ntag outer\ntagger T <t@example.com> 1700000000 +0000\n\nouter\n`);
    repo.ref('refs/tags/outer', outer);
    const report = await scanHistory(repo.path, { engine });
    expect(findingFor(report, inMessage).locations).toEqual([
      expect.objectContaining({ kind: 'tag-message', tag: v1, tagName: 'v1.0', ref: 'refs/tags/v1.0', line: 3, author: 'Ada Tester', email: 'ada@example.com' }),
    ]);
    const tagger = findingFor(report, inTagger).locations;
    expect(tagger).toEqual([expect.objectContaining({ kind: 'tag-identity', tagName: 'v1.1', line: 1 })]);
    expect(tagger[0]!.author).toBe(`Rel ${inTagger.slice(0, 8)}***`);
    expect(findingFor(report, inInner).locations).toEqual([expect.objectContaining({ kind: 'tag-message', tag: inner, tagName: 'inner', line: 1 })]);
    expectNoSecretIn(report, inTagger);
  });

  it('reads each commit object and each distinct path once, however many refs reach them', async () => {
    const repo = newRepo();
    let commits = 0;
    const paths = new Map<string, number>();
    const counting: Engine = {
      ...engine,
      scan(buf) {
        const text = Buffer.from(buf).toString('latin1');
        if (text.startsWith('author ')) commits++;
        else if (text.startsWith('src/')) paths.set(text, (paths.get(text) ?? 0) + 1);
        return engine.scan(buf);
      },
    };
    let head = repo.commit({ files: { 'src/a.txt': 'a\n', 'src/b.txt': 'b\n' } });
    for (let i = 0; i < 5; i++) head = repo.commit({ files: { 'src/a.txt': `a${i}\n` } });
    for (let i = 0; i < 5; i++) repo.ref(`refs/heads/b${i}`, head);
    repo.tag('v1', head, 'one');
    repo.tag('v2', head, 'two');
    await scanHistory(repo.path, { engine: counting });
    expect(commits).toBe(6);
    expect(Object.fromEntries(paths)).toEqual({ 'src/a.txt': 1, 'src/b.txt': 1 });
  });

  it('with the identifiable tier, reports nothing for a clean history with odd paths, messages and refs', async () => {
    const repo = newRepo();
    const head = repo.commit({
      files: { 'with\nnewline.txt': 'x\n', 'ünï/\x1b[2J.md': 'y\n', 'a/AKIA/readme': 'z\n' },
      message: 'Fix AKIA parsing \x1b]0;title\x07\n\nghp_ is the prefix of GitHub tokens\n',
      author: { name: 'ESC \x1b[31m', email: 'e@example.com' },
    });
    repo.tag('v1', head, 'sk_live_ is a Stripe prefix');
    const report = await scanHistory(repo.path, { engine: createEngine(IDENTIFIABLE_DETECTORS) });
    expect(report.findings).toEqual([]);
  });
});
