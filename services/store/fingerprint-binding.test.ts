import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveFingerprintKey, keyedFingerprinter, v1Fingerprint, type Fingerprinter } from '../../scanner/fingerprint.js';
import { findingsIn, githubTokens } from '../../test/support/findings.js';
import { useTestRedis } from '../../test/support/redis.js';
import { testEnv } from '../../test/support/service.js';
import { verifyAuditChain } from '../audit/audit-log.js';
import { migrateFingerprints } from '../cli/store-command.js';
import { loadConfig } from '../config/config.js';
import { bindFingerprints, createServiceContext, type ServiceContext } from '../context.js';
import { LivenessQueues } from '../liveness/liveness-queues.js';
import { startService } from '../serve.js';
import { TriageStore } from '../triage/triage-store.js';

const redis = useTestRedis();
const contexts: ServiceContext[] = [];
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

function contextFor(env: NodeJS.ProcessEnv): ServiceContext {
  const ctx = createServiceContext(loadConfig(env), { redis: redis.client(), defaultMetrics: false, logger: pino({ level: 'silent' }) });
  contexts.push(ctx);
  return ctx;
}


const hex = (b: Buffer): string => b.toString('hex');
const derivedFrom = (key: Buffer): Fingerprinter => keyedFingerprinter(deriveFingerprintKey(key));

/** What pushgate before v2 stored: unkeyed SHA-256 fingerprints. */
const V1: Fingerprinter = { scheme: 'unkeyed-v2', of: v1Fingerprint };

describe('fingerprint key binding', () => {
  it('a new store records the configured key; a rotated encryption key keeps it; a key nobody configured refuses to start', async () => {
    const [a, b] = [randomBytes(32), randomBytes(32)];
    const first = contextFor(testEnv(redis, { PUSHGATE_ENCRYPTION_KEY: hex(a) }));
    await bindFingerprints(first);
    expect(await redis.client().hget(first.findings.keys.fingerprintBinding, 'keyId')).toBe(derivedFrom(a).keyId);
    expect(first.fingerprints.of('github-token', 'x')).toBe(derivedFrom(a).of('github-token', 'x'));

    // PUSHGATE_ENCRYPTION_KEY rotated, the old key kept for opening: same fingerprints as before.
    const rotated = contextFor(testEnv(redis, { PUSHGATE_ENCRYPTION_KEY: hex(b), PUSHGATE_ENCRYPTION_KEYS_PREVIOUS: hex(a) }));
    expect(rotated.fingerprints.keyId).toBe(derivedFrom(b).keyId);
    await bindFingerprints(rotated);
    expect(rotated.fingerprints.keyId).toBe(derivedFrom(a).keyId);
    expect(rotated.fingerprints.of('github-token', 'x')).toBe(first.fingerprints.of('github-token', 'x'));

    // The old key dropped, or an explicit key that is not the store's: refused, saying what to do.
    for (const env of [{ PUSHGATE_ENCRYPTION_KEY: hex(b) }, { PUSHGATE_ENCRYPTION_KEY: hex(a), PUSHGATE_FINGERPRINT_KEY: hex(b) }]) {
      await expect(bindFingerprints(contextFor(testEnv(redis, env)))).rejects.toMatchObject({
        code: 'STORE_FINGERPRINT_KEY_CHANGED',
        message: expect.stringContaining('pushgate store migrate-fingerprints'),
      });
    }
  });

  it('an explicit PUSHGATE_FINGERPRINT_KEY keys a new store by itself, whatever the encryption key', async () => {
    const fpKey = randomBytes(32);
    const ctx = contextFor(testEnv(redis, { PUSHGATE_FINGERPRINT_KEY: fpKey.toString('base64') }));
    await bindFingerprints(ctx);
    expect(ctx.fingerprints.keyId).toBe(keyedFingerprinter(fpKey).keyId);
    // Another process with another encryption key but the same fingerprint key agrees.
    const other = contextFor(testEnv(redis, { PUSHGATE_FINGERPRINT_KEY: hex(fpKey) }));
    await bindFingerprints(other);
    expect(other.fingerprints.of('legacy-credential', 'hunter2')).toBe(ctx.fingerprints.of('legacy-credential', 'hunter2'));
  });
});

