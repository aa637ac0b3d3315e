import { generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SecretValue } from '../../scanner/secret-value.js';
import { startFakeGithub, type FakeGithub } from '../../test/support/fake-github.js';
import { findingsIn, githubTokens, testEngine } from '../../test/support/findings.js';
import { LogCapture } from '../../test/support/service.js';
import { createLogger } from '../logging/logger.js';
import type { PushScanJobData, PushScanSummary } from '../queue/jobs.js';
import { summarizePush } from '../queue/push-scan-processor.js';
import { GithubAppAuth } from './app-auth.js';
import { GithubError } from './github-error.js';
import { GithubHttp } from './http-client.js';
import { describePushScan, GithubStatusReporter, MAX_STATUS_DESCRIPTION, STATUS_CONTEXT } from './status-reporter.js';

const SHA = 'a'.repeat(40);
const job: PushScanJobData = {
  repository: 'file:///srv/git/acme/widgets.git',
  fullName: 'acme/widgets',
  ref: 'refs/heads/main',
  before: '0'.repeat(40),
  after: SHA,
  installationId: 77,
  deliveryId: 'd-1',
};

/** A summary as the push-scan processor builds it: real engine findings, redacted. */
function summaryOf(text: string, path: string): { summary: PushScanSummary; secrets: string[] } {
  const findings = findingsIn(text, { path, commit: SHA });
  const secrets = findings.map((f) => f.secret.reveal());
  return {
    secrets,
    summary: {
      findings: findings.length,
      identifiable: findings.filter((f) => f.tier === 'identifiable').length,
      fingerprints: findings.map((f) => f.fingerprint),
      redacted: findings.flatMap((f) => f.locations.map((l) => ({ detector: f.detector, title: f.title, redacted: f.redacted, kind: l.kind, path: l.path ?? '', line: l.line, commit: SHA }))),
    },
  };
}

const CLEAN: PushScanSummary = { findings: 0, identifiable: 0, fingerprints: [], redacted: [] };

describe('describePushScan', () => {
  it('says success when nothing identifiable was found', () => {
    expect(describePushScan(CLEAN)).toEqual({ state: 'success', description: 'No secrets found in this push' });
    expect(describePushScan({ ...CLEAN, findings: 2 }).state).toBe('success');
  });

  it('lists redacted values and paths, cut to GitHub limit with a count of the rest', () => {
    const tokens = githubTokens('describe', 12);
    const text = tokens.map((t, i) => `TOKEN_${i}=${t}`).join('\n');
    const { summary, secrets } = summaryOf(text, 'services/payments/deeply/nested/config/production.env');
    const status = describePushScan(summary, testEngine());
    expect(status.state).toBe('failure');
    expect(status.description.length).toBeLessThanOrEqual(MAX_STATUS_DESCRIPTION);
    expect(status.description).toMatch(/^12 secrets found: ghp_\w{1,8}\*\*\* in …[^,]*production\.env:1, \+11 more$/);
    for (const s of secrets) expect(status.description).not.toContain(s);
  });

  it('redacts a value the summary did not redact', () => {
    const [token] = githubTokens('unredacted', 1);
    const summary: PushScanSummary = { findings: 1, identifiable: 1, fingerprints: ['f'], redacted: [{ detector: 'github-pat-classic', title: 't', redacted: token!, path: 'a.env', line: 3 }] };
    const status = describePushScan(summary, testEngine());
    expect(status.description).not.toContain(token);
    expect(status.description).toMatch(/^1 secret found: ghp_\w+\*\*\* in a\.env:3$/);
  });
});

