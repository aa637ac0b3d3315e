import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubTokens } from '../support/findings.js';
import { TokenFactory } from '../support/token-factory.js';
import { examples as awsExamples } from '../../detectors/aws-access-key/examples.js';
import { rsaPkcs1Pem } from '../../detectors/private-key-pem/examples-keys.js';
import { ProviderStandIn } from '../support/provider-stand-in.js';
import { githubRoutes } from '../support/providers/github.js';
import { cleanEnv, ensureBuilt, REPO_ROOT, runCli, type CliRun } from './built-cli.js';
import { GitFixture } from './git-fixture.js';

/**
 * The CLI as CI and log pipelines use it, through the built bin/pushgate.js:
 * a revision range, standard input, JSON Lines (streamed during history
 * scans), --only-verified, --no-git and the ignored-files notice, and a
 * reader that closes the pipe early.
 */
const BIN = join(REPO_ROOT, 'bin/pushgate.js');
const [oldToken, newToken, stdinToken, ignoredToken, liveToken, deadToken] = githubTokens('cli-ci', 6) as [string, string, string, string, string, string];
let repo: GitFixture;
let base: string;
let standIn: ProviderStandIn;

beforeAll(async () => {
  await ensureBuilt();
  standIn = await ProviderStandIn.start({ routes: githubRoutes, valid: [liveToken] });
  repo = new GitFixture();
  repo.write('.gitignore', 'vendor/\n').write('old.env', `T=${oldToken}\n`);
  base = repo.commit('old secret').trim();
  repo.write('new.env', `T=${newToken}\n`);
  repo.commit('new secret');
  repo.write('vendor/lib/config.js', `const t = "${ignoredToken}";\n`);
});
afterAll(async () => {
  repo?.cleanup();
  await standIn?.close();
});

function withInput(args: string[], input: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: cleanEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

function lines(run: CliRun): Array<{ redacted: string; fingerprint: string; locations: Array<{ path: string | null; commit: string | null }> }> {
  return run.stdout
    .trimEnd()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { redacted: string; fingerprint: string; locations: Array<{ path: string | null; commit: string | null }> });
}

