import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../detectors/engine/engine.js';
import { ALL_DETECTORS } from '../detectors/registry.js';
import { makeCrc32Token } from '../detectors/builders/crc32-token-examples.js';
import { TokenFactory } from '../test/support/token-factory.js';
import { scanWorkingTree } from './working-tree.js';
import type { ScanProgress, ScanReport } from './types.js';

const engine = createEngine(ALL_DETECTORS);
const dirs: string[] = [];

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'pushgate-wt-'));
  dirs.push(d);
  return d;
}

afterEach(() => {
  for (const d of dirs.splice(0)) {
    // Restore permissions a test may have removed, so the cleanup can descend.
    try {
      execFileSync('chmod', ['-R', 'u+rwx', d]);
    } catch {
      // Nothing to restore.
    }
    rmSync(d, { recursive: true, force: true });
  }
});

function put(root: string, rel: string, content: string | Uint8Array): void {
  const abs = join(root, rel);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, content);
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, {
    cwd,
    env: {
      PATH: process.env['PATH'],
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'T',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 'T',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
    stdio: 'pipe',
  });
}

/** path -> redacted secrets found there, sorted, for comparisons that ignore finding order. */
function foundAt(report: ScanReport): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of report.findings) for (const l of f.locations) (out[l.path ?? ''] ??= []).push(f.secret.reveal());
  for (const k of Object.keys(out)) out[k]!.sort();
  return out;
}

describe('scanWorkingTree in a git work tree', () => {
  it('scans tracked and untracked-not-ignored files, not ignored ones or .git', async () => {
    const t = new TokenFactory('wt-git');
    const [tracked, untracked, ignored, nested] = [1, 2, 3, 4].map(() => makeCrc32Token(t, 'ghp_'));
    const root = tempDir();
    git(root, 'init', '-q');
    put(root, '.gitignore', 'secrets.log\nbuild/\n');
    put(root, 'config/app.env', `# settings\nGITHUB_TOKEN=${tracked}\n`);
    put(root, 'deep/er/x.json', `{"token": "${nested}"}`);
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'init');
    put(root, 'notes.txt', `token ${untracked}\n`);
    put(root, 'secrets.log', `token ${ignored}\n`);
    put(root, 'build/out.txt', `token ${ignored}\n`);
    // The same token in a commit message lives only in .git: not the working tree's business.
    git(root, 'commit', '-q', '--allow-empty', '-m', `oops ${ignored}`);

    const report = await scanWorkingTree(root, { engine });
    expect(foundAt(report)).toEqual({
      'config/app.env': [tracked],
      'deep/er/x.json': [nested],
      'notes.txt': [untracked],
    });
    const loc = report.findings.find((f) => f.secret.reveal() === tracked)!.locations[0]!;
    expect(loc).toMatchObject({ path: 'config/app.env', line: 2, column: 14 });
    expect(loc.commit).toBeUndefined();
    expect(report.stats.blobs).toBe(4); // .gitignore, app.env, x.json, notes.txt
    expect(report.stats.skipped.count).toBe(0);
  });

  it('scans only below a subdirectory, with paths relative to it', async () => {
    const t = new TokenFactory('wt-sub');
    const [inside, outside] = [makeCrc32Token(t, 'ghp_'), makeCrc32Token(t, 'ghp_')];
    const root = tempDir();
    git(root, 'init', '-q');
    put(root, 'svc/a/conf.yml', `token: ${inside}\n`);
    put(root, 'other.yml', `token: ${outside}\n`);
    git(root, 'add', '.');
    const report = await scanWorkingTree(join(root, 'svc'), { engine });
    expect(foundAt(report)).toEqual({ 'a/conf.yml': [inside] });
  });

  it('scans the repository at the path even when GIT_DIR names another one (run from a git hook)', async () => {
    const t = new TokenFactory('wt-gitdir');
    const [mine, theirs] = [makeCrc32Token(t, 'ghp_'), makeCrc32Token(t, 'ghp_')];
    const root = tempDir();
    const other = tempDir();
    git(root, 'init', '-q');
    git(other, 'init', '-q');
    put(root, 'mine.txt', `t=${mine}\n`);
    put(other, 'theirs.txt', `t=${theirs}\n`);
    git(other, 'add', '.');
    // With GIT_DIR alone git would take the current directory as the other repository's work tree.
    const env = { ...process.env, GIT_DIR: join(other, '.git') };
    const report = await scanWorkingTree(root, { engine, env });
    expect(foundAt(report)).toEqual({ 'mine.txt': [mine] });
    expect(report.stats).toMatchObject({ blobs: 1, skipped: { count: 0 } });
  });

  it('counts deleted tracked files and symlinks as skipped, and never follows a link', async () => {
    const t = new TokenFactory('wt-skip');
    const target = makeCrc32Token(t, 'ghp_');
    const outsideDir = tempDir();
    put(outsideDir, 'secret.txt', `T=${target}\n`);
    const root = tempDir();
    git(root, 'init', '-q');
    put(root, 'gone.txt', 'soon deleted\n');
    put(root, 'kept.txt', 'nothing here\n');
    symlinkSync(join(outsideDir, 'secret.txt'), join(root, 'link.txt'));
    git(root, 'add', '.');
    rmSync(join(root, 'gone.txt'));
    const report = await scanWorkingTree(root, { engine });
    expect(report.findings).toEqual([]);
    expect(report.stats.blobs).toBe(1);
    expect(report.stats.skipped).toEqual({ count: 2, bytes: 0, reasons: { missing: 1, symlink: 1 } });
  });

  it('reports git failures other than "not a repository" instead of walking unfiltered', async () => {
    if (process.getuid?.() !== 0) {
      // Needs chown to another user to make git see "dubious ownership"; only root can do that.
      expect(process.getuid?.()).not.toBe(0);
      return;
    }
    const root = tempDir();
    git(root, 'init', '-q');
    put(root, 'a.txt', 'x');
    execFileSync('chown', ['-R', 'nobody', root]);
    const env = { PATH: process.env['PATH'], GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
    await expect(scanWorkingTree(root, { engine, env })).rejects.toMatchObject({ code: 'REPOSITORY_UNTRUSTED' });
  });
});

