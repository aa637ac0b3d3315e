import { afterEach, describe, expect, it } from 'vitest';
import { LivenessHttp } from '../../liveness/http/liveness-http.js';
import { findingsIn, githubTokens } from '../../test/support/findings.js';
import { ProviderStandIn, type StandInRoute } from '../../test/support/provider-stand-in.js';
import { GITHUB_REVOCATION_SPAMMED, githubRevocationRoutes, githubRoutes } from '../../test/support/providers/github.js';
import { useTestRedis } from '../../test/support/redis.js';
import { buildTestService, type TestService } from '../../test/support/service.js';
import { ALPHA, TokenFactory } from '../../test/support/token-factory.js';
import { buildApi } from '../api/app.js';
import { FindingRevocation } from './finding-revocation.js';
import { LivenessQueues } from './liveness-queues.js';

/**
 * POST /v1/findings/{fp}/revoke on real Redis against the GitHub stand-in:
 * who may revoke what, the provider's three answers, the audit before and
 * after, the immediate check it queues (the only thing that moves the
 * finding), and one revocation at a time.
 */
const redis = useTestRedis();
const closers: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

interface Setup {
  readonly service: TestService;
  readonly api: Awaited<ReturnType<typeof buildApi>>;
  readonly standIn: ProviderStandIn;
  readonly queues: LivenessQueues;
  readonly token: string;
  readonly fp: string;
  readonly legacyFp: string;
}

async function setUp(options: { routes?: readonly StandInRoute[]; enabled?: boolean; latencyMs?: number; baseUrl?: string } = {}): Promise<Setup> {
  const service = await buildTestService(redis);
  closers.push(() => service.app.close());
  const [token] = githubTokens('finding-revocation', 1) as [string];
  const dbPassword = new TokenFactory('finding-revocation-db').chars(ALPHA.base62, 18);
  const found = findingsIn(`GITHUB_TOKEN=${token}\ndb = "postgres://app:${dbPassword}@db.internal:5432/app"\n`, { path: '.env', commit: 'c'.repeat(40) });
  await service.context.findings.addFindings('acme/api', found);
  const standIn = await ProviderStandIn.start({ routes: options.routes ?? [...githubRoutes, ...githubRevocationRoutes], valid: [token], ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}) });
  closers.push(() => standIn.close());
  const queues = new LivenessQueues({ connection: redis.client(), redisPrefix: redis.prefix() });
  closers.push(() => queues.close());
  const http = new LivenessHttp({ allowedPrivateHosts: ['127.0.0.1'], timeoutMs: 2000 });
  closers.push(() => http.close());
  const revocation = new FindingRevocation({
    findings: service.context.findings,
    audit: service.context.audit,
    queues,
    redis: redis.client(),
    http,
    baseUrls: { github: options.baseUrl ?? standIn.url },
    enabled: options.enabled ?? true,
    timeoutMs: 2000,
  });
  const api = await buildApi({ ...service.context, revocation });
  closers.push(() => api.close());
  return {
    service,
    api,
    standIn,
    queues,
    token,
    fp: found.find((f) => f.detector === 'github-pat-classic')!.fingerprint,
    legacyFp: found.find((f) => f.tier === 'legacy')!.fingerprint,
  };
}

const revoke = (s: Setup, bearer: string, fp = s.fp, payload?: unknown) =>
  s.api.inject({ method: 'POST', url: `/v1/findings/${fp}/revoke`, headers: { authorization: `Bearer ${bearer}`, ...(payload ? { 'content-type': 'application/json' } : {}) }, ...(payload ? { payload: payload as object } : {}) });

async function actions(s: Setup, fp = s.fp): Promise<Array<{ action: string; data?: Record<string, unknown> }>> {
  return (await s.service.context.audit.listForTarget('finding', fp)).map((r) => ({ action: r.entry.action, ...(r.entry.data ? { data: r.entry.data as Record<string, unknown> } : {}) }));
}