describe('pushgate scan in CI and pipelines', () => {
  it('--range scans only what the range introduces: the new commit\'s secret, not the old one', async () => {
    const run = await runCli(['scan', '--history', '--range', `${base}..HEAD`, repo.dir, '--format', 'jsonl']);
    expect(run.code, run.stderr).toBe(1);
    const found = lines(run);
    expect(found).toHaveLength(1);
    expect(found[0]!.locations[0]!.path).toBe('new.env');
    expect(run.stdout).not.toContain(newToken);
    // The whole history has both.
    expect(lines(await runCli(['scan', '--history', repo.dir, '--format', 'jsonl']))).toHaveLength(2);
  });

  it('refuses a bad range with one line and a code: unknown, empty, without --history', async () => {
    const cases: Array<[string[], string]> = [
      [['--history', '--range', 'nope..HEAD'], 'SCAN_RANGE_UNKNOWN'],
      [['--history', '--range', 'HEAD..HEAD'], 'SCAN_RANGE_EMPTY'],
      [['--range', 'HEAD~1..HEAD'], 'SCAN_RANGE_NEEDS_HISTORY'],
      [['--history', '--range', '--all'], 'SCAN_RANGE_INVALID'],
    ];
    for (const [args, code] of cases) {
      const run = await runCli(['scan', ...args, repo.dir]);
      expect([args.join(' '), run.code]).toEqual([args.join(' '), 2]);
      expect(run.stderr).toMatch(new RegExp(`^pushgate: error: .+ \\[${code}\\]\\n$`));
    }
  });

  it('says what is missing when a shallow clone does not hold the range\'s base', async () => {
    const shallow = new GitFixture('pushgate-cli-shallow-');
    try {
      shallow.git('fetch', '-q', '--depth', '1', `file://${repo.dir}`, 'main');
      shallow.git('checkout', '-q', 'FETCH_HEAD');
      const run = await runCli(['scan', '--history', '--range', `${base}..HEAD`, shallow.dir]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/shallow.*fetch-depth: 0.*\[SCAN_RANGE_SHALLOW\]\n$/);
    } finally {
      shallow.cleanup();
    }
  });

  it('scans standard input as `-`, in every format', async () => {
    const text = `line one\nexport GITHUB_TOKEN=${stdinToken}\n`;
    const jsonl = await withInput(['scan', '-', '--format', 'jsonl'], text);
    expect(jsonl.code, jsonl.stderr).toBe(1);
    expect(lines(jsonl).map((f) => f.locations[0]!.path)).toEqual(['-']);
    const textRun = await withInput(['scan', '-'], text);
    expect(textRun.code).toBe(1);
    expect(textRun.stdout).toContain('-:2');
    expect(textRun.stdout + textRun.stderr + jsonl.stdout).not.toContain(stdinToken);
    expect((await withInput(['scan', '-'], 'nothing here\n')).code).toBe(0);
    expect((await withInput(['scan', '-', '--history'], '')).stderr).toContain('[SCAN_STDIN_HISTORY]');
  });

  it('writes JSON Lines while a history scan runs and nothing else on stdout', async () => {
    const run = await runCli(['scan', '--history', repo.dir, '--format', 'jsonl']);
    expect(run.code).toBe(1);
    for (const line of run.stdout.trimEnd().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    expect(new Set(lines(run).map((f) => f.fingerprint)).size).toBe(2);
  });

  it('says how many paths git ignores, and --no-git scans them', async () => {
    const inside = await runCli(['scan', join(repo.dir, 'vendor')]);
    expect(inside.code).toBe(0);
    expect(inside.stderr).toContain('ignored by git and was not scanned; --no-git scans them too');
    const all = await runCli(['scan', '--no-git', repo.dir, '--format', 'jsonl']);
    expect(all.code).toBe(1);
    expect(lines(all).map((f) => f.locations[0]!.path).sort()).toEqual(['new.env', 'old.env', 'vendor/lib/config.js']);
    expect((await runCli(['scan', '--history', '--no-git', repo.dir])).stderr).toContain('[SCAN_HISTORY_NO_GIT]');
  });

  it('--only-verified keeps the live findings and takes the exit status from them', async () => {
    const live = new GitFixture('pushgate-cli-verified-');
    try {
      live.write('a.env', `T=${deadToken}\n`).write('b.env', `T=${liveToken}\n`).commit('tokens');
      const env = cleanEnv({ PUSHGATE_LIVENESS_BASE_URLS: `github=${standIn.url}`, PUSHGATE_LIVENESS_TIMEOUT: '3s' });
      const run = await runCli(['scan', live.dir, '--verify', '--only-verified', '--format', 'jsonl'], { env });
      expect(run.code, run.stderr).toBe(1);
      expect(lines(run).map((f) => f.locations[0]!.path)).toEqual(['b.env']);
      const dead = new GitFixture('pushgate-cli-dead-');
      try {
        dead.write('a.env', `T=${deadToken}\n`).commit('revoked only');
        const none = await runCli(['scan', dead.dir, '--verify', '--only-verified'], { env });
        expect(none.code, none.stderr).toBe(0);
      } finally {
        dead.cleanup();
      }
      expect((await runCli(['scan', live.dir, '--only-verified'])).stderr).toContain('[SCAN_ONLY_VERIFIED_NEEDS_VERIFY]');
    } finally {
      live.cleanup();
    }
  });

  it('ends quietly with the scan\'s status when the reader closes the pipe (| head)', async () => {
    for (const format of ['sarif', 'jsonl', 'text']) {
      const script = `"${process.execPath}" "${BIN}" scan --history "${repo.dir}" --format ${format} | head -c 100 > /dev/null; echo "status=\${PIPESTATUS[0]}" >&2`;
      const run = await new Promise<CliRun>((resolve) =>
        execFile('bash', ['-c', script], { env: cleanEnv() }, (err, stdout, stderr) => resolve({ code: err ? 1 : 0, stdout, stderr })),
      );
      expect([format, run.stderr.trim()]).toEqual([format, 'status=1']);
    }
  });

  it('prints a companion apart from its label, and a private key as its type and public key fingerprint', async () => {
    const fixture = new GitFixture('pushgate-cli-report-');
    try {
      const positives = awsExamples.positives(new TokenFactory('cli-report-aws'));
      const pair = positives.find((p) => p.companion !== undefined)!;
      const pem = rsaPkcs1Pem();
      fixture.write('aws.env', pair.text).write('deploy/key.pem', pem).commit('keys');
      const run = await runCli(['scan', fixture.dir]);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/\n {2}secret-access-key [A-Za-z0-9/+]{1,10}\*\*\*\n/);
      expect(run.stdout).toMatch(/RSA private key, public key SHA256:[A-Za-z0-9+/]{43}/);
      expect(run.stdout).not.toContain('-----BEG***');
      for (const secret of [pair.secret, pair.companion!, pem.split('\n')[1]!]) expect(run.stdout).not.toContain(secret);
    } finally {
      fixture.cleanup();
    }
  });

  it('answers --help for scan with the options and examples, exit 0', async () => {
    const run = await runCli(['scan', '--help']);
    expect(run.code).toBe(0);
    for (const option of ['--range', '--only-verified', '--no-git', 'jsonl', 'standard input']) expect(run.stdout).toContain(option);
  });
});