describe('pushgate store migrate-fingerprints', () => {
  it('moves a store written with v1 fingerprints to keyed ones: indexes, status, triage, checks and audit follow; the service starts only after', async () => {
    const key = randomBytes(32);
    const env = testEnv(redis, { PUSHGATE_ENCRYPTION_KEY: hex(key) });
    const ctx = contextFor(env);
    const [token] = githubTokens('migrate', 1);
    const password = `Qv7${randomBytes(6).toString('hex')}!x`;
    const text = `GITHUB_TOKEN=${token}\ndb_password = "${password}"\n`;
    const old = findingsIn(text, { path: 'config.env' }, V1);
    expect(old.map((f) => f.detector).sort()).toEqual(['github-pat-classic', 'password-assignment']);
    await ctx.findings.addFindings('acme/a', old);
    await ctx.findings.addFindings('acme/b', findingsIn(text, { path: 'other.env' }, V1));
    const tokenOld = old.find((f) => f.detector === 'github-pat-classic')!.fingerprint;
    const passwordOld = old.find((f) => f.detector === 'password-assignment')!.fingerprint;
    expect(tokenOld).toBe(v1Fingerprint('github-token', token!));
    await ctx.findings.setStatus(tokenOld, 'live');
    const triage = new TriageStore({ redis: ctx.redis, prefix: redis.prefix(), findings: ctx.findings, audit: ctx.audit, engine: ctx.engine });
    await triage.assign(tokenOld, 'alice', { kind: 'system', id: 'test' });
    await triage.comment(tokenOld, 'rotating it today', { kind: 'system', id: 'test' });
    const queues = new LivenessQueues({ connection: ctx.redis, redisPrefix: redis.prefix() });
    await queues.schedule('github', tokenOld, 3_600_000, 'schedule');
    // An accepted risk moves with its expiry, so the sweep still reopens it under the new fingerprint.
    const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    await ctx.findings.resolve(passwordOld, { kind: 'accepted-risk', reason: 'legacy app, retiring', at: new Date().toISOString(), by: 'system:test', expiresAt });

    await expect(startService({ env, handleSignals: false, redisWaitMs: 1000 })).rejects.toMatchObject({ code: 'STORE_FINGERPRINTS_UNKEYED' });

    const result = await migrateFingerprints(env);
    const keyed = derivedFrom(key);
    const tokenNew = keyed.of('github-token', token!);
    const passwordNew = keyed.of('legacy-credential', password);
    expect(result).toEqual({ keyId: keyed.keyId, moved: 2, unchanged: 0, conflicts: [] });

    const k = ctx.findings.keys;
    expect(await ctx.redis.exists(k.finding(tokenOld), k.finding(passwordOld), k.findingLocations(tokenOld), k.triage(tokenOld), k.triageComments(tokenOld))).toBe(0);
    expect((await ctx.findings.list({})).findings.map((f) => f.fingerprint).sort()).toEqual([tokenNew, passwordNew].sort());
    expect((await ctx.findings.list({ status: 'live' })).findings.map((f) => f.fingerprint)).toEqual([tokenNew]);
    expect((await ctx.findings.list({ status: 'resolved' })).findings.map((f) => [f.fingerprint, f.resolution?.kind])).toEqual([[passwordNew, 'accepted-risk']]);
    expect(await ctx.findings.expiredResolutions(Date.parse(expiresAt))).toEqual([passwordNew]);
    expect((await ctx.findings.list({ repository: 'acme/b' })).findings).toHaveLength(2);
    expect((await ctx.findings.list({ provider: 'GitHub' })).findings.map((f) => f.fingerprint)).toEqual([tokenNew]);
    const detail = await ctx.findings.get(tokenNew);
    expect([detail?.status, detail?.locations.map((l) => l.path).sort()]).toEqual(['live', ['config.env', 'other.env']]);
    // Sealed for the new fingerprint: it opens there, and only there.
    expect((await ctx.findings.revealSecret(tokenNew))?.secret.reveal()).toBe(token);
    expect((await ctx.findings.revealSecret(passwordNew))?.secret.reveal()).toBe(password);
    const state = await triage.get(tokenNew);
    expect([state.assignee?.name, state.comments.map((c) => c.text)]).toEqual(['alice', ['rotating it today']]);
    // The scheduled re-check moved with it, still about an hour away.
    const job = await queues.queue('github').getJob(tokenNew);
    expect(await job?.getState()).toBe('delayed');
    expect(job!.timestamp + job!.opts.delay! - Date.now()).toBeGreaterThan(3_500_000);
    expect(await queues.queue('github').getJob(tokenOld)).toBeUndefined();
    // Each move is audited against the new fingerprint, naming the old one; the chain holds.
    const moves = await ctx.audit.listForTarget('finding', tokenNew);
    expect(moves.map((r) => [r.entry.action, r.entry.data?.['from']])).toContainEqual(['finding.fingerprint-changed', tokenOld]);
    expect((await ctx.audit.list({ limit: 1 }))[0]!.entry).toMatchObject({ action: 'store.fingerprints-rekeyed', data: { moved: 2, keyId: keyed.keyId } });
    expect((await verifyAuditChain(ctx.redis, redis.prefix())).ok).toBe(true);
    await queues.close();

    // Idempotent, and the service now starts bound to the key.
    expect(await migrateFingerprints(env)).toEqual({ keyId: keyed.keyId, moved: 0, unchanged: 2, conflicts: [] });
    const service = await startService({ env, handleSignals: false, redisWaitMs: 1000, logDestination: { write: () => {} } });
    await service.close();
  });
});
