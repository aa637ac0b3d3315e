import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examples as npmToken } from '../../detectors/npm-access-token/examples.js';
import { githubTokens } from '../support/findings.js';
import { ProviderStandIn } from '../support/provider-stand-in.js';
import { githubRoutes } from '../support/providers/github.js';
import { TokenFactory } from '../support/token-factory.js';
import { cleanEnv, ensureBuilt, runCli } from './built-cli.js';
import { GitFixture } from './git-fixture.js';

/**
 * `pushgate scan --verify` end to end: the built CLI scans a real repository
 * and asks the GitHub stand-in (configured through
 * PUSHGATE_LIVENESS_BASE_URLS) about each token. The live one is listed
 * first with its owner, then the npm token whose registry does not answer
 * (`unknown`), then the revoked one.
 */
const [revokedToken, liveToken] = githubTokens('cli-verify', 2) as [string, string];
const npm = npmToken.generate!(new TokenFactory('cli-verify-npm'));
let repo: GitFixture;
let standIn: ProviderStandIn;

beforeAll(async () => {
  await ensureBuilt();
  standIn = await ProviderStandIn.start({ routes: githubRoutes, valid: [liveToken] });
  repo = new GitFixture();
  // The revoked token comes first in the repository, so the ordering is the CLI's doing.
  repo.write('a/old.env', `GITHUB_TOKEN=${revokedToken}\n`).write('b/new.env', `GH_TOKEN=${liveToken}\n`).write('c/.npmrc', `//registry.npmjs.org/:_authToken=${npm}\n`);
  repo.commit('tokens');
});
afterAll(async () => {
  repo?.cleanup();
  await standIn?.close();
});

const env = (): NodeJS.ProcessEnv => cleanEnv({ PUSHGATE_LIVENESS_BASE_URLS: `github=${standIn.url},npm=http://127.0.0.1:9`, PUSHGATE_LIVENESS_TIMEOUT: '3s' });

describe('pushgate scan --verify', () => {
  it('checks each finding with its provider and lists live findings first, in JSON', async () => {
    const run = await runCli(['scan', '--history', repo.dir, '--verify', '--format', 'json'], { env: env() });
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: Array<{ detector: string; liveness?: { outcome: string; owner?: Record<string, string>; check: string } }> };
    const outcomes = report.findings.map((f) => `${f.detector}:${f.liveness?.outcome ?? '-'}`);
    expect(outcomes[0]).toBe('github-pat-classic:live');
    expect(outcomes).toContain('github-pat-classic:revoked');
    expect(outcomes).toContain('npm-access-token:unknown');
    expect(outcomes.indexOf('npm-access-token:unknown')).toBeLessThan(outcomes.indexOf('github-pat-classic:revoked'));
    expect(report.findings[0]!.liveness).toMatchObject({ check: 'github', owner: { user: 'octocat' } });
    for (const secret of [liveToken, revokedToken, npm]) {
      expect(run.stdout).not.toContain(secret);
      expect(run.stderr).not.toContain(secret);
    }
    // Each distinct token was asked once, read-only.
    expect(standIn.requests.filter((r) => r.path === '/user')).toHaveLength(2);
    expect(standIn.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('prints the verdicts and a liveness summary in the text report', async () => {
    const run = await runCli(['scan', '--history', repo.dir, '--verify'], { env: env() });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^1\. GitHub/);
    expect(run.stdout).toContain('liveness   LIVE: octocat');
    expect(run.stdout).toMatch(/liveness {3}revoked: GitHub: Bad credentials/);
    expect(run.stdout).toMatch(/Liveness: 1 live, 1 revoked, 1 unknown\./);
  });

  it('rejects a base URL for a check that does not exist', async () => {
    const run = await runCli(['scan', '--history', repo.dir, '--verify'], { env: cleanEnv({ PUSHGATE_LIVENESS_BASE_URLS: 'gihtub=http://127.0.0.1:1' }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('LIVENESS_CONFIG_INVALID');
  });
});