describe('POST /v1/findings/{fingerprint}/revoke', () => {
  it('accepted: the provider is asked unauthenticated, both steps are audited, and an immediate check is queued; the status does not move by itself', async () => {
    const s = await setUp();
    const triage = await s.service.token('triage');
    const res = await revoke(s, triage, s.fp, { note: 'leaked in a public gist' });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ outcome: 'accepted', reason: expect.stringContaining('GitHub accepted the revocation'), httpStatus: 202, provider: 'GitHub', checkQueued: true });
    const call = s.standIn.requests.find((r) => r.path === '/credentials/revoke')!;
    expect(call.method).toBe('POST');
    expect(call.headers.authorization).toBeUndefined();
    expect(JSON.parse(call.body)).toEqual({ credentials: [s.token] });
    // The finding has not moved: only the check's verdict will move it.
    expect((await s.service.context.findings.get(s.fp, { locationLimit: 0 }))!.status).toBe('open');
    const job = await s.queues.queue('github').getJob(s.fp);
    expect(job?.data).toEqual({ fingerprint: s.fp, trigger: 'revoke' });
    expect(await actions(s)).toEqual([
      { action: 'finding.revoke-request', data: expect.objectContaining({ provider: 'GitHub', note: 'leaked in a public gist', status: 'open' }) },
      { action: 'finding.revoke-result', data: expect.objectContaining({ outcome: 'accepted', httpStatus: 202, checkQueued: true }) },
    ]);
    const everything = JSON.stringify(await actions(s)) + res.body + JSON.stringify(job?.data) + s.service.logs.text();
    expect(everything).not.toContain(s.token);
  });

  it("the provider's refusal is reported, audited and queues a check; the finding keeps its status", async () => {
    const s = await setUp({ routes: [...githubRoutes, ...githubRevocationRoutes.map((r) => ({ ...r, revokes: false, live: () => GITHUB_REVOCATION_SPAMMED, revoked: () => GITHUB_REVOCATION_SPAMMED }))] });
    const res = await revoke(s, await s.service.token('admin'));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ outcome: 'refused', httpStatus: 422, reason: expect.stringContaining('Validation Failed') });
    expect((await actions(s)).map((a) => `${a.action}:${a.data?.outcome ?? ''}`)).toEqual(['finding.revoke-request:', 'finding.revoke-result:refused']);
    expect((await s.queues.queue('github').getJob(s.fp))?.data.trigger).toBe('revoke');
  });

  it('an unreachable provider: failed, never accepted', async () => {
    const s = await setUp({ baseUrl: 'http://127.0.0.1:9' });
    const res = await revoke(s, await s.service.token('triage'));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ outcome: 'failed' });
  });

  it('refuses read-only and ingest tokens, unknown findings, formats without a revocation, and a second revocation while one runs', async () => {
    const s = await setUp({ latencyMs: 300 });
    const triage = await s.service.token('triage');
    expect((await revoke(s, await s.service.token('read-only'))).json()).toMatchObject({ error: { code: 'AUTH_FORBIDDEN' } });
    expect((await revoke(s, await s.service.token('ingest'))).statusCode).toBe(403);
    expect((await revoke(s, triage, '0'.repeat(32))).json()).toMatchObject({ error: { code: 'FINDING_NOT_FOUND' } });
    expect((await revoke(s, triage, 'nope')).statusCode).toBe(400);
    const legacy = await revoke(s, triage, s.legacyFp);
    expect(legacy.statusCode).toBe(409);
    expect(legacy.json()).toMatchObject({ error: { code: 'REVOCATION_NOT_SUPPORTED' } });
    expect((await revoke(s, triage, s.fp, { note: 'x'.repeat(501) })).statusCode).toBe(400);
    expect((await revoke(s, triage, s.fp, { reason: 'unknown field' })).statusCode).toBe(400);
    expect(s.standIn.requests).toHaveLength(0);

    const [first, second] = await Promise.all([revoke(s, triage), new Promise((r) => setTimeout(r, 50)).then(() => revoke(s, triage))]);
    expect(first.statusCode).toBe(202);
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ error: { code: 'REVOCATION_IN_PROGRESS' } });
    expect(s.standIn.requests.filter((r) => r.path === '/credentials/revoke')).toHaveLength(1);
  });

  it('when the check cannot be queued after the provider answered, the result is still audited and the failure reaches the caller', async () => {
    const s = await setUp();
    const http = new LivenessHttp({ allowedPrivateHosts: ['127.0.0.1'], timeoutMs: 2000 });
    closers.push(() => http.close());
    const broken = { schedule: async () => Promise.reject(new Error('store unavailable')) } as unknown as LivenessQueues;
    const revocation = new FindingRevocation({ findings: s.service.context.findings, audit: s.service.context.audit, queues: broken, redis: redis.client(), http, baseUrls: { github: s.standIn.url }, enabled: true, timeoutMs: 2000 });
    await expect(revocation.revoke(s.fp, { kind: 'cli', id: 'test' })).rejects.toThrow('store unavailable');
    expect((await actions(s)).map((a) => `${a.action}:${a.data?.outcome ?? ''}:${a.data?.checkQueued ?? ''}`)).toEqual(['finding.revoke-request::', 'finding.revoke-result:accepted:false']);
    // The lock was released: a second attempt is not refused as running.
    await expect(revocation.revoke(s.fp, { kind: 'cli', id: 'test' })).rejects.toThrow('store unavailable');
  });

  it('answers 503 when liveness checks are off (nothing could confirm a revocation), and where revocation is not wired', async () => {
    const s = await setUp({ enabled: false });
    const res = await revoke(s, await s.service.token('triage'));
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: { code: 'LIVENESS_DISABLED' } });
    expect(s.standIn.requests).toHaveLength(0);
    const plain = await revoke({ ...s, api: s.service.app }, await s.service.token('triage'));
    expect(plain.json()).toMatchObject({ error: { code: 'LIVENESS_UNAVAILABLE' } });
  });
});
