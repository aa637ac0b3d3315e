import { afterEach, describe, expect, it } from 'vitest';
import { findingsIn, githubTokens } from '../../../test/support/findings.js';
import { useTestRedis } from '../../../test/support/redis.js';
import { ALPHA, TokenFactory } from '../../../test/support/token-factory.js';
import { buildTestService, type TestService } from '../../../test/support/service.js';
import { LivenessQueues } from '../../liveness/liveness-queues.js';
import { LivenessTracker } from '../../liveness/liveness-tracker.js';
import { LIVENESS_DEFAULTS } from '../../config/liveness-config.js';
import { buildApi } from '../app.js';

/** POST /v1/findings/{fp}/recheck and GET /v1/findings/{fp}/liveness: permissions, errors, and what a request does. */
const redis = useTestRedis();
let queues: LivenessQueues | undefined;
afterEach(async () => {
  await queues?.close();
  queues = undefined;
});

async function setUp(): Promise<{ service: TestService; api: Awaited<ReturnType<typeof buildApi>>; fp: string; legacyFp: string }> {
  const service = await buildTestService(redis);
  const [token] = githubTokens('liveness-routes', 1) as [string];
  // A legacy finding too (a password in a database URL), generated here like every test secret.
  const dbPassword = new TokenFactory('liveness-routes-db').chars(ALPHA.base62, 18);
  const found = findingsIn(`GITHUB_TOKEN=${token}\ndb = "postgres://app:${dbPassword}@db.internal:5432/app"\n`, { path: '.env', commit: 'c'.repeat(40) });
  await service.context.findings.addFindings('acme/api', found);
  queues = new LivenessQueues({ connection: redis.client(), redisPrefix: redis.prefix() });
  const liveness = new LivenessTracker({ findings: service.context.findings, audit: service.context.audit, queues, settings: LIVENESS_DEFAULTS });
  const api = await buildApi({ ...service.context, liveness });
  const fp = found.find((f) => f.detector === 'github-pat-classic')!.fingerprint;
  const legacyFp = found.find((f) => f.tier === 'legacy')!.fingerprint;
  return { service, api, fp, legacyFp };
}

describe('liveness routes', () => {
  it('queues an immediate check for triage, audits it, and changes no status', async () => {
    const { service, api, fp } = await setUp();
    const triage = await service.token('triage');
    const res = await api.inject({ method: 'POST', url: `/v1/findings/${fp}/recheck`, headers: { authorization: `Bearer ${triage}`, 'content-type': 'application/json' }, payload: { note: 'revoked in the console' } });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ queued: true, reason: 'added' });
    expect(await queues!.queue('github').getJobState(fp)).toBe('waiting');
    expect((await service.context.findings.get(fp))!.status).toBe('open');
    const audit = (await service.context.audit.listForTarget('finding', fp)).map((r) => r.entry);
    expect(audit).toEqual([expect.objectContaining({ action: 'finding.recheck-request', data: expect.objectContaining({ note: 'revoked in the console', queued: true }) })]);

    const read = await api.inject({ method: 'GET', url: `/v1/findings/${fp}/liveness`, headers: { authorization: `Bearer ${triage}` } });
    expect(read.json()).toEqual({ status: 'open', owner: null, nextCheckAt: null, checks: [] });
  });

  it('refuses read-only tokens, unknown findings, and findings no provider can check', async () => {
    const { service, api, fp, legacyFp } = await setUp();
    const readOnly = await service.token('read-only');
    const triage = await service.token('triage');
    const post = (token: string, target: string) => api.inject({ method: 'POST', url: `/v1/findings/${target}/recheck`, headers: { authorization: `Bearer ${token}` } });
    expect((await post(readOnly, fp)).json()).toMatchObject({ error: { code: 'AUTH_FORBIDDEN' } });
    expect((await post(triage, '0'.repeat(32))).statusCode).toBe(404);
    const legacy = await post(triage, legacyFp);
    expect(legacy.statusCode).toBe(409);
    expect(legacy.json()).toMatchObject({ error: { code: 'LIVENESS_NOT_CHECKABLE' } });
    expect((await post(triage, 'not-a-fingerprint')).statusCode).toBe(400);
    // Reading is allowed to read-only tokens.
    expect((await api.inject({ method: 'GET', url: `/v1/findings/${fp}/liveness`, headers: { authorization: `Bearer ${readOnly}` } })).statusCode).toBe(200);
  });

  it('answers 503 where liveness tracking is not wired', async () => {
    const service = await buildTestService(redis);
    const triage = await service.token('triage');
    const res = await service.app.inject({ method: 'POST', url: `/v1/findings/${'a'.repeat(32)}/recheck`, headers: { authorization: `Bearer ${triage}` } });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: { code: 'LIVENESS_UNAVAILABLE' } });
  });
});
