import { describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import { ALL_DETECTORS } from '../../detectors/registry.js';
import { detector as ghp } from '../../detectors/github-pat-classic/detector.js';
import { makeCrc32Token } from '../../detectors/builders/crc32-token-examples.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { LEGACY_DETECTOR, reportOf } from '../../test/fixtures/reports.js';
import { ajvSarifErrors, multitoolValidate } from '../../test/cli/sarif-validators.js';
import { HOSTILE_ALL, UNSAFE_FOR_TERMINAL, withoutLineEnds } from '../../test/fixtures/hostile-text.js';
import { renderSarif, sarifFingerprintKey, toSarif } from './sarif.js';

const t = new TokenFactory('sarif');
const token = makeCrc32Token(t, 'ghp_');
const password = t.chars('abcdefghijkmnpqrstuvwxyz23456789', 18);
const companion = t.chars('abcdef0123456789', 40);
const commit = '0123456789abcdef0123456789abcdef01234567';
const report = reportOf([
  {
    detector: ghp,
    secret: token,
    at: [
      { path: 'src/app config.env', line: 3, column: 7, commit, author: 'Ada', email: 'ada@example.com', date: '2024-01-02T03:04:05Z' },
      { path: 'docs/ünïcode.md', line: 10, column: 1, commit, author: 'Ada', email: 'ada@example.com', date: '2024-01-02T03:04:05Z' },
    ],
  },
  { detector: LEGACY_DETECTOR, secret: password, companion: { name: 'user', value: companion }, at: [{ path: 'db.ini', line: 9, column: 12, commit }] },
]);
const detectors = [...ALL_DETECTORS, LEGACY_DETECTOR];
const tag = '9ab0123456789abcdef0123456789abcdef01234';
const ada = { author: 'Ada', email: 'ada@example.com', date: '2024-01-02T03:04:05Z' };
const kindsLog: Log = toSarif(
  reportOf([
    {
      detector: ghp,
      secret: token,
      at: [
        { path: 'k8s/secret.yml', line: 4, column: 9, commit, ...ada, encoding: 'base64' },
        { kind: 'path', path: 'dir/ghp_ab***', line: 1, column: 5, commit, ...ada },
        { kind: 'commit-message', line: 2, column: 7, commit, ...ada },
        { kind: 'commit-identity', line: 3, column: 10, commit, ...ada },
        { kind: 'commit-header', line: 6, column: 1, commit, ...ada },
        { kind: 'tag-message', line: 3, column: 1, tag, tagName: 'v1.0', ref: 'refs/tags/v1.0' },
        { kind: 'tag-identity', line: 4, column: 8, tag, tagName: 'v1.0' },
        { kind: 'tag-header', line: 3, column: 5, tag },
        { kind: 'ref-name', line: 1, column: 12, ref: 'refs/heads/ghp_ab***', encoding: 'percent' },
      ],
    },
  ]),
  { scan: 'history', detectors, toolVersion: '1.2.3', root: '/srv/repo', informationUri: 'https://example.com/pushgate' },
);
const log: Log = toSarif(report, { scan: 'history', detectors, toolVersion: '1.2.3', root: '/srv/repos/my repo' });
const text = JSON.stringify(log);

describe('toSarif', () => {
  it('is valid against the official SARIF 2.1.0 schema (Ajv)', () => {
    expect(ajvSarifErrors(log)).toEqual([]);
    // The check can fail: a wrong level is a schema violation.
    const broken = JSON.parse(text) as Log;
    (broken.runs[0]!.results![0] as { level: string }).level = 'fatal';
    expect(ajvSarifErrors(broken)).not.toEqual([]);
  });

  it('passes the SARIF multitool without errors or warnings', async () => {
    const withHomepage = toSarif(report, { scan: 'history', detectors, toolVersion: '1.2.3', root: '/srv/repo', informationUri: 'https://example.com/pushgate' });
    const outcome = await multitoolValidate(withHomepage);
    expect(outcome.analyzed).toBe(true);
    expect(outcome.errors).toEqual([]);
    expect(outcome.warnings).toEqual([]);
    // And the multitool does catch a SARIF rule violation in our log's shape.
    const broken = JSON.parse(text) as Log;
    delete (broken.runs[0]!.results![0] as { ruleId?: string }).ruleId;
    delete (broken.runs[0]!.results![0] as { ruleIndex?: number }).ruleIndex;
    expect((await multitoolValidate(broken)).errors.some((e) => e.startsWith('SARIF1010'))).toBe(true);
  });

  it('has one rule per detector with revoke help and docs, and results pointing at them', () => {
    const run = log.runs[0]!;
    const rules = run.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(detectors.map((d) => d.id));
    const rule = rules.find((r) => r.id === ghp.id)!;
    expect(rule.helpUri).toBe(ghp.docs);
    expect(rule.help!.text).toContain(ghp.revoke);
    expect(rule.defaultConfiguration!.level).toBe('error');
    expect(rule.properties!['security-severity']).toBe('9.5');
    expect(run.tool.driver).toMatchObject({ name: 'pushgate', version: '1.2.3' });
    for (const r of run.results!) expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
    expect(run.results!.map((r) => r.level)).toEqual(['error', 'warning']);
  });

  it('fingerprints each secret so code scanning deduplicates it across uploads', () => {
    const results = log.runs[0]!.results!;
    expect(results.map((r) => r.partialFingerprints![sarifFingerprintKey('keyed-v2')])).toEqual(report.findings.map((f) => f.fingerprint));
  });

  it('locates results with encoded relative URIs, redacted snippets, no end column, and the commit of history scans', () => {
    const run = log.runs[0]!;
    expect(run.originalUriBaseIds).toEqual({ SRCROOT: { uri: 'file:///srv/repos/my%20repo/' } });
    const [first, second] = run.results![0]!.locations!;
    expect(first!.physicalLocation).toEqual({
      artifactLocation: { uri: 'src/app%20config.env', uriBaseId: 'SRCROOT' },
      region: { startLine: 3, startColumn: 7, snippet: { text: report.findings[0]!.redacted } },
    });
    expect(first!.properties).toEqual({ kind: 'blob', commit, author: 'Ada', email: 'ada@example.com', date: '2024-01-02T03:04:05Z' });
    expect(second!.physicalLocation!.artifactLocation!.uri).toBe('docs/%C3%BCn%C3%AFcode.md');
    const working = toSarif(report, { scan: 'working-tree', detectors, toolVersion: '1.2.3' });
    expect(working.runs[0]!.results![0]!.locations![0]!.properties).toEqual({ kind: 'blob' });
    expect(working.runs[0]!.originalUriBaseIds).toBeUndefined();
  });

  it('gives places that are not in a file a logical location, valid for the schema and the multitool', async () => {
    const run = kindsLog.runs[0]!;
    expect(ajvSarifErrors(kindsLog)).toEqual([]);
    const outcome = await multitoolValidate(kindsLog);
    expect(outcome.analyzed).toBe(true);
    expect(outcome.errors).toEqual([]);
    expect(outcome.warnings).toEqual([]);
    const locations = run.results![0]!.locations!;
    expect(locations.map((l) => l.properties!['kind'])).toEqual([
      'blob',
      'path',
      'commit-message',
      'commit-identity',
      'commit-header',
      'tag-message',
      'tag-identity',
      'tag-header',
      'ref-name',
    ]);
    const [blob, path, message, , , tagMessage, , , refName] = locations;
    expect(blob!.physicalLocation!.artifactLocation!.uri).toBe('k8s/secret.yml');
    expect(blob!.properties).toEqual({ kind: 'blob', commit, encoding: 'base64', author: 'Ada', email: 'ada@example.com', date: '2024-01-02T03:04:05Z' });
    for (const l of locations.slice(1)) {
      expect(l.physicalLocation).toBeUndefined();
      expect(l.logicalLocations).toHaveLength(1);
      expect(l.message!.text).toMatch(/\.$/);
    }
    expect(path!.logicalLocations).toEqual([{ kind: 'path', name: 'dir/ghp_ab***', fullyQualifiedName: `${commit}:dir/ghp_ab***` }]);
    expect(message!.logicalLocations).toEqual([{ kind: 'commit-message', name: commit, fullyQualifiedName: commit }]);
    expect(message!.properties).toEqual({ kind: 'commit-message', line: 2, column: 7, commit, author: 'Ada', email: 'ada@example.com', date: '2024-01-02T03:04:05Z' });
    expect(message!.message!.text).toBe('Commit message of 0123456789, line 2.');
    expect(tagMessage!.logicalLocations).toEqual([{ kind: 'tag-message', name: 'v1.0', fullyQualifiedName: tag }]);
    expect(tagMessage!.properties).toMatchObject({ kind: 'tag-message', tag, tagName: 'v1.0', ref: 'refs/tags/v1.0', line: 3, column: 1 });
    expect(refName!.logicalLocations).toEqual([{ kind: 'ref-name', name: 'refs/heads/ghp_ab***', fullyQualifiedName: 'refs/heads/ghp_ab***' }]);
    expect(refName!.properties).toEqual({ kind: 'ref-name', line: 1, column: 12, ref: 'refs/heads/ghp_ab***', encoding: 'percent' });
  });

  it('writes characters a terminal acts on as JSON escapes', () => {
    const hostile = reportOf([{ detector: ghp, secret: token, at: [{ path: `a/${HOSTILE_ALL}`, line: 1, column: 1, commit, author: HOSTILE_ALL }] }]);
    const out = renderSarif(hostile, { scan: 'history', detectors, toolVersion: '1.2.3' });
    expect(withoutLineEnds(out)).not.toMatch(UNSAFE_FOR_TERMINAL);
    expect(JSON.parse(out).runs[0].results[0].locations[0].properties.author).toBe(HOSTILE_ALL);
  });

  it('never contains a secret or companion in full', () => {
    for (const s of [token, password, companion]) expect(text).not.toContain(s);
    expect(JSON.stringify(kindsLog)).not.toContain(token);
    expect(log.runs[0]!.results![1]!.properties!['companion']).toEqual({ name: 'user', redacted: report.findings[1]!.companion!.value.redacted });
  });
});
