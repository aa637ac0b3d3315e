import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { makeCrc32Token } from '../../detectors/builders/crc32-token-examples.js';
import { keyedFingerprinter, v1Fingerprint } from '../../scanner/fingerprint.js';
import { TokenFactory } from '../support/token-factory.js';
import { cleanEnv, ensureBuilt, REPO_ROOT, runCli, type CliRun } from './built-cli.js';
import { GitFixture } from './git-fixture.js';
import { ajvSarifErrors, multitoolValidate } from './sarif-validators.js';
import { HOSTILE_ALL, HOSTILE_TEXT, UNSAFE_FOR_TERMINAL, withoutLineEnds } from '../fixtures/hostile-text.js';

/**
 * End to end: the real bin/pushgate.js (compiled dist/) against real git
 * repositories, checking exit codes, every format, --output, --baseline,
 * working tree vs --history, and error reporting.
 */
const t = new TokenFactory('cli-scan');
const removed = makeCrc32Token(t, 'ghp_'); // committed, then deleted: history only
const current = makeCrc32Token(t, 'ghp_'); // committed and still there
const untracked = makeCrc32Token(t, 'gho_'); // never committed
const ignored = makeCrc32Token(t, 'ghp_'); // in an ignored file

let repo: GitFixture;
let clean: GitFixture;
let firstCommit: string;
let scratch: string;

beforeAll(async () => {
  await ensureBuilt();
  scratch = mkdtempSync(join(tmpdir(), 'pushgate-cli-out-'));
  repo = new GitFixture();
  repo.write('.gitignore', '*.log\n').write('README.md', '# demo\n').write('deploy/ci.env', `REGION=eu\nGITHUB_TOKEN=${removed}\n`);
  firstCommit = repo.commit('add deploy config');
  repo.remove('deploy/ci.env').write('src/settings.py', `DEBUG = False\nAPI = "https://api.example.com"\nTOKEN = "${current}"\n`);
  repo.commit('move the token into settings');
  repo.write('notes.txt', `local token ${untracked}\n`).write('debug.log', `token=${ignored}\n`);
  clean = new GitFixture();
  clean.write('a.txt', 'nothing to see\n').commit('init');
});