describe('describePushScan of every location kind', () => {
  it('names where each secret is, as summarizePush gives it', () => {
    const [a, b, c, d, e] = githubTokens('kinds', 5);
    const tag = '9'.repeat(40);
    const findings = [
      ...findingsIn(`x=${a}`, { kind: 'commit-message', commit: SHA }),
      ...findingsIn(`x=${b}`, { kind: 'path', path: 'keys/ghp_ab***', commit: SHA }),
      ...findingsIn(`x=${c}`, { kind: 'tag-message', tag, tagName: 'v1.0' }),
      ...findingsIn(`x=${d}`, { kind: 'ref-name', ref: 'refs/heads/ghp_cd***' }),
      ...findingsIn(`x=${e}`, { kind: 'commit-identity', commit: SHA }),
    ];
    const summary = summarizePush(findings);
    expect(summary.redacted.map((r) => r.kind)).toEqual(['commit-message', 'path', 'tag-message', 'ref-name', 'commit-identity']);
    expect(summary.redacted[2]).toMatchObject({ kind: 'tag-message', path: '', tag, tagName: 'v1.0' });
    expect(summary.redacted[3]).toMatchObject({ kind: 'ref-name', path: '', ref: 'refs/heads/ghp_cd***' });
    const described = findings.map((f) => describePushScan(summarizePush([f]), testEngine()).description.replace(/ghp_\w+\*\*\*/, 'ghp_***'));
    expect(described).toEqual([
      '1 secret found: ghp_*** in commit message of aaaaaaa',
      '1 secret found: ghp_*** in path keys/ghp_ab***',
      '1 secret found: ghp_*** in tag v1.0 message',
      '1 secret found: ghp_*** in ref name refs/heads/ghp_cd***',
      '1 secret found: ghp_*** in author/committer of aaaaaaa',
    ]);
    const status = describePushScan(summary, testEngine());
    expect(status.state).toBe('failure');
    expect(status.description.length).toBeLessThanOrEqual(MAX_STATUS_DESCRIPTION);
    for (const s of [a, b, c, d, e]) expect(status.description).not.toContain(s);
  });
});

describe('GithubStatusReporter against the GitHub stand-in', () => {
  let github: FakeGithub;
  let http: GithubHttp;
  const logs = new LogCapture();
  const logger = createLogger({ level: 'debug', destination: logs, engine: testEngine() });

  beforeAll(async () => {
    github = await startFakeGithub({ installations: [{ id: 77, repositories: ['acme/widgets'] }] });
  });
  afterAll(async () => {
    await github.close();
  });
  afterEach(async () => {
    await http?.close();
    expect(github.violations).toEqual([]);
  });

  function reporter(options: { lifetime?: boolean; privateKey?: string } = {}): { reporter: GithubStatusReporter; auth: GithubAppAuth } {
    http = new GithubHttp({ apiUrl: github.url, retryDelayMs: 10 });
    const auth = new GithubAppAuth({ appId: github.appId, privateKey: new SecretValue(options.privateKey ?? github.privateKeyPem), http });
    return { auth, reporter: new GithubStatusReporter({ auth, http, logger, engine: testEngine() }) };
  }

  it('sets a failure status with redacted values on the pushed head, as the App installation', async () => {
    const { summary, secrets } = summaryOf(`A=${githubTokens('reporter', 2).join('\nB=')}`, 'deploy/app.env');
    const before = github.statuses.length;
    await reporter().reporter.report(job, summary);
    const status = github.statuses.at(-1)!;
    expect(github.statuses.length).toBe(before + 1);
    expect(status).toMatchObject({ repository: 'acme/widgets', sha: SHA, state: 'failure', context: STATUS_CONTEXT, installationId: 77 });
    expect(status.description).toMatch(/^2 secrets found: ghp_\w+\*\*\* in deploy\/app\.env:1, ghp_\w+\*\*\* in deploy\/app\.env:2$/);
    for (const s of secrets) expect(JSON.stringify(github.calls)).not.toContain(s);
    expect(github.calls.every((c) => c.userAgent?.startsWith('pushgate/'))).toBe(true);
    for (const t of github.issuedTokens()) expect(logs.text()).not.toContain(t);
  });

  it('caches the installation token until shortly before it expires', async () => {
    const { reporter: r } = reporter();
    const minted = github.callsOf('apps/create-installation-access-token').length;
    await r.report(job, CLEAN);
    await r.report(job, CLEAN);
    await Promise.all([r.report(job, CLEAN), r.report(job, CLEAN)]);
    expect(github.callsOf('apps/create-installation-access-token').length).toBe(minted + 1);
    expect(github.statuses.at(-1)).toMatchObject({ state: 'success', description: 'No secrets found in this push' });

    // A token within the refresh margin of its expiry (here: all of them) is replaced before use.
    const nearExpiry = new GithubAppAuth({ appId: github.appId, privateKey: new SecretValue(github.privateKeyPem), http, refreshMarginMs: 2 * 3600_000 });
    const eager = new GithubStatusReporter({ auth: nearExpiry, http, logger });
    await eager.report(job, CLEAN);
    await eager.report(job, CLEAN);
    expect(github.callsOf('apps/create-installation-access-token').length).toBe(minted + 3);
  });

  it('mints a new token when GitHub no longer takes the cached one', async () => {
    const { reporter: r } = reporter();
    await r.report(job, CLEAN);
    const minted = github.callsOf('apps/create-installation-access-token').length;
    github.revokeTokens();
    await r.report(job, CLEAN);
    expect(github.callsOf('apps/create-installation-access-token').length).toBe(minted + 1);
    expect(github.callsOf('repos/create-commit-status').slice(-2).map((c) => c.status)).toEqual([401, 201]);
  });

  it('retries a server error', async () => {
    const { reporter: r } = reporter();
    github.failNext('repos/create-commit-status', 502);
    await r.report(job, CLEAN);
    expect(github.callsOf('repos/create-commit-status').slice(-2).map((c) => c.status)).toEqual([502, 201]);
  });

  it('does nothing for a push scan without a GitHub installation, or for a deleted ref', async () => {
    const { reporter: r } = reporter();
    const calls = github.calls.length;
    const { installationId: _, ...noInstallation } = job;
    await r.report(noInstallation, CLEAN);
    await r.report({ ...job, after: '0'.repeat(40) }, CLEAN);
    expect(github.calls.length).toBe(calls);
  });

  it('fails with GITHUB_APP_AUTH_FAILED when the App key is not the registered one', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const { reporter: r } = reporter({ privateKey: other });
    const err = await r.report(job, CLEAN).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GithubError);
    expect((err as GithubError).code).toBe('GITHUB_APP_AUTH_FAILED');
    expect(github.callsOf('apps/create-installation-access-token').at(-1)!.status).toBe(401);
  });

  it('gets a 404 for a repository outside the installation', async () => {
    const { reporter: r } = reporter();
    const err = await r.report({ ...job, fullName: 'acme/other' }, CLEAN).catch((e: unknown) => e);
    expect((err as GithubError).code).toBe('GITHUB_HTTP_STATUS');
    expect((err as GithubError).status).toBe(404);
  });
});