describe('scanWorkingTree outside git', () => {
  it('walks the directory, skips .git, scans node_modules, and counts special files', async () => {
    const t = new TokenFactory('wt-walk');
    const [a, b, c] = [1, 2, 3].map(() => makeCrc32Token(t, 'ghp_'));
    const root = tempDir();
    put(root, 'app/.env', `GITHUB_TOKEN=${a}\n`);
    put(root, 'node_modules/pkg/index.js', `const t = "${b}";\n`);
    put(root, '.git/config', `[remote]\n  url = https://x:${c}@example.com\n`);
    execFileSync('mkfifo', [join(root, 'pipe')]);
    symlinkSync('app/.env', join(root, 'alias.env'));
    const progress: ScanProgress[] = [];
    const report = await scanWorkingTree(root, { engine, onProgress: (p) => progress.push(p) });
    expect(foundAt(report)).toEqual({ 'app/.env': [a], 'node_modules/pkg/index.js': [b] });
    expect(report.stats.skipped.reasons).toEqual({ 'not-a-file': 1, symlink: 1 });
    expect(progress.at(-1)).toEqual({ blobsDone: 4, blobsTotal: 4, bytesDone: report.stats.bytes });
  });

  it('handles file names that are not UTF-8', async () => {
    const t = new TokenFactory('wt-name');
    const token = makeCrc32Token(t, 'ghp_');
    const root = tempDir();
    const name = Buffer.concat([Buffer.from(`${root}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]);
    writeFileSync(name, `t=${token}\n`);
    const report = await scanWorkingTree(root, { engine });
    expect(report.findings.map((f) => f.secret.reveal())).toEqual([token]);
    expect(report.stats.skipped.count).toBe(0);
  });

  it('counts an unreadable file or directory as skipped', async () => {
    if (process.getuid?.() === 0) {
      // root reads files whatever their mode, so there is nothing unreadable to make.
      expect(process.getuid()).toBe(0);
      return;
    }
    const root = tempDir();
    put(root, 'locked/file.txt', 'x');
    put(root, 'closed.txt', 'y');
    chmodSync(join(root, 'closed.txt'), 0);
    chmodSync(join(root, 'locked'), 0);
    const report = await scanWorkingTree(root, { engine });
    expect(report.stats.skipped.reasons).toEqual({ unreadable: 2 });
  });

  it('scans bytes: a token between NUL bytes and invalid UTF-8 is found', async () => {
    const t = new TokenFactory('wt-bin');
    const token = makeCrc32Token(t, 'ghp_');
    const root = tempDir();
    put(root, 'blob.bin', Buffer.concat([t.bytes(300).map((x) => (x === 10 ? 0 : x)), Buffer.from([0, 0xff, 0]), Buffer.from(token), Buffer.from([0, 0xc3])]));
    const report = await scanWorkingTree(root, { engine });
    expect(report.findings.map((f) => f.secret.reveal())).toEqual([token]);
    expect(report.findings[0]!.locations[0]).toMatchObject({ line: 1, column: 304, offset: 303 });
  });

  it('streams files larger than the whole-read limit, finding tokens across chunk borders with right lines', async () => {
    const t = new TokenFactory('wt-big');
    const tokens = [1, 2, 3].map(() => makeCrc32Token(t, 'ghp_'));
    const root = tempDir();
    const line = `${'x'.repeat(99)}\n`; // 100 bytes a line
    const lines = 100_000; // 10 MB
    const parts: string[] = [];
    // Token 0 straddles the first 1 MiB chunk border, token 2 lies past 8 MiB.
    const at = [Math.floor(1024 * 1024 / 100), 50_000, 90_000];
    for (let i = 0; i < lines; i++) {
      const k = at.indexOf(i);
      parts.push(k === -1 ? line : `${'y'.repeat(75 - 30)} ${tokens[k]} ${'z'.repeat(99 - 45 - 2 - 40)}\n`);
    }
    const text = parts.join('');
    put(root, 'big.txt', text);
    const report = await scanWorkingTree(root, { engine });
    const byToken = new Map(report.findings.map((f) => [f.secret.reveal(), f.locations[0]!]));
    for (let k = 0; k < tokens.length; k++) {
      expect(byToken.get(tokens[k]!)).toMatchObject({ path: 'big.txt', line: at[k]! + 1, column: 47, offset: text.indexOf(tokens[k]!) });
    }
    expect(report.stats.bytes).toBe(Buffer.byteLength(text));
  });

  it('gives the same report twice (order does not depend on read completion)', async () => {
    const t = new TokenFactory('wt-order');
    const root = tempDir();
    const shared = makeCrc32Token(t, 'ghp_');
    for (let i = 0; i < 40; i++) put(root, `f${String(i).padStart(2, '0')}.txt`, `${'pad\n'.repeat(i * 50)}t=${shared}\n${makeCrc32Token(t, 'ghp_')}\n`);
    const a = await scanWorkingTree(root, { engine });
    const b = await scanWorkingTree(root, { engine });
    const shape = (r: ScanReport) => r.findings.map((f) => [f.fingerprint, f.locations.map((l) => `${l.path}:${l.line}`)]);
    expect(shape(a)).toEqual(shape(b));
    expect(a.findings.find((f) => f.secret.reveal() === shared)!.locations.map((l) => l.path)).toEqual(
      Array.from({ length: 40 }, (_, i) => `f${String(i).padStart(2, '0')}.txt`),
    );
  });

  it('stops when aborted', async () => {
    const root = tempDir();
    for (let i = 0; i < 20; i++) put(root, `f${i}.txt`, 'x\n');
    const controller = new AbortController();
    controller.abort();
    await expect(scanWorkingTree(root, { engine, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects a missing path and a file with stable codes', async () => {
    const root = tempDir();
    put(root, 'file.txt', 'x');
    await expect(scanWorkingTree(join(root, 'nope'), { engine })).rejects.toMatchObject({ code: 'SCAN_PATH_NOT_FOUND' });
    await expect(scanWorkingTree(join(root, 'file.txt'), { engine })).rejects.toMatchObject({ code: 'SCAN_NOT_A_DIRECTORY' });
  });
});
