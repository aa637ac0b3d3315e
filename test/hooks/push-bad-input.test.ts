import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GitRepo } from '../support/git-repo.js';
import { runPreReceive } from '../../hooks/pre-receive.js';
import { githubToken } from './push-harness.js';

/**
 * Inputs a pusher controls, at their extremes, through the hook's decision
 * (in process, on a bare repository holding the pushed objects): each gets a
 * decision, never a crash and never an accept by default.
 */

const ZERO = '0'.repeat(40);
const disposers: Array<() => void> = [];
afterAll(() => disposers.forEach((d) => d()));

function bare(): GitRepo {
  const repo = GitRepo.create({ bare: true });
  disposers.push(() => repo.dispose());
  return repo;
}

async function run(gitDir: string, stdin: string, env: NodeJS.ProcessEnv = {}) {
  let out = '';
  const state = mkdtempSync(join(tmpdir(), 'pushgate-state-'));
  disposers.push(() => rmSync(state, { recursive: true, force: true }));
  const code = await runPreReceive({
    stdin,
    env: { PATH: process.env['PATH'], PUSHGATE_STATE_DIR: state, ...env },
    gitDir,
    write: (s) => (out += s),
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  return { code, out, state };
}

describe('pre-receive on extreme input', () => {
  it('decides on a 10 MB commit message: a token at its end is rejected, a clean one accepted', async () => {
    const repo = bare();
    const token = githubToken();
    const base = repo.commit({ files: { 'a.txt': 'a\n' }, branch: null });
    const tree = repo.treeOid(base);
    const filler = 'All work and no play makes a long commit message.\n'.repeat(200_000);
    const message = (tail: string) =>
      `tree ${tree}\nauthor A <a@example.com> 1700000000 +0000\ncommitter A <a@example.com> 1700000000 +0000\n\nBig\n\n${filler}${tail}\n`;
    const bad = repo.writeObject('commit', message(`key ${token}`));
    const clean = repo.writeObject('commit', message('the end'));
    const r = await run(repo.path, `${ZERO} ${bad} refs/heads/big\n`);
    expect(r.code).toBe(1);
    expect(r.out).toContain('commit message');
    expect(r.out).not.toContain(token);
    expect((await run(repo.path, `${ZERO} ${clean} refs/heads/big\n`)).code).toBe(0);
  });

  it('decides on binary and invalid UTF-8 in messages and paths, and prints them escaped', async () => {
    const repo = bare();
    const token = githubToken();
    const base = repo.commit({ files: { 'a.txt': 'a\n' }, branch: null });
    const tree = repo.treeOid(base);
    const raw = Buffer.concat([
      Buffer.from(`tree ${tree}\nauthor A <a@example.com> 1700000000 +0000\ncommitter A <a@example.com> 1700000000 +0000\n\n`),
      Buffer.from([0xff, 0xfe, 0x00, 0x1b, 0x5b, 0x32, 0x4a, 0xc3, 0x28]),
      Buffer.from(` subject ${token}\n`),
    ]);
    const inMessage = repo.writeObject('commit', raw);
    const r = await run(repo.path, `${ZERO} ${inMessage} refs/heads/bin\n`);
    expect(r.code).toBe(1);
    expect(r.out).not.toContain(token);
    expect(r.out).not.toContain('\x1b');

    const path = Buffer.concat([Buffer.from('dir-'), Buffer.from([0xff, 0x1b]), Buffer.from(`[2J-${token}.txt`)]);
    const blob = repo.blob('plain\n');
    // A tree entry whose name is not UTF-8: written with mktree's -z input as raw bytes.
    const treeWithPath = repo.git(['mktree', '-z', '--missing'], { input: Buffer.concat([Buffer.from(`100644 blob ${blob}\t`), path, Buffer.from([0])]) }).toString().trim();
    const dirTree = repo.git(['mktree', '-z'], { input: Buffer.from(`040000 tree ${treeWithPath}\tsub\0`) }).toString().trim();
    const inPath = repo.writeObject('commit', `tree ${dirTree}\nauthor A <a@example.com> 1700000000 +0000\ncommitter A <a@example.com> 1700000000 +0000\n\nbinary path\n`);
    const p = await run(repo.path, `${ZERO} ${inPath} refs/heads/binpath\n`);
    expect(p.code).toBe(1);
    expect(p.out).not.toContain(token);
    expect(p.out).not.toContain('\x1b');

    const cleanRaw = Buffer.concat([raw.subarray(0, raw.indexOf(' subject ')), Buffer.from(' subject clean\n')]);
    expect((await run(repo.path, `${ZERO} ${repo.writeObject('commit', cleanRaw)} refs/heads/bin\n`)).code).toBe(0);
  });

  it('decides on a push of 100,000 refs: clean names accepted, one name with a token rejected', async () => {
    const repo = bare();
    const token = githubToken();
    // 2,000 new commits (each a tip of its own), 50 refs on each: the walk is handed 2,000 revisions and the names of 100,000 refs.
    const base = repo.commit({ files: { 'a.txt': 'a\n' }, branch: null });
    const tree = repo.treeOid(base);
    const dir = mkdtempSync(join(tmpdir(), 'pushgate-many-'));
    disposers.push(() => rmSync(dir, { recursive: true, force: true }));
    const files = Array.from({ length: 2_000 }, (_, i) => {
      const file = join(dir, String(i));
      writeFileSync(file, `tree ${tree}\nparent ${base}\nauthor A <a@example.com> ${1700000000 + i} +0000\ncommitter A <a@example.com> 1700000000 +0000\n\nc${i}\n`);
      return file;
    });
    const tips = repo.git(['hash-object', '-t', 'commit', '-w', '--stdin-paths'], { input: files.join('\n') + '\n' }).toString().trim().split('\n');
    repo.git(['repack', '-adq']);
    const heads = Array.from({ length: 100_000 }, (_, i) => tips[i % tips.length]!);
    const lines = heads.map((h, i) => `${ZERO} ${h} refs/heads/branch-${i}`);
    // About 1.2 s of the 4 s budget on a 2-core machine; the budget is raised so a loaded CI machine tests the decision, not its speed.
    const ok = await run(repo.path, lines.join('\n') + '\n', { PUSHGATE_HOOK_TIMEOUT_MS: '30000' });
    expect(ok.out).toBe('');
    expect(ok.code).toBe(0);
    lines[54_321] = `${ZERO} ${heads[54_321]} refs/heads/leak-${token}`;
    const bad = await run(repo.path, lines.join('\n') + '\n', { PUSHGATE_HOOK_TIMEOUT_MS: '30000' });
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('PUSH REJECTED');
    expect(bad.out).not.toContain(token);
    expect(readFileSync(join(bad.state, 'events.jsonl'), 'utf8')).not.toContain(token);
  });
});
