import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildConsoleService, type ConsoleTestService } from '../../test/console/console-service.js';
import { findingsIn, githubTokens } from '../../test/support/findings.js';
import { useTestRedis } from '../../test/support/redis.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { csvCell } from './findings-export.js';

const redis = useTestRedis();
let service: ConsoleTestService | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
});

interface Seeded {
  readonly tokens: string[];
  readonly passwords: string[];
  readonly tokenFps: string[];
  readonly passwordFps: string[];
}

/** Two GitHub tokens (checked) in acme/api, two passwords (legacy) in acme/web under distinct paths. */
async function seed(svc: ConsoleTestService, name: string): Promise<Seeded> {
  const t = new TokenFactory(name);
  const tokens = githubTokens(name, 2);
  const passwords = [0, 1].map(() => `Qz${t.chars('abcdefghjkmnpqrstuvwxyz23456789', 14)}7!`);
  const tokenFps: string[] = [];
  const passwordFps: string[] = [];
  for (const [i, token] of tokens.entries()) {
    const found = findingsIn(`TOKEN=${token}\n`, { path: `deploy/ci-${i}.env`, commit: `${i + 1}`.repeat(40) }, svc.context.fingerprints);
    await svc.context.findings.addFindings('acme/api', found);
    tokenFps.push(found[0]!.fingerprint);
  }
  for (const [i, password] of passwords.entries()) {
    const found = findingsIn(`db_password = "${password}"\n`, { path: i === 0 ? 'settings/prod.py' : 'legacy/old_settings.py', commit: `${i + 5}`.repeat(40) }, svc.context.fingerprints);
    await svc.context.findings.addFindings('acme/web', found);
    passwordFps.push(found.find((f) => f.tier === 'legacy')!.fingerprint);
  }
  return { tokens, passwords, tokenFps, passwordFps };
}

function api(app: FastifyInstance, token: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  return app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });
}