afterAll(() => {
  repo?.cleanup();
  clean?.cleanup();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function scan(...args: string[]): Promise<CliRun> {
  return runCli(['scan', ...args]);
}

function json(run: CliRun): { findings: Array<Record<string, unknown> & { locations: Array<Record<string, unknown>> }>; stats: Record<string, unknown> } {
  return JSON.parse(run.stdout);
}

/** An error: exit 2, one line naming the code, no stack trace. */
function expectError(run: CliRun, code: string): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(new RegExp(`^pushgate: error: .+ \\[${code}\\]\\n$`));
}

describe('pushgate scan (working tree)', () => {
  it('exits 0 with a summary when nothing is found, and stderr stays empty without a TTY', async () => {
    const run = await scan(clean.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^No secrets found in working tree: 1 file, 15 B, [\d.]+ s\.\n$/);
    expect(run.stderr).toBe('');
  });

  it('defaults PATH to the current directory', async () => {
    const run = await runCli(['scan'], { cwd: clean.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No secrets found in working tree: 1 file');
  });

  it('exits 1 and prints readable blocks for tracked and untracked files, not ignored or deleted ones', async () => {
    const run = await scan(repo.dir);
    expect(run.code).toBe(1);
    // The ignored debug.log is not scanned, and the run says so (and how to include it).
    expect(run.stderr).toBe(`pushgate: notice: 1 path under ${repo.dir} is ignored by git and was not scanned; --no-git scans them too\n`);
    const out = run.stdout;
    expect(out).toContain('GitHub personal access token (classic)');
    expect(out).toContain('GitHub OAuth access token');
    expect(out).toContain('found at   src/settings.py:3:10\n');
    expect(out).toContain('found at   notes.txt:1:13\n');
    expect(out).toContain(`secret     ${current.slice(0, 8)}***\n`);
    expect(out).toContain('revoke     Revoke it in GitHub');
    expect(out).not.toContain('debug.log');
    expect(out).not.toContain('deploy/ci.env');
    expect(out.trimEnd().split('\n').at(-1)).toMatch(/^2 secrets found \(2 identifiable, 0 legacy\) in working tree: 4 files, /);
  });

  it('writes the documented JSON', async () => {
    const run = await scan(repo.dir, '--format', 'json');
    expect(run.code).toBe(1);
    const doc = json(run);
    expect(doc.findings).toHaveLength(2);
    const f = doc.findings.find((x) => x['detector'] === 'github-pat-classic')!;
    expect(Object.keys(f)).toEqual(
      expect.arrayContaining(['detector', 'provider', 'title', 'severity', 'tier', 'confidence', 'fingerprint', 'redacted', 'locations']),
    );
    expect(f).toMatchObject({ provider: 'GitHub', severity: 'critical', tier: 'identifiable', confidence: 'high', redacted: `${current.slice(0, 8)}***` });
    expect(f['fingerprint']).toMatch(/^[0-9a-f]{32}$/);
    expect(f.locations).toEqual([{ kind: 'blob', commit: null, path: 'src/settings.py', line: 3, column: 10, author: null, email: null, date: null }]);
    expect(doc.stats).toMatchObject({ blobs: 4, skipped: { count: 0, bytes: 0, reasons: {} } });
    expect(typeof doc.stats['bytes']).toBe('number');
    expect(typeof doc.stats['seconds']).toBe('number');
  });

  it('writes SARIF that the official schema and the SARIF multitool accept', async () => {
    const run = await scan(repo.dir, '--format', 'sarif');
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    expect(ajvSarifErrors(log)).toEqual([]);
    const outcome = await multitoolValidate(log);
    expect(outcome.errors).toEqual([]);
    // SARIF2005 asks for tool.driver.informationUri, which pushgate takes from package.json's `homepage` when set.
    expect(outcome.warnings.filter((w) => !w.startsWith('SARIF2005:'))).toEqual([]);
    expect(log.runs[0].results).toHaveLength(2);
    expect(log.runs[0].results.every((r: { partialFingerprints: Record<string, string> }) => /^[0-9a-f]{32}$/.test(r.partialFingerprints['pushgateSecret/unkeyed-v2']!))).toBe(true);
  });

  it('writes the report to --output and a one-line note to stdout', async () => {
    const file = join(scratch, 'report.json');
    const run = await scan(repo.dir, '--format', 'json', '--output', file);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`pushgate: 2 secrets found; json report written to ${file}\n`);
    expect(run.stderr).not.toContain('error');
    expect(JSON.parse(readFileSync(file, 'utf8')).findings).toHaveLength(2);
  });

  it('with --baseline reports only findings the baseline does not list', async () => {
    const baselineFile = join(scratch, 'baseline.json');
    expect((await scan(repo.dir, '--format', 'json', '--output', baselineFile)).code).toBe(1);
    const same = await scan(repo.dir, '--baseline', baselineFile);
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/^No new secrets found in working tree: .*; 2 known from the baseline not shown\.\n$/);

    const extra = makeCrc32Token(t, 'ghp_');
    repo.write('late.cfg', `token=${extra}\n`);
    try {
      const run = await scan(repo.dir, '--baseline', baselineFile, '--format', 'json');
      expect(run.code).toBe(1);
      expect(json(run).findings.map((f) => f['redacted'])).toEqual([`${extra.slice(0, 8)}***`]);
    } finally {
      repo.remove('late.cfg');
    }
  });

  it('fingerprints with PUSHGATE_FINGERPRINT_KEY when set, says so in JSON and SARIF, and keeps a v1 baseline working with a notice', async () => {
    const key = randomBytes(32);
    const keyed = keyedFingerprinter(key);
    const run = await runCli(['scan', repo.dir, '--format', 'json'], { env: cleanEnv({ PUSHGATE_FINGERPRINT_KEY: key.toString('base64') }) });
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as { fingerprints: unknown; findings: Array<{ detector: string; fingerprint: string }> };
    expect(doc.fingerprints).toEqual({ scheme: 'keyed-v2', keyId: keyed.keyId });
    expect(doc.findings.find((f) => f.detector === 'github-pat-classic')!.fingerprint).toBe(keyed.of('github-token', current));
    const unkeyed = json(await scan(repo.dir, '--format', 'json')) as unknown as { fingerprints: unknown; findings: Array<{ fingerprint: string }> };
    expect(unkeyed.fingerprints).toEqual({ scheme: 'unkeyed-v2' });
    expect(unkeyed.findings.map((f) => f.fingerprint)).not.toContain(keyed.of('github-token', current));

    const sarif = JSON.parse((await runCli(['scan', repo.dir, '--format', 'sarif'], { env: cleanEnv({ PUSHGATE_FINGERPRINT_KEY: key.toString('hex') }) })).stdout);
    expect(sarif.runs[0].properties.fingerprints).toEqual({ scheme: 'keyed-v2', keyId: keyed.keyId });
    expect(sarif.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => Object.keys(r.partialFingerprints))).toEqual([['pushgateSecret/keyed-v2'], ['pushgateSecret/keyed-v2']]);

    // A baseline written by an earlier pushgate lists v1 fingerprints and no scheme: still honoured, with a notice.
    const v1File = join(scratch, 'v1-baseline.json');
    const secrets = [current, untracked];
    const families = ['github-token', 'github-token'];
    writeFileSync(v1File, JSON.stringify({ version: 1, scan: 'working-tree', findings: secrets.map((s, i) => ({ fingerprint: v1Fingerprint(families[i]!, s) })) }));
    const old = await scan(repo.dir, '--baseline', v1File);
    expect(old.code).toBe(0);
    expect(old.stdout).toMatch(/2 known from the baseline not shown/);
    expect(old.stderr).toMatch(/^pushgate: notice: baseline .*v1-baseline\.json holds v1 fingerprints .*2 findings matched by them\. Write a new baseline/);
    // A keyed baseline read without the key cannot match, and the run says why instead of reporting everything silently.
    const keyedFile = join(scratch, 'keyed-baseline.json');
    writeFileSync(keyedFile, run.stdout);
    const without = await scan(repo.dir, '--baseline', keyedFile);
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(/notice: baseline .* was written with keyed \(PUSHGATE_FINGERPRINT_KEY, key id [0-9a-f]{12}\) fingerprints, this scan uses unkeyed: none of its entries can match/);
    const withKey = await runCli(['scan', repo.dir, '--baseline', keyedFile], { env: cleanEnv({ PUSHGATE_FINGERPRINT_KEY: key.toString('hex') }) });
    expect([withKey.code, withKey.stderr.replace(/^pushgate: notice: 1 path under .* ignored by git.*\n/, '')]).toEqual([0, '']);
    expectError(await runCli(['scan', repo.dir], { env: cleanEnv({ PUSHGATE_FINGERPRINT_KEY: 'too-short' }) }), 'FINGERPRINT_KEY_INVALID');
  });

  it('fails with exit 2 on a missing or malformed baseline, before scanning', async () => {
    expectError(await scan(repo.dir, '--baseline', join(scratch, 'nope.json')), 'BASELINE_NOT_FOUND');
    const bad = join(scratch, 'bad.json');
    writeFileSync(bad, '{"findings": [{"title": "no fingerprint"}]}');
    expectError(await scan(repo.dir, '--baseline', bad), 'BASELINE_MALFORMED');
    writeFileSync(bad, 'not json at all');
    expectError(await scan(repo.dir, '--baseline', bad), 'BASELINE_MALFORMED');
  });

  it('scans a directory that is not a git repository by walking it', async () => {
    const dir = mkdtempSync(join(scratch, 'plain-'));
    const token = makeCrc32Token(t, 'ghp_');
    writeFileSync(join(dir, 'x.txt'), `GITHUB_TOKEN=${token}\n`);
    const run = await scan(dir, '--format', 'json');
    expect(run.code).toBe(1);
    expect(json(run).findings.map((f) => f.locations[0]!['path'])).toEqual(['x.txt']);
  });
});

