import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandTemplate } from '../../detectors/custom/custom-detectors.js';
import { githubTokens } from '../support/findings.js';
import { GitRepo } from '../support/git-repo.js';
import { push } from '../hooks/push-harness.js';
import { installPreReceive } from '../../hooks/install.js';
import { cleanEnv, ensureBuilt, REPO_ROOT, runCli } from './built-cli.js';
import { GitFixture } from './git-fixture.js';

/**
 * Custom detectors through the built CLI and a real pre-receive hook: a
 * team's token format found and blocked, legacy exclusions that cannot touch
 * the identifiable tier, and every bad config a one-line error with a code.
 */
const SAMPLE = join(REPO_ROOT, 'docs/custom-detectors.example.yaml');
let seed = 1;
const random = (n: number): number => (seed = (seed * 48271) % 2147483647) % n;
const acmeKey = (): string => expandTemplate('acme_live_{crc32-base62}', random, 'test');
const password = 'Qz8mPw4kLr9vXt2b7!';
let dir: string;
let repo: GitFixture;
const key = acmeKey();
const [ghToken] = githubTokens('cli-custom', 1) as [string];

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'pushgate-custom-'));
  repo = new GitFixture();
  repo
    .write('src/client.ts', `const key = "${key}";\n`)
    .write('test/fixtures/settings.py', `db_password = "${password}"\nGITHUB_TOKEN = "${ghToken}"\n`)
    .write('src/settings.py', `db_password = "${password}x"\n`)
    .commit('add files');
});
afterAll(() => {
  repo?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function config(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('custom detectors (--config, PUSHGATE_CONFIG)', () => {
  it('finds a team\'s own format and leaves legacy findings out of excluded paths, never identifiable ones', async () => {
    const run = await runCli(['scan', repo.dir, '--config', SAMPLE, '--format', 'jsonl']);
    expect(run.code, run.stderr).toBe(1);
    const found = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { detector: string; locations: Array<{ path: string }> });
    const where = found.map((f) => `${f.detector}@${f.locations.map((l) => l.path).join(',')}`);
    expect(where).toContain('acme-api-key@src/client.ts');
    // The GitHub token in the excluded fixtures directory is still reported; the legacy password there is not.
    expect(where).toContain('github-pat-classic@test/fixtures/settings.py');
    expect(where.filter((w) => w.endsWith('test/fixtures/settings.py'))).toEqual(['github-pat-classic@test/fixtures/settings.py']);
    expect(where.some((w) => w.endsWith('@src/settings.py'))).toBe(true);
    expect(run.stdout).not.toContain(key);
    // Without the config: no custom finding, and the fixture password is back.
    const plain = await runCli(['scan', repo.dir, '--format', 'jsonl']);
    expect(plain.stdout).not.toContain('acme-api-key');
    expect(plain.stdout.match(/test\/fixtures\/settings\.py/g)!.length).toBeGreaterThan(1);
    // PUSHGATE_CONFIG works the same way.
    const env = await runCli(['scan', repo.dir, '--format', 'jsonl'], { env: cleanEnv({ PUSHGATE_CONFIG: SAMPLE }) });
    expect(env.stdout).toContain('acme-api-key');
  });

  it('refuses bad configs with one line and a code, before scanning', async () => {
    const cases: Array<[string, string, string]> = [
      ['bad.yaml', 'detectors: [ {id: x\n', 'CUSTOM_CONFIG_INVALID'],
      ['bad.json', '{"detectors": [}', 'CUSTOM_CONFIG_INVALID'],
      ['re2.yaml', detector({ pattern: 'acme_(?P<secret>[a-z]{3' }), 'CUSTOM_PATTERN_INVALID'],
      ['short.yaml', detector({ keywords: ['ac'] }), 'CUSTOM_KEYWORD_TOO_SHORT'],
      ['builtin.yaml', detector({ id: 'github-pat-classic' }), 'CUSTOM_DETECTOR_ID_TAKEN'],
      ['dupe.yaml', `detectors:\n${detectorItem({})}${detectorItem({})}`, 'CUSTOM_DETECTOR_DUPLICATE'],
      ['example.yaml', detector({ positive: 'acme_live_{base62:36}' }), 'CUSTOM_EXAMPLE_FAILED'],
      ['bypass.yaml', 'exclude:\n  identifiable:\n    paths: ["**"]\n', 'CUSTOM_CONFIG_INVALID'],
    ];
    for (const [name, text, code] of cases) {
      const run = await runCli(['scan', repo.dir, '--config', config(name, text)]);
      expect([name, run.code]).toEqual([name, 2]);
      expect(run.stderr).toMatch(new RegExp(`^pushgate: error: .+ \\[${code}\\]\\n$`));
    }
    const missing = await runCli(['scan', repo.dir, '--config', join(dir, 'nope.yaml')]);
    expect(missing.stderr).toMatch(/cannot read the config file .*ENOENT.*\[CUSTOM_CONFIG_INVALID\]/);
  });

  it('blocks a push with a custom identifiable format at the pre-receive hook (PUSHGATE_CONFIG), and rejects every push when the config is bad', async () => {
    const server = GitRepo.create({ bare: true });
    const client = GitRepo.create();
    try {
      installPreReceive(server.path, join(REPO_ROOT, 'bin/pushgate.js'));
      // The hook reads PUSHGATE_CONFIG from the server's environment (the push harness passes it to git).
      const withConfig = (path: string) => ({ PUSHGATE_CONFIG: path });
      const bad = client.commit({ files: { 'client.ts': `const key = "${acmeKey()}";\n` } });
      const rejected = await push(client, server.path, [`${bad}:refs/heads/main`], { env: withConfig(SAMPLE) });
      expect(rejected.code).not.toBe(0);
      expect(rejected.stderr).toContain('PUSH REJECTED');
      expect(rejected.stderr).toContain('ACME API key');
      const clean = client.commit({ files: { 'client.ts': 'const key = process.env.ACME_KEY;\n' }, parents: [] });
      const broken = config('broken.yaml', 'detectors: [');
      const failClosed = await push(client, server.path, [`${clean}:refs/heads/main`], { env: withConfig(broken) });
      expect(failClosed.code).not.toBe(0);
      expect(failClosed.stderr).toMatch(/the secret scan could not finish .*CUSTOM_CONFIG_INVALID/);
      expect((await push(client, server.path, [`${clean}:refs/heads/main`], { env: withConfig(SAMPLE) })).code).toBe(0);
    } finally {
      server.dispose();
      client.dispose();
    }
  });
});

function detectorItem(over: { id?: string; pattern?: string; keywords?: string[]; positive?: string }): string {
  return [
    `  - id: ${over.id ?? 'acme-key'}`,
    '    title: ACME key',
    '    tier: identifiable',
    `    keywords: ${JSON.stringify(over.keywords ?? ['acme_live_'])}`,
    `    pattern: '${over.pattern ?? '(?P<secret>acme_live_[0-9A-Za-z]{36})'}'`,
    '    checksum: { kind: crc32-base62, prefix: acme_live_ }',
    '    revoke: Revoke it in the ACME console.',
    '    examples:',
    `      positive: ['${over.positive ?? 'acme_live_{crc32-base62}'}']`,
    '',
  ].join('\n');
}

function detector(over: Parameters<typeof detectorItem>[0]): string {
  return `detectors:\n${detectorItem(over)}`;
}