describe('the queue at scale (API, real Redis)', () => {
  it('exports a filter as JSON, CSV and SARIF, searching by path, detector, repository and fingerprint, closed apart from resolved', async () => {
    service = await buildConsoleService(redis);
    const { app, context, logs } = service;
    const s = await seed(service, 'queue-export');
    const reader = await service.token('read-only');
    const triage = await service.token('triage');
    await context.findings.setStatus(s.tokenFps[1]!, 'closed');
    expect((await api(app, triage, 'POST', `/v1/findings/${s.passwordFps[1]!}/resolution`, { resolution: 'false-positive', reason: '=HYPERLINK("x") in a test' })).statusCode).toBe(200);

    const json = async (query: string): Promise<Array<{ fingerprint: string; status: string; closure: string | null }>> => {
      const res = await api(app, reader, 'GET', `/v1/findings/export?${query}`);
      expect(res.statusCode).toBe(200);
      return (res.json() as { findings: Array<{ fingerprint: string; status: string; closure: string | null }> }).findings;
    };
    const fps = async (query: string): Promise<string[]> => (await json(query)).map((f) => f.fingerprint).sort();
    expect(await fps('q=old_settings')).toEqual([s.passwordFps[1]]);
    // A finding stored before the path index existed is found from its locations, and indexed then.
    await context.redis.del(context.findings.keys.findingPaths(s.passwordFps[0]!));
    expect(await fps('q=settings/prod')).toEqual([s.passwordFps[0]]);
    expect(await context.redis.smembers(context.findings.keys.findingPaths(s.passwordFps[0]!))).toEqual(['settings/prod.py']);
    expect(await fps('q=github-pat')).toEqual([...s.tokenFps].sort());
    expect(await fps('q=ACME/WEB')).toEqual([...s.passwordFps].sort());
    expect(await fps(`q=${s.tokenFps[0]!.slice(0, 10)}`)).toEqual([s.tokenFps[0]]);
    expect(await fps('status=queue')).toEqual([s.tokenFps[0], s.passwordFps[0]].sort());
    const all = await json('');
    expect(all.find((f) => f.fingerprint === s.tokenFps[1])).toMatchObject({ status: 'closed', closure: 'verified-revoked' });
    expect(all.find((f) => f.fingerprint === s.passwordFps[1])).toMatchObject({ status: 'resolved', closure: 'attested' });

    const csv = await api(app, reader, 'GET', '/v1/findings/export?format=csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^fingerprint,status,resolution,/);
    expect(lines).toHaveLength(5);
    // A reason a spreadsheet would run as a formula is written as text.
    expect(csv.body).toContain(`"'=HYPERLINK(""x"") in a test"`);

    const sarif = (await api(app, reader, 'GET', '/v1/findings/export?format=sarif')).json() as {
      runs: Array<{ results: Array<{ partialFingerprints: Record<string, string>; suppressions?: unknown[]; properties: { closure: string | null } }> }>;
    };
    const results = sarif.runs[0]!.results;
    const resolved = results.find((r) => r.partialFingerprints['pushgateSecret/keyed-v2'] === s.passwordFps[1])!;
    expect(resolved.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'false-positive: =HYPERLINK("x") in a test' }]);
    const closed = results.find((r) => r.partialFingerprints['pushgateSecret/keyed-v2'] === s.tokenFps[1])!;
    expect([closed.suppressions, closed.properties.closure]).toEqual([undefined, 'verified-revoked']);
    for (const secret of [...s.tokens, ...s.passwords]) expect(csv.body + JSON.stringify(sarif) + JSON.stringify(all) + logs.text()).not.toContain(secret);
    expect((await api(app, reader, 'GET', '/v1/findings/export?format=xml')).statusCode).toBe(400);
  });

  it('assigns, resolves and re-checks in bulk: each finding on its own, refusals named, texts checked once', async () => {
    service = await buildConsoleService(redis);
    const { app, context } = service;
    const s = await seed(service, 'queue-bulk');
    const triage = await service.token('triage');
    const reader = await service.token('read-only');
    const all = [...s.tokenFps, ...s.passwordFps];

    const assigned = await api(app, triage, 'POST', '/v1/findings/bulk', { action: 'assign', assignee: 'ada', fingerprints: all });
    expect(assigned.json()).toMatchObject({ done: 4, refused: 0 });
    const state = (await api(app, reader, 'GET', `/v1/findings/${s.passwordFps[1]!}/triage`)).json() as { assignee: { name: string } };
    expect(state.assignee.name).toBe('ada');

    const resolved = (await api(app, triage, 'POST', '/v1/findings/bulk', { action: 'resolve', resolution: 'test-credential', reason: 'fixtures', fingerprints: [...all, 'f'.repeat(32)] })).json() as {
      done: number;
      refused: number;
      results: Array<{ fingerprint: string; ok: boolean; code?: string }>;
    };
    expect([resolved.done, resolved.refused]).toEqual([2, 3]);
    expect(resolved.results.filter((r) => !r.ok).map((r) => [r.fingerprint, r.code])).toEqual([
      [s.tokenFps[0], 'RESOLUTION_NEEDS_VERDICT'],
      [s.tokenFps[1], 'RESOLUTION_NEEDS_VERDICT'],
      ['f'.repeat(32), 'FINDING_NOT_FOUND'],
    ]);
    expect(await context.findings.countByStatus()).toMatchObject({ open: 2, resolved: 2 });

    const rechecked = (await api(app, triage, 'POST', '/v1/findings/bulk', { action: 'recheck', fingerprints: all })).json() as { done: number; results: Array<{ ok: boolean; code?: string }> };
    expect(rechecked.done).toBe(2);
    expect(rechecked.results.filter((r) => !r.ok).map((r) => r.code)).toEqual(['LIVENESS_NOT_CHECKABLE', 'LIVENESS_NOT_CHECKABLE']);

    // A secret in the reason refuses the whole request before anything changes; read-only tokens cannot act.
    const leak = await api(app, triage, 'POST', '/v1/findings/bulk', { action: 'resolve', resolution: 'false-positive', reason: `it was ${s.tokens[0]!}`, fingerprints: all });
    expect([leak.statusCode, leak.json().error.code]).toEqual([422, 'TRIAGE_CONTAINS_SECRET']);
    expect((await api(app, reader, 'POST', '/v1/findings/bulk', { action: 'recheck', fingerprints: all })).statusCode).toBe(403);
    expect((await api(app, triage, 'POST', '/v1/findings/bulk', { action: 'resolve', fingerprints: all })).statusCode).toBe(400);
    expect((await api(app, triage, 'POST', '/v1/findings/bulk', { action: 'assign', assignee: 'x', fingerprints: Array.from({ length: 501 }, (_, i) => i.toString(16).padStart(32, '0')) })).statusCode).toBe(400);
    const trail = (await context.audit.listForTarget('finding', s.passwordFps[0]!)).map((r) => r.entry.action);
    expect(trail).toEqual(['finding.assign', 'finding.resolved', 'finding.recheck-request']);
  });

  it('quotes CSV cells and defuses formulas', () => {
    expect(['plain', 'a,b', 'say "hi"', '=1+1', '+x', '-y', '@z', 'line\nbreak'].map(csvCell)).toEqual([
      'plain',
      '"a,b"',
      '"say ""hi"""',
      "'=1+1",
      "'+x",
      "'-y",
      "'@z",
      '"line\nbreak"',
    ]);
  });
});