describe('pushgate scan --history', () => {
  it('finds secrets deleted from the working tree, with commit, author and date', async () => {
    const run = await scan(repo.dir, '--history', '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const doc = json(run);
    const byRedacted = new Map(doc.findings.map((f) => [f['redacted'], f]));
    expect([...byRedacted.keys()].sort()).toEqual([`${current.slice(0, 8)}***`, `${removed.slice(0, 8)}***`].sort());
    expect(byRedacted.get(`${removed.slice(0, 8)}***`)!.locations).toEqual([
      expect.objectContaining({ commit: firstCommit, path: 'deploy/ci.env', line: 2, column: 14, author: 'Ada Lovelace' }),
    ]);
    const date = byRedacted.get(`${removed.slice(0, 8)}***`)!.locations[0]!['date'] as string;
    expect(Date.parse(date)).toBe(Date.UTC(2024, 0, 2, 3, 5, 5));
  });

  it('prints commits in text and names them in SARIF', async () => {
    const text = await scan(repo.dir, '--history');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`found at   ${firstCommit.slice(0, 10)}  deploy/ci.env:2:14  Ada Lovelace <ada@example.com>`);
    expect(text.stdout).toMatch(/in history: \d+ blobs/);
    const sarif = await scan(repo.dir, '--history', '--format', 'sarif');
    const log = JSON.parse(sarif.stdout);
    expect(ajvSarifErrors(log)).toEqual([]);
    const commits = log.runs[0].results.flatMap((r: { locations: Array<{ properties?: { commit?: string } }> }) => r.locations.map((l) => l.properties?.commit));
    expect(commits).toContain(firstCommit);
  });

  it('finds secrets in a commit message, a file name and a tag message, with the kind of place in every format', async () => {
    const places = new GitFixture();
    try {
      const inMessage = makeCrc32Token(t, 'ghp_');
      const inName = makeCrc32Token(t, 'ghp_');
      const inTag = makeCrc32Token(t, 'ghp_');
      places.write(`keys/${inName}.txt`, 'nothing here\n');
      const commit = places.commit(`Add keys\n\nold key ${inMessage}`);
      places.git('tag', '-a', '-m', `Release ${inTag}`, 'v1');
      const run = await scan(places.dir, '--history', '--format', 'json');
      expect(run.code).toBe(1);
      const found = json(run).findings.flatMap((f) => f.locations.map((l) => l['kind']));
      expect(found.sort()).toEqual(['commit-message', 'path', 'tag-message']);
      const text = await scan(places.dir, '--history');
      expect(text.stdout).toContain(`commit message of ${commit.slice(0, 10)}, line 3`);
      expect(text.stdout).toContain('tag v1');
      const sarif = await scan(places.dir, '--history', '--format', 'sarif');
      expect(ajvSarifErrors(JSON.parse(sarif.stdout))).toEqual([]);
      for (const out of [run.stdout, text.stdout, sarif.stdout]) for (const secret of [inMessage, inName, inTag]) expect(out).not.toContain(secret);
    } finally {
      places.cleanup();
    }
  });

  it('exits 0 on a clean history', async () => {
    const run = await scan(clean.dir, '--history');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^No secrets found in history: /);
  });

  it('fails with exit 2 when the directory is not a git repository', async () => {
    const dir = mkdtempSync(join(scratch, 'nogit-'));
    expectError(await scan(dir, '--history'), 'SCAN_NOT_A_GIT_REPOSITORY');
  });
});