describe('the GitHub stand-in checks requests against the OpenAPI description', () => {
  it('refuses a commit status the real API would refuse, and records why', async () => {
    const github = await startFakeGithub({ installations: [{ id: 5, repositories: ['o/r'] }] });
    const http = new GithubHttp({ apiUrl: github.url, attempts: 1 });
    try {
      const auth = new GithubAppAuth({ appId: github.appId, privateKey: new SecretValue(github.privateKeyPem), http });
      const { token } = await auth.installationToken(5);
      const authorization = new SecretValue(`Bearer ${token.reveal()}`);
      const bad = await http.requestJson('POST', `/repos/o/r/statuses/${SHA}`, { authorization, body: { state: 'failed' } }).catch((e: unknown) => e);
      expect((bad as GithubError).status).toBe(422);
      const typo = await http.requestJson('POST', `/repos/o/r/statuses/${SHA}`, { authorization, body: { state: 'success', desc: 'x' } }).catch((e: unknown) => e);
      expect((typo as GithubError).status).toBe(422);
      const unknown = await http.requestJson('POST', '/repos/o/r/check-runs', { authorization, body: {} }).catch((e: unknown) => e);
      expect((unknown as GithubError).status).toBe(404);
      expect(github.violations).toEqual([
        expect.stringMatching(/^repos\/create-commit-status: request body does not match the description: \/state must be equal to one of the allowed values/),
        expect.stringMatching(/^repos\/create-commit-status: request body .* must NOT have additional properties \(desc\)/),
        'POST /repos/o/r/check-runs: not an operation the stand-in implements',
      ]);
    } finally {
      await http.close();
      await github.close();
    }
  });
});
