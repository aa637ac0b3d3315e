import { mkdtempSync, rmSync } from 'node:fs';
import { deriveFingerprintKey, keyedFingerprinter } from '../../scanner/fingerprint.js';
import { recordFingerprintKey } from '../store/fingerprint-binding.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeyRing } from '../crypto/secret-box.js';
import { FindingsStore } from '../store/findings-store.js';
import { startWorker } from '../worker.js';
import { eventually } from '../../test/support/eventually.js';
import { findingsIn, githubTokens } from '../../test/support/findings.js';
import { ProviderStandIn } from '../../test/support/provider-stand-in.js';
import { githubRoutes } from '../../test/support/providers/github.js';
import { useTestRedis } from '../../test/support/redis.js';
import { LogCapture, testEnv } from '../../test/support/service.js';
import { sweepFirstChecks } from './first-check-sweep.js';

const redis = useTestRedis();
const dir = mkdtempSync(join(tmpdir(), 'pushgate-first-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('first-check sweep', () => {
  it('checks findings a worker stored but died before queueing, once, and leaves findings without a check alone', async () => {
    const [live, gone] = githubTokens('first-check-sweep', 2) as [string, string];
    const standIn = await ProviderStandIn.start({ routes: githubRoutes, valid: [live] });
    const env = testEnv(redis, { PUSHGATE_LIVENESS_BASE_URLS: `github=${standIn.url}`, PUSHGATE_LIVENESS_CACHE: '0', PUSHGATE_LIVENESS_TIMEOUT: '2s' });
    // What a worker killed between storing and queueing leaves: findings in the store, no check job anywhere.
    const encryptionKey = Buffer.from(env['PUSHGATE_ENCRYPTION_KEY']!, 'hex');
    const store = new FindingsStore({ redis: redis.client(), prefix: redis.prefix(), keyRing: new KeyRing([encryptionKey]) });
    // Fingerprinted with the key that worker had bound the store to.
    const workerFingerprints = keyedFingerprinter(deriveFingerprintKey(encryptionKey));
    await recordFingerprintKey(redis.client(), store.keys, workerFingerprints.keyId!, new Date());
    const stored = [
      ...findingsIn(`GITHUB_TOKEN=${live}`, { path: 'a.env' }, workerFingerprints),
      ...findingsIn(`GITHUB_TOKEN=${gone}`, { path: 'b.env' }, workerFingerprints),
      ...findingsIn('db_password = "Tr0ub4dor&3-horse-staple"', { path: 'c.py' }, workerFingerprints),
    ];
    expect(stored.map((f) => f.tier)).toEqual(['identifiable', 'identifiable', 'legacy']);
    await store.addFindings('acme/app', stored);
    const [liveFp, goneFp, legacyFp] = stored.map((f) => f.fingerprint) as [string, string, string];

    const logs = new LogCapture();
    const worker = await startWorker({ env, handleSignals: false, logDestination: logs, workDir: join(dir, 'work') });
    try {
      const status = (fp: string) => store.get(fp, { locationLimit: 0 }).then((f) => f?.status);
      await eventually('the first checks', () => Promise.all([status(liveFp), status(goneFp)]), ([a, b]) => a === 'live' && b === 'revoked');
      for (const fp of [liveFp, goneFp]) {
        const history = await worker.liveness.tracker.history(fp);
        expect(history.map((r) => r.trigger)).toEqual(['sweep']);
      }
      expect(await status(legacyFp)).toBe('open');
      expect(logs.text()).toContain('queued first liveness checks that were never queued');

      // Swept again: everything has its first verdict, nothing is queued twice.
      const again = await sweepFirstChecks({ redis: redis.client(), findings: store, queues: worker.liveness.queues, logger: worker.context.logger });
      expect(again).toEqual({ examined: 1, queued: 0, ran: true });
      for (const s of [live, gone]) expect(logs.text()).not.toContain(s);
    } finally {
      await worker.close();
      await standIn.close();
    }
  });
});