describe('pushgate errors and usage', () => {
  it('rejects a missing path and a file with exit 2 and a code', async () => {
    expectError(await scan(join(scratch, 'does-not-exist')), 'SCAN_PATH_NOT_FOUND');
    expectError(await scan(join(repo.dir, 'README.md')), 'SCAN_NOT_A_DIRECTORY');
  });

  it('shows the stack only with --debug or PUSHGATE_DEBUG=1', async () => {
    const missing = join(scratch, 'does-not-exist');
    const withFlag = await runCli(['scan', missing, '--debug']);
    expect(withFlag.code).toBe(2);
    expect(withFlag.stderr).toMatch(/\[SCAN_PATH_NOT_FOUND\]\nCliError: .*\n\s+at /);
    const withEnv = await runCli(['scan', missing], { env: cleanEnv({ PUSHGATE_DEBUG: '1' }) });
    expect(withEnv.stderr).toMatch(/\n\s+at /);
  });

  it('fails with exit 2 when --output cannot be written', async () => {
    expectError(await scan(clean.dir, '--output', join(scratch, 'no-such-dir', 'r.json')), 'OUTPUT_WRITE_FAILED');
  });

  it('rejects an unknown format or option with exit 2', async () => {
    const format = await scan(clean.dir, '--format', 'xml');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("option '--format <format>' argument 'xml' is invalid");
    const option = await scan(clean.dir, '--frobnicate');
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--frobnicate'");
  });

  it('has no --revoke: revoking is a reviewed service action (POST /v1/findings/{fp}/revoke), never a side effect of a scan', async () => {
    const revoke = await scan(clean.dir, '--verify', '--revoke');
    expect(revoke.code).toBe(2);
    expect(revoke.stderr).toContain("unknown option '--revoke'");
  });

  it('escapes a path, an option or a file name it echoes, so nothing it quotes can drive the terminal', async () => {
    const hostile = `no-such${HOSTILE_ALL}`;
    const missing = await scan(join(scratch, hostile));
    expectError(missing, 'SCAN_PATH_NOT_FOUND');
    expect(missing.stderr).toContain('no-such\\x1b[2J|\\x1b]0;title\\x07|');
    expect(withoutLineEnds(missing.stderr)).not.toMatch(UNSAFE_FOR_TERMINAL);
    const option = await scan(clean.dir, `--x${HOSTILE_ALL}`);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--x\\x1b[2J");
    expect(withoutLineEnds(option.stderr)).not.toMatch(UNSAFE_FOR_TERMINAL);
    const unwritable = await scan(clean.dir, '--output', join(scratch, 'no-such-dir', `r${HOSTILE_ALL}.json`));
    expectError(unwritable, 'OUTPUT_WRITE_FAILED');
    expect(withoutLineEnds(unwritable.stderr)).not.toMatch(UNSAFE_FOR_TERMINAL);
    const dir = mkdtempSync(join(scratch, 'out-'));
    const written = await runCli(['scan', clean.dir, '--format', 'json', '--output', `r\u202e${HOSTILE_TEXT['clear screen']}.json`], { cwd: dir });
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('pushgate: no secrets found; json report written to r\\u202e\\x1b[2J.json\n');
  });

  it('prints help and version with exit 0', async () => {
    const help = await runCli(['scan', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: pushgate scan [options] [path]');
    expect(help.stdout).toContain('--baseline <file>');
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toBe(`${JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version}\n`);
  });
});

describe('progress bar', () => {
  it('draws on a terminal (stderr a TTY) and not in the report', async () => {
    // `script` gives the child a pseudo-terminal; stdout goes to a file, so the terminal shows stderr only.
    const out = join(scratch, 'tty-report.txt');
    const typescript = join(scratch, 'tty.txt');
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(REPO_ROOT, 'bin/pushgate.js'))} scan ${JSON.stringify(repo.dir)} > ${JSON.stringify(out)}`;
    const code = await new Promise<number>((resolvePromise) => {
      execFile('script', ['-qefc', command, typescript], { env: cleanEnv({ TERM: 'xterm' }) }, (err) =>
        resolvePromise(err ? Number((err as { code?: unknown }).code) : 0),
      );
    });
    expect(code).toBe(1);
    const terminal = readFileSync(typescript, 'utf8');
    expect(terminal).toMatch(/scanning .*\d+\/4 files \| [\d.]+ (B|KB) \| [\d.]+ (B|KB|MB)\/s/);
    expect(readFileSync(out, 'utf8')).not.toContain('scanning');
  });
});
