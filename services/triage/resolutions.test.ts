import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { makeAgeSecretKey } from '../../detectors/age-secret-key/examples.js';
import { checkForDetector } from '../../liveness/registry.js';
import { buildConsoleService, type ConsoleTestService } from '../../test/console/console-service.js';
import { findingsIn, githubTokens, testEngine } from '../../test/support/findings.js';
import { useTestRedis } from '../../test/support/redis.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import type { FindingEvent } from '../liveness/outgoing-webhooks.js';
import { readStatusSamples } from './status-samples.js';
import { Resolutions } from './resolutions.js';

const redis = useTestRedis();
let service: ConsoleTestService | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
});

const REPO = 'https://github.com/acme/widgets.git';
const DAY = 86_400_000;

/** A legacy finding (a password in code), an identifiable one without a provider check (an age key) and a GitHub token (checked). */
async function seed(svc: ConsoleTestService, seedText: string): Promise<{ legacy: string; unchecked: string; checked: string; secrets: string[] }> {
  const t = new TokenFactory(seedText);
  const password = `Qz${t.chars('abcdefghjkmnpqrstuvwxyz23456789', 14)}7!`;
  const age = makeAgeSecretKey(t);
  const [github] = githubTokens(seedText, 1) as [string];
  const text = `db_password = "${password}"\n# SOPS_AGE_KEY=${age}\nTOKEN=${github}\n`;
  const found = findingsIn(text, { path: 'deploy/app.env', commit: 'a'.repeat(40), author: 'Jane', email: 'jane@example.com' });
  await svc.context.findings.addFindings(REPO, found);
  const by = (detector: string): string => {
    const f = found.find((x) => x.detector === detector);
    if (!f) throw new Error(`no ${detector} finding in the seed (got ${found.map((x) => x.detector).join(', ')})`);
    return f.fingerprint;
  };
  const legacy = found.find((f) => f.tier === 'legacy' && f.secret.redacted.startsWith('Qz'));
  if (!legacy) throw new Error(`no legacy finding for the password (got ${found.map((x) => `${x.detector}:${x.tier}`).join(', ')})`);
  return { legacy: legacy.fingerprint, unchecked: by('age-secret-key'), checked: by('github-pat-classic'), secrets: [password, age, github] };
}

function api(app: FastifyInstance, token: string, method: 'POST' | 'DELETE' | 'GET', url: string, payload?: unknown) {
  return app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });
}

describe('resolutions (API, real Redis)', () => {
  it('resolves legacy and unchecked findings with a reason, refuses checked ones, and undoes, each step audited', async () => {
    service = await buildConsoleService(redis);
    const { app, context, logs } = service;
    const { legacy, unchecked, checked, secrets } = await seed(service, 'resolutions-api');
    expect(checkForDetector('age-secret-key')).toBeUndefined();
    expect(checkForDetector('github-pat-classic')).toBeDefined();
    const triage = await service.token('triage');
    const readOnly = await service.token('read-only');

    const fp = await api(app, triage, 'POST', `/v1/findings/${legacy}/resolution`, { resolution: 'false-positive', reason: 'SDK example password from the vendor docs' });
    expect(fp.statusCode).toBe(200);
    expect(fp.json()).toMatchObject({ fingerprint: legacy, status: 'resolved', resolution: { kind: 'false-positive', reason: 'SDK example password from the vendor docs', expiresAt: null } });
    const test = await api(app, triage, 'POST', `/v1/findings/${unchecked}/resolution`, { resolution: 'test-credential', reason: 'fixture key, used only by the encryption tests' });
    expect(test.statusCode).toBe(200);

    // The checked token: only the provider's verdict closes it.
    const refused = await api(app, triage, 'POST', `/v1/findings/${checked}/resolution`, { resolution: 'false-positive', reason: 'looks fake to me' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'RESOLUTION_NEEDS_VERDICT' } });
    expect((await context.findings.get(checked))!.status).toBe('open');

    // Out of the queue, apart from closed, in the API and the counts.
    const open = (await api(app, triage, 'GET', '/v1/findings?status=open')).json() as { findings: Array<{ fingerprint: string }> };
    expect(open.findings.map((f) => f.fingerprint)).toEqual([checked]);
    const resolved = (await api(app, triage, 'GET', '/v1/findings?status=resolved')).json() as { findings: Array<{ fingerprint: string; status: string; resolution: { kind: string } }> };
    expect(resolved.findings.map((f) => [f.fingerprint, f.status, f.resolution.kind]).sort()).toEqual(
      [
        [legacy, 'resolved', 'false-positive'],
        [unchecked, 'resolved', 'test-credential'],
      ].sort(),
    );
    const one = (await api(app, readOnly, 'GET', `/v1/findings/${legacy}`)).json() as { status: string; resolution: { by: string; at: string } };
    expect(one.status).toBe('resolved');
    expect(one.resolution.by).toMatch(/^token:/);
    expect(await context.findings.countByStatus()).toMatchObject({ open: 1, resolved: 2, closed: 0 });

    // Undo: open again; a second undo has nothing to remove.
    const undo = await api(app, triage, 'DELETE', `/v1/findings/${legacy}/resolution`);
    expect(undo.statusCode).toBe(200);
    expect(undo.json()).toEqual({ fingerprint: legacy, status: 'open', resolution: null });
    expect((await context.findings.get(legacy))!.resolution).toBeNull();
    const again = await api(app, triage, 'DELETE', `/v1/findings/${legacy}/resolution`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'FINDING_NOT_RESOLVED' } });

    const trail = (await context.audit.listForTarget('finding', legacy)).map((r) => [r.entry.action, r.entry.actor.role, r.entry.data]);
    expect(trail).toEqual([
      ['finding.resolved', 'triage', { resolution: 'false-positive', reason: 'SDK example password from the vendor docs', expiresAt: null, previousStatus: 'open' }],
      ['finding.resolution-removed', 'triage', { resolution: 'false-positive', reason: 'SDK example password from the vendor docs', resolvedBy: expect.stringMatching(/^token:/) }],
    ]);
    expect(await context.audit.verify()).toMatchObject({ ok: true });
    for (const s of secrets) expect(logs.text()).not.toContain(s);
  });

  it('refuses bad input with clear codes and writes nothing', async () => {
    service = await buildConsoleService(redis);
    const { app, context } = service;
    const { legacy, secrets } = await seed(service, 'resolutions-bad-input');
    const triage = await service.token('triage');
    const readOnly = await service.token('read-only');
    const now = Date.now();
    const cases: Array<[string, unknown, number, string]> = [
      ['no reason', { resolution: 'false-positive' }, 400, 'REQUEST_INVALID'],
      ['empty reason', { resolution: 'false-positive', reason: '   ' }, 400, 'TRIAGE_INPUT_INVALID'],
      ['unknown resolution', { resolution: 'wontfix', reason: 'x' }, 400, 'REQUEST_INVALID'],
      ['a secret in the reason', { resolution: 'test-credential', reason: `it is ${secrets[2]!}` }, 422, 'TRIAGE_CONTAINS_SECRET'],
      ['accepted risk without a date', { resolution: 'accepted-risk', reason: 'vendor fix due' }, 400, 'RESOLUTION_EXPIRY_INVALID'],
      ['accepted risk in the past', { resolution: 'accepted-risk', reason: 'vendor fix due', expiresAt: new Date(now - DAY).toISOString() }, 400, 'RESOLUTION_EXPIRY_INVALID'],
      ['accepted risk two years ahead', { resolution: 'accepted-risk', reason: 'vendor fix due', expiresAt: new Date(now + 730 * DAY).toISOString() }, 400, 'RESOLUTION_EXPIRY_INVALID'],
      ['accepted risk with no date at all', { resolution: 'accepted-risk', reason: 'vendor fix due', expiresAt: 'next spring' }, 400, 'RESOLUTION_EXPIRY_INVALID'],
      ['a date on a false positive', { resolution: 'false-positive', reason: 'docs', expiresAt: new Date(now + DAY).toISOString() }, 400, 'RESOLUTION_EXPIRY_INVALID'],
    ];
    for (const [what, body, status, code] of cases) {
      const res = await api(app, triage, 'POST', `/v1/findings/${legacy}/resolution`, body);
      expect([what, res.statusCode, (res.json() as { error: { code: string } }).error.code]).toEqual([what, status, code]);
    }
    const unknown = await api(app, triage, 'POST', `/v1/findings/${'f'.repeat(32)}/resolution`, { resolution: 'false-positive', reason: 'x' });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'FINDING_NOT_FOUND']);
    const forbidden = await api(app, readOnly, 'POST', `/v1/findings/${legacy}/resolution`, { resolution: 'false-positive', reason: 'x' });
    expect([forbidden.statusCode, forbidden.json().error.code]).toEqual([403, 'AUTH_FORBIDDEN']);
    const forbiddenUndo = await api(app, readOnly, 'DELETE', `/v1/findings/${legacy}/resolution`);
    expect(forbiddenUndo.statusCode).toBe(403);
    // A year ahead is the most an accepted risk gets.
    const year = await api(app, triage, 'POST', `/v1/findings/${legacy}/resolution`, { resolution: 'accepted-risk', reason: 'vendor fix due', expiresAt: new Date(now + 364 * DAY).toISOString() });
    expect(year.statusCode).toBe(200);
    const trail = (await context.audit.listForTarget('finding', legacy)).map((r) => r.entry.action);
    expect(trail).toEqual(['finding.resolved']);
  });

  it('reopens a resolved finding when its secret shows up in a new place, and an accepted risk when it expires', async () => {
    service = await buildConsoleService(redis);
    const { context } = service;
    const { legacy, unchecked, secrets } = await seed(service, 'resolutions-reopen');
    let now = Date.now();
    const events: FindingEvent[] = [];
    const resolutions = new Resolutions({
      findings: context.findings,
      audit: context.audit,
      engine: testEngine(),
      notifier: { notify: async (e) => void events.push(e) },
      clock: () => new Date(now),
      onStatusChange: async () => {},
    });
    const actor = { kind: 'token', id: 'tok_t', role: 'triage' } as const;
    await resolutions.resolve(legacy, { resolution: 'false-positive', reason: 'docs example' }, actor);
    await resolutions.resolve(unchecked, { resolution: 'accepted-risk', reason: 'rotating with the vendor', expiresAt: new Date(now + 10 * DAY).toISOString() }, actor);

    // The same commit again adds nothing: still resolved. A new file with the same password reopens it.
    const same = await context.findings.addFindings(REPO, findingsIn(`db_password = "${secrets[0]!}"\n`, { path: 'deploy/app.env', commit: 'a'.repeat(40) }));
    expect(same.reopened).toEqual([]);
    expect((await context.findings.get(legacy))!.status).toBe('resolved');
    // The same file in a later commit (the line moved): a new location, not a new place, so still resolved.
    const edited = await context.findings.addFindings(REPO, findingsIn(`# moved\n\ndb_password = "${secrets[0]!}"\n`, { path: 'deploy/app.env', commit: 'c'.repeat(40) }));
    expect([edited.locationsAdded, edited.reopened]).toEqual([1, []]);
    expect((await context.findings.get(legacy))!.status).toBe('resolved');
    const moved = await context.findings.addFindings(REPO, findingsIn(`db_password = "${secrets[0]!}"\n`, { path: 'deploy/other.env', commit: 'b'.repeat(40) }));
    expect(moved.reopened).toEqual([{ fingerprint: legacy, resolution: expect.objectContaining({ kind: 'false-positive', reason: 'docs example' }) }]);
    await resolutions.reopened(moved.reopened);
    expect(await context.findings.get(legacy, { locationLimit: 0 })).toMatchObject({ status: 'open', resolution: null });

    // Not yet expired: nothing happens. Past the date: open again, once.
    expect(await resolutions.expireDue()).toBe(0);
    now += 11 * DAY;
    expect(await resolutions.expireDue()).toBe(1);
    expect(await resolutions.expireDue()).toBe(0);
    expect(await context.findings.get(unchecked, { locationLimit: 0 })).toMatchObject({ status: 'open', resolution: null });
    expect(await context.redis.zcard(context.findings.keys.resolutionExpiry)).toBe(0);

    expect((await context.audit.listForTarget('finding', legacy)).map((r) => [r.entry.action, r.entry.actor.id, (r.entry.data as { cause?: string }).cause])).toEqual([
      ['finding.resolved', 'tok_t', undefined],
      ['finding.reopened', 'scan-worker', 'new-location'],
    ]);
    expect((await context.audit.listForTarget('finding', unchecked)).map((r) => [r.entry.action, r.entry.actor.id, (r.entry.data as { cause?: string }).cause])).toEqual([
      ['finding.resolved', 'tok_t', undefined],
      ['finding.reopened', 'resolution-expiry', 'accepted-risk-expired'],
    ]);
    // Webhook receivers tell an attestation from a provider's verdict by the event name; no event carries a secret.
    expect(events.map((e) => [e.event, e.finding.fingerprint, e.status, e.event === 'finding.resolution_changed' ? e.cause : ''])).toEqual([
      ['finding.resolution_changed', legacy, 'resolved', 'resolved'],
      ['finding.resolution_changed', unchecked, 'resolved', 'resolved'],
      ['finding.resolution_changed', legacy, 'open', 'new-location'],
      ['finding.resolution_changed', unchecked, 'open', 'accepted-risk-expired'],
    ]);
    for (const s of secrets) expect(JSON.stringify(events)).not.toContain(s);
  });

  it('keeps counts of resolved findings in the status samples, and reads samples taken before the status existed', async () => {
    service = await buildConsoleService(redis);
    const { context } = service;
    const { legacy } = await seed(service, 'resolutions-samples');
    const sampleKey = `${context.findings.keys.prefix}findings:status-samples`;
    // A sample from before `resolved` existed (two days ago): five counts.
    const before = Math.floor((Date.now() - 2 * DAY) / 60_000) * 60_000;
    await context.redis.zadd(sampleKey, before, `${before}:3,1,0,0,2`);
    const triage = await service.token('triage');
    const res = await api(service.app, triage, 'POST', `/v1/findings/${legacy}/resolution`, { resolution: 'false-positive', reason: 'docs' });
    expect(res.statusCode).toBe(200);
    const samples = await readStatusSamples({ redis: context.redis, findings: context.findings }, 0);
    expect(samples[0]).toEqual({ at: before, counts: { open: 3, live: 1, unknown: 0, revoked: 0, closed: 2, resolved: 0 } });
    expect(samples.at(-1)!.counts).toMatchObject({ open: 2, resolved: 1 });
  });
});
